import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import type { Permission } from '../api/types.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { useCan } from './session.tsx';

/** Pages behind a permission: the server refuses anyway, this only avoids showing a broken page. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  const can = useCan();
  if (can(permission)) return <Outlet />;
  return (
    <EmptyState
      icon={IconLock}
      title={t('errors.forbiddenTitle')}
      description={t('errors.forbidden')}
      action={
        <Button component={Link} to="/" variant="light" mt="sm">
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
