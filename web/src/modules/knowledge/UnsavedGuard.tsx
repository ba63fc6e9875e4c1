import { Button, Group, Modal, Text } from '@mantine/core';
import { type RefObject, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * While `when` holds (the editor has unsaved text): leaving the page inside the app asks first, and
 * closing or reloading the tab gets the browser's own warning. `bypass` (a ref, read at navigation time)
 * lets the page move on after creating the article.
 */
export function UnsavedGuard({ when, bypass }: { when: boolean; bypass?: RefObject<boolean> }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && !bypass?.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('knowledge.unsaved.title')} centered>
      <Text size="sm">{t('knowledge.unsaved.message')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()}>
          {t('knowledge.unsaved.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('knowledge.unsaved.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
