import { Alert, Button } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** 412 from an If-Match write: someone saved first. Nothing is overwritten; the user reloads and redoes. */
export function StaleNotice({ message, onReload, reloading }: { message: string; onReload: () => void; reloading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" role="alert" title={t('errors.staleTitle')}>
      {message}
      <Button display="block" mt="xs" size="xs" variant="light" color="orange" leftSection={<IconRefresh size={14} />} loading={reloading} onClick={onReload}>
        {t('common.reload')}
      </Button>
    </Alert>
  );
}
