import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { HandoverDetail } from './handover.api.ts';

const ACTIONS = ['started', 'receiver_chosen', 'submitted', 'sent_back', 'approved', 'completed'];

/** Every step of the handover: who, when, and why it was sent back. */
export function HandoverTimeline({ h }: { h: HandoverDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Timeline bulletSize={14} lineWidth={2} active={h.timeline.length - 1}>
      {h.timeline.map((e, i) => (
        <Timeline.Item key={i} title={ACTIONS.includes(e.action) ? t(`handover.actions.${e.action}`) : e.action}>
          <Text size="xs" c="dimmed">
            {format.dateTime(e.at)} · {e.actor?.name ?? t('handover.system')}
          </Text>
          {e.note && <Text size="sm">“{e.note}”</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
