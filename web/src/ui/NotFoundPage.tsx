import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from './EmptyState.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={IconMapOff}
      title={t('errors.pageNotFoundTitle')}
      description={t('errors.pageNotFound')}
      action={
        <Button component={Link} to="/" variant="light" mt="sm">
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
