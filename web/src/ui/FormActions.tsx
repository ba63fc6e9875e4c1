import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A dialog form's buttons: Cancel closes it, the submit button sends the form — "Save" unless the
 * form says otherwise, busy while it is being sent, disabled while the form shows a stale record.
 */
export function FormActions({ onCancel, busy, label, disabled, color, mt }: {
  onCancel: () => void;
  busy: boolean;
  label?: string;
  disabled?: boolean;
  color?: string;
  mt?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={color} loading={busy} disabled={disabled}>
        {label ?? t('common.save')}
      </Button>
    </Group>
  );
}
