import { IconCalendarEvent, IconChecklist, IconDeviceDesktop, IconMail, IconMessage, IconNote, IconPhone, type Icon } from '@tabler/icons-react';
import type { ActivityType } from './activities.api.ts';

const ICONS: Record<ActivityType, Icon> = {
  CALL: IconPhone,
  EMAIL: IconMail,
  MEETING: IconCalendarEvent,
  TASK: IconChecklist,
  NOTE: IconNote,
  SMS: IconMessage,
  DEMO: IconDeviceDesktop,
};

export const TYPE_COLORS: Record<ActivityType, string> = {
  CALL: 'teal',
  EMAIL: 'blue',
  MEETING: 'violet',
  TASK: 'orange',
  NOTE: 'gray',
  SMS: 'cyan',
  DEMO: 'pink',
};

export function ActivityTypeIcon({ type, size = 18 }: { type: ActivityType; size?: number }) {
  const IconComponent = ICONS[type] ?? IconNote;
  return <IconComponent size={size} />;
}
