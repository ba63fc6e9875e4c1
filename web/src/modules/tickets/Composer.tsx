import { Alert, Button, FileButton, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconLock, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toastSuccess } from '../../ui/toast.ts';
import type { Audience } from './badges.tsx';
import { appendToDraft, useComposerInsert } from './composerInsert.ts';
import { usePostMessage, useUploadAttachment } from './tickets.api.ts';
import { uploadErrorMessage } from './uploadError.ts';
import { MESSAGE_MAX } from './tickets.types.ts';


/**
 * Write a reply (or, for staff, an internal note) and upload a file. Staff get the Reply / Internal
 * note switch; a client (`audience="client"`) writes public replies only and is addressed as the
 * one writing, not as "the customer". A closed ticket takes no messages.
 */
export function Composer({ idOrNumber, audience = 'staff', closed }: { idOrNumber: string; audience?: Audience; closed?: boolean }) {
  const { t } = useTranslation();
  const allowInternal = audience === 'staff';
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const post = usePostMessage(idOrNumber);
  const upload = useUploadAttachment(idOrNumber);
  const internal = allowInternal && mode === 'note';
  const length = body.trim().length;
  // Knowledge-base suggestions beside the conversation insert into this draft.
  const inserter = useComposerInsert();
  useEffect(() => {
    inserter.current = (text) => setBody((draft) => appendToDraft(draft, text));
    return () => {
      inserter.current = null;
    };
  }, [inserter]);

  const send = () => {
    if (!length) return setError(t('validation.required'));
    if (length > MESSAGE_MAX) return setError(t('tickets.limits.tooLong', { max: MESSAGE_MAX }));
    setError(null);
    post.mutate(
      { body: body.trim(), internal },
      {
        onSuccess: () => (setBody(''), toastSuccess(internal ? t('tickets.composer.noteAdded') : t('tickets.composer.replySent'))),
        onError: (e) => setError(uploadErrorMessage(t, e)),
      },
    );
  };

  const attach = (file: File | null) => {
    if (!file) return;
    setError(null);
    upload.mutate(
      { file, internal },
      { onSuccess: () => toastSuccess(t('tickets.composer.uploaded', { name: file.name })), onError: (e) => setError(`${file.name}: ${uploadErrorMessage(t, e)}`) },
    );
  };

  if (closed) {
    return (
      <Text size="sm" c="dimmed">
        {t('tickets.composer.closed')}
      </Text>
    );
  }
  const client = audience === 'client';
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg={internal ? 'light-dark(var(--mantine-color-yellow-0), rgba(250, 176, 5, 0.12))' : undefined}
      style={internal ? { borderColor: 'var(--mantine-color-yellow-5)' } : undefined}
    >
      <Stack gap="xs">
        {allowInternal && (
          <SegmentedControl
            size="xs"
            w="fit-content"
            value={mode}
            onChange={(v) => setMode(v as 'reply' | 'note')}
            data={[
              { value: 'reply', label: t('tickets.composer.reply') },
              { value: 'note', label: t('tickets.composer.note') },
            ]}
            aria-label={t('tickets.composer.mode')}
          />
        )}
        {error && (
          <Alert color="red" variant="light" role="alert" py={6} withCloseButton onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
        <Textarea
          aria-label={internal ? t('tickets.composer.noteLabel') : client ? t('tickets.composer.clientLabel') : t('tickets.composer.replyLabel')}
          placeholder={internal ? t('tickets.composer.notePlaceholder') : client ? t('tickets.composer.clientPlaceholder') : t('tickets.composer.replyPlaceholder')}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={MESSAGE_MAX}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
          }}
        />
        <Group justify="space-between" gap="xs">
          <FileButton onChange={attach}>
            {(props) => (
              <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={14} />} loading={upload.isPending}>
                {internal ? t('tickets.composer.attachInternal') : t('tickets.composer.attach')}
              </Button>
            )}
          </FileButton>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {t('tickets.composer.markdownHint')}
            </Text>
            <Text size="xs" c={length > MESSAGE_MAX ? 'red' : 'dimmed'}>
              {t('tickets.limits.counter', { length, max: MESSAGE_MAX })}
            </Text>
            <Button size="xs" color={internal ? 'yellow' : undefined} leftSection={internal ? <IconLock size={14} /> : <IconSend size={14} />} loading={post.isPending} onClick={send}>
              {internal ? t('tickets.composer.addNote') : client ? t('tickets.composer.clientSend') : t('tickets.composer.send')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
