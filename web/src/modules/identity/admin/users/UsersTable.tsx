import { ActionIcon, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../api/types.ts';
import { useMe } from '../../../../app/session.tsx';
import { ConfirmAction } from '../../../../ui/confirm.tsx';
import { errorMessage } from '../../../../ui/errors.ts';
import { useFormat } from '../../../../ui/format.ts';
import { RoleBadge } from '../../../../ui/RoleBadge.tsx';
import { toastError, toastSuccess } from '../../../../ui/toast.ts';
import { useSetUserActive } from './users.api.ts';

function ActiveToggle({ user }: { user: User }) {
  const { t } = useTranslation();
  const me = useMe();
  const setActive = useSetUserActive();
  const next = !user.active;
  // The server refuses deactivating yourself; don't offer it.
  if (user.id === me.id) return null;
  const label = next ? t('users.activate') : t('users.deactivate');
  return (
    <ConfirmAction
      title={label}
      message={next ? t('users.activateConfirm', { name: user.name }) : t('users.deactivateConfirm', { name: user.name })}
      confirmLabel={label}
      color={next ? 'teal' : 'red'}
      onConfirm={() =>
        setActive.mutateAsync(
          { id: user.id, active: next },
          {
            onSuccess: () => toastSuccess(next ? t('users.activated', { name: user.name }) : t('users.deactivated', { name: user.name })),
            onError: (error) => toastError(errorMessage(t, error)),
          },
        )
      }
    >
      {(ask) => (
        <Tooltip label={label}>
          <ActionIcon variant="subtle" color={next ? 'teal' : 'red'} onClick={ask} aria-label={`${label}: ${user.name}`}>
            {next ? <IconUserCheck size={17} /> : <IconUserOff size={17} />}
          </ActionIcon>
        </Tooltip>
      )}
    </ConfirmAction>
  );
}

export function UsersTable({ users, onEdit }: { users: User[]; onEdit: (user: User) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('fields.branch')}</Table.Th>
            <Table.Th>{t('fields.teams')}</Table.Th>
            <Table.Th>{t('users.lastLogin')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} opacity={user.active ? 1 : 0.6}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <RoleBadge role={user.role} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.branch?.name ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.teams.map((team) => (
                    <Badge key={team.id} variant="outline" size="sm" color="gray">
                      {team.name}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={user.lastLoginAt ? undefined : 'dimmed'}>
                  {user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.neverSignedIn')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="dot" color={user.active ? 'teal' : 'gray'}>
                  {user.active ? t('common.active') : t('common.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={2} wrap="nowrap" justify="flex-end">
                  <Tooltip label={t('common.edit')}>
                    <ActionIcon variant="subtle" onClick={() => onEdit(user)} aria-label={`${t('common.edit')}: ${user.name}`}>
                      <IconPencil size={17} />
                    </ActionIcon>
                  </Tooltip>
                  <ActiveToggle user={user} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
