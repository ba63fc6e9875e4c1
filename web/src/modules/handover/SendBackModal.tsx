import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { toastSuccess } from '../../ui/toast.ts';
import { handoverErrorMessage, useHandoverAction } from './handover.api.ts';

/** Review: send the checklist back to preparation, saying why. */
export function SendBackModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const action = useHandoverAction(id);
  const submit = () => {
    if (reason.trim().length < 3) return setError(t('handover.reasonTooShort'));
    action.mutate(
      { kind: 'send-back', reason: reason.trim() },
      {
        onSuccess: () => {
          toastSuccess(t('handover.sentBack'));
          onClose();
        },
        onError: (e) => setError(e instanceof ApiError && e.errors[0]?.field === 'reason' ? e.errors[0].message : handoverErrorMessage(t, e)),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('handover.sendBackTitle')}>
      <Stack>
        <Textarea label={t('handover.sendBackReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} autosize minRows={3} maxLength={1000} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('handover.cancel')}
          </Button>
          <Button color="orange" onClick={submit} loading={action.isPending}>
            {t('handover.sendBack')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
