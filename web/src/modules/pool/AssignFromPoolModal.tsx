import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { type PoolItem, poolErrorMessage, useOwnerCandidates, usePoolMove } from './pool.api.ts';

/** Managers and admins give a pool customer to someone. */
export function AssignFromPoolModal({ item, onClose }: { item: PoolItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const candidates = useOwnerCandidates();
  const move = usePoolMove();
  const submit = () => {
    if (!ownerId) return setError(t('pool.chooseOwner'));
    move.mutate(
      { customer: item.customer.id, action: 'assign', ownerId },
      {
        onSuccess: () => {
          toastSuccess(t('pool.assigned', { name: item.customer.name }));
          onClose();
        },
        onError: (e) => setError(poolErrorMessage(t, e)),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('pool.assignTitle')}>
      <Stack>
        <Text size="sm">
          {item.customer.number} · {item.customer.name}
        </Text>
        <FormError message={error} />
        <Select
          label={t('pool.newOwner')}
          searchable
          data={(candidates.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${t(`roles.${u.role}`)})` }))}
          value={ownerId}
          onChange={setOwnerId}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('pool.cancel')}
          </Button>
          <Button onClick={submit} loading={move.isPending}>
            {t('pool.assign')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
