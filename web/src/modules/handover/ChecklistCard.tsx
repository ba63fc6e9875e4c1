import { Badge, Checkbox, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toastError } from '../../ui/toast.ts';
import { type HandoverDetail, type HandoverItem, handoverErrorMessage, useHandoverAction } from './handover.api.ts';

function Item({ h, item, editable }: { h: HandoverDetail; item: HandoverItem; editable: boolean }) {
  const { t } = useTranslation();
  const action = useHandoverAction(h.id);
  const [note, setNote] = useState(item.note ?? '');
  const save = (change: { completed?: boolean; note?: string | null }) =>
    action.mutate({ kind: 'item', itemId: item.id, ...change }, { onError: (e) => toastError(handoverErrorMessage(t, e)) });
  return (
    <Paper withBorder radius="md" p="md" data-testid={`item-${item.kind}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Checkbox
          checked={item.completed}
          disabled={!editable || action.isPending}
          onChange={(e) => save({ completed: e.currentTarget.checked })}
          label={<Text fw={500}>{t(`handover.items.${item.kind}`)}</Text>}
          aria-label={t(`handover.items.${item.kind}`)}
        />
        {item.kind !== 'basic_info' && (
          <Badge variant="light" color={item.count ? 'blue' : 'gray'}>
            {t('handover.count', { count: item.count })}
          </Badge>
        )}
      </Group>
      <Stack gap={4} mt="xs" ml={32}>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
          {item.details || t(`handover.noneFound.${item.kind}`)}
        </Text>
        {editable ? (
          <Textarea
            placeholder={t('handover.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            onBlur={() => note !== (item.note ?? '') && save({ note: note.trim() || null })}
            autosize
            minRows={1}
            maxLength={2000}
            aria-label={t('handover.notePlaceholder')}
          />
        ) : (
          item.note && <Text size="sm">📝 {item.note}</Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The checklist generated from the customer's records; the preparer ticks items and adds notes. */
export function ChecklistCard({ h }: { h: HandoverDetail }) {
  const editable = h.allowedSteps.includes('prepare');
  return (
    <Stack gap="sm">
      {h.items.map((item) => (
        <Item key={item.id} h={h} item={item} editable={editable} />
      ))}
    </Stack>
  );
}
