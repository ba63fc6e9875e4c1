import { Button, Group, Modal, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Wraps a destructive action: the trigger opens a small dialog and the action only runs on
 * an explicit second click.
 */
export function ConfirmAction({ title, message, confirmLabel, color = 'red', onConfirm, children }: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  color?: string;
  onConfirm: () => Promise<unknown>;
  children: (open: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setOpened(false);
    } catch {
      /* the caller reports the error; the dialog closes so the message is visible */
      setOpened(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {children(() => setOpened(true))}
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} centered size="sm">
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setOpened(false)}>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={busy} onClick={() => void run()}>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
