import { Badge, Code, Group, Modal, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../ui/format.ts';
import { SectionLoader } from '../../../ui/Loading.tsx';
import { QueryError } from '../../../ui/QueryError.tsx';
import { MAIL_STATUS_COLORS, useMailMessage } from './mail.api.ts';

function Meta({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
}

/** One outbox message. The body is shown as plain text only: mail content is never rendered as HTML here. */
export function MailMessageModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const message = useMailMessage(id);
  const m = message.data;
  return (
    <Modal opened onClose={onClose} title={m?.subject ?? t('mail.message')} size="xl" centered>
      {message.isPending && <SectionLoader />}
      {message.isError && <QueryError error={message.error} onRetry={() => void message.refetch()} />}
      {m && (
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Meta label={t('mail.to')} value={m.to} />
            <Meta
              label={t('fields.status')}
              value={
                <Group gap={6}>
                  <Badge color={MAIL_STATUS_COLORS[m.status] ?? 'gray'} variant="light">
                    {t(`mail.statuses.${m.status}`, { defaultValue: m.status })}
                  </Badge>
                  {m.kind && (
                    <Badge color="gray" variant="outline">
                      {m.kind}
                    </Badge>
                  )}
                </Group>
              }
            />
            <Meta label={t('fields.createdAt')} value={format.dateTime(m.createdAt)} />
            <Meta label={t('mail.sentAt')} value={m.sentAt ? format.dateTime(m.sentAt) : '—'} />
          </SimpleGrid>
          {m.error && (
            <Text size="sm" c="red">
              {t('mail.attempts', { n: m.attempts })}: {m.error}
            </Text>
          )}
          <ScrollArea.Autosize mah="55vh" type="auto">
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {m.text}
            </Code>
          </ScrollArea.Autosize>
        </Stack>
      )}
    </Modal>
  );
}
