import { ActionIcon, Button, Code, Group, Table, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../ui/confirm.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { toastError, toastSuccess } from '../../ui/toast.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { useApiTokens, useRevokeApiToken } from './identity.api.ts';

/** Personal API tokens (PLT-3): list, create (secret shown once), revoke. */
export function ApiTokens() {
  const { t } = useTranslation();
  const format = useFormat();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [opened, { open, close }] = useDisclosure(false);

  const create = (
    <Button leftSection={<IconPlus size={16} />} variant="light" onClick={open}>
      {t('tokens.create')}
    </Button>
  );

  return (
    <>
      <CreateTokenModal opened={opened} onClose={close} />
      {tokens.isPending && <SectionLoader />}
      {tokens.isError && <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data?.length === 0 && <EmptyState icon={IconKey} title={t('tokens.emptyTitle')} description={t('tokens.emptyHint')} action={create} />}
      {tokens.data && tokens.data.length > 0 && (
        <>
          <Group justify="flex-end" mb="sm">
            {create}
          </Group>
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('tokens.prefix')}</Table.Th>
                  <Table.Th>{t('fields.createdAt')}</Table.Th>
                  <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                  <Table.Th>{t('tokens.expires')}</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td fw={500}>{token.name}</Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
                    <Table.Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : <Text c="dimmed" size="sm">{t('tokens.never')}</Text>}</Table.Td>
                    <Table.Td>{token.expiresAt ? format.date(token.expiresAt) : <Text c="dimmed" size="sm">{t('tokens.noExpiry')}</Text>}</Table.Td>
                    <Table.Td>
                      <ConfirmAction
                        title={t('tokens.revokeTitle')}
                        message={t('tokens.revokeConfirm', { name: token.name })}
                        confirmLabel={t('tokens.revoke')}
                        onConfirm={() =>
                          revoke.mutateAsync(token.id, {
                            onSuccess: () => toastSuccess(t('tokens.revoked')),
                            onError: (error) => toastError(errorMessage(t, error)),
                          })
                        }
                      >
                        {(ask) => (
                          <Tooltip label={t('tokens.revoke')}>
                            <ActionIcon variant="subtle" color="red" onClick={ask} aria-label={t('tokens.revoke')}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </ConfirmAction>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </>
  );
}
