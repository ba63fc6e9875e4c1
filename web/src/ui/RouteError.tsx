import { Button, Center } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { EmptyState } from './EmptyState.tsx';

const RELOADED_AT = 'switchboard.reloadedForNewVersion';

/** A lazily loaded page whose file is gone: the server was updated while this tab stayed open. */
function isStaleChunk(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(message);
}

/**
 * What a route shows when rendering it throws. After an update the old tab asks for page files that
 * no longer exist; one automatic reload fetches the new version (at most once a minute, so a real
 * outage cannot loop). Anything else gets a translated message and a reload button instead of the
 * router's developer page.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isStaleChunk(error)) {
    const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
    if (Date.now() - last > 60_000) {
      sessionStorage.setItem(RELOADED_AT, String(Date.now()));
      window.location.reload();
      return null;
    }
  }
  return (
    <Center mih="60vh" p="md">
      <EmptyState
        icon={IconAlertTriangle}
        title={t('errors.pageCrashedTitle')}
        description={isStaleChunk(error) ? t('errors.newVersion') : t('errors.pageCrashed')}
        action={
          <Button variant="light" mt="sm" onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </Button>
        }
      />
    </Center>
  );
}
