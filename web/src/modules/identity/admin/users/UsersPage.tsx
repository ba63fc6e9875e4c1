import { Button, Card, Center, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../../../../api/types.ts';
import { EmptyState } from '../../../../ui/EmptyState.tsx';
import { SectionLoader } from '../../../../ui/Loading.tsx';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { QueryError } from '../../../../ui/QueryError.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UsersTable } from './UsersTable.tsx';
import { type UserFilters, useUserList } from './users.api.ts';

type ActiveFilter = 'all' | 'true' | 'false';

/** User administration (IAM-1/2): search, filter, keyset "load more", create, edit, (de)activate. */
export default function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [active, setActive] = useState<ActiveFilter>('true');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  // null = closed; 'new' = create; a user = edit that user.
  const [dialog, setDialog] = useState<User | 'new' | null>(null);

  const filters: UserFilters = { q: debouncedQ || undefined, role: role ?? undefined, active: active === 'all' ? undefined : active };
  const list = useUserList(filters);

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        description={t('users.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')}>
            {t('users.create')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding={0}>
        <Group p="md" gap="sm" wrap="wrap">
          <TextInput
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={{ base: '100%', sm: 280 }}
            aria-label={t('common.search')}
          />
          <Select
            placeholder={t('users.allRoles')}
            clearable
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(v) => setRole(v as Role | null)}
            w={{ base: '100%', sm: 180 }}
            aria-label={t('fields.role')}
          />
          <SegmentedControl
            value={active}
            onChange={(v) => setActive(v as ActiveFilter)}
            data={[
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        </Group>
        {list.isPending && <SectionLoader />}
        {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && list.items.length === 0 && <EmptyState icon={IconUsers} title={t('users.emptyTitle')} description={t('users.emptyHint')} />}
        {list.items.length > 0 && <UsersTable users={list.items} onEdit={setDialog} />}
        {list.hasNextPage && (
          <Center p="md">
            <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Center>
        )}
      </Card>
      {dialog && (
        <UserFormModal
          key={dialog === 'new' ? 'new' : dialog.id}
          user={dialog === 'new' ? null : dialog}
          opened
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
