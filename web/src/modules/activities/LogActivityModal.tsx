import { Checkbox, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMe } from '../../app/session.tsx';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';
import { useStaffOptions } from '../identity/org.api.ts';
import {
  ACTIVITY_PRIORITIES,
  ACTIVITY_TYPES,
  type ActivityPriority,
  type ActivityStatus,
  type ActivityType,
  fromLocalInput,
  toLocalInput,
  useCreateActivity,
} from './activities.api.ts';
import { ActivityTypeIcon } from './ActivityTypeIcon.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

interface Values {
  type: ActivityType;
  subject: string;
  description: string;
  startAt: string;
  endAt: string;
  durationMinutes: number | '';
  allDay: boolean;
  status: ActivityStatus;
  priority: ActivityPriority;
  participantIds: string[];
  outcome: string;
  nextSteps: string;
  followUpAt: string;
}

// What happened already (a call, a note) is logged done; what is ahead (a meeting, a task) is planned.
const DONE_BY_DEFAULT: ActivityType[] = ['CALL', 'EMAIL', 'NOTE', 'SMS'];
const TIMED: ActivityType[] = ['CALL', 'MEETING', 'DEMO'];

/**
 * SAL-6: log or plan an activity of a customer, or of a ticket and its customer (all seven types;
 * timing fields where they mean something).
 */
export function LogActivityModal({
  customer,
  ticket,
  onClose,
}: {
  customer: { id: string; name: string } | null;
  ticket?: { id: string; number: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateActivity();
  const staff = useStaffOptions();
  const { timeZone } = useMe();
  // "Now" as the dialog opened, to the millisecond: an unchanged start keeps a just-logged call
  // after everything that happened before it on the timeline (the input only holds minutes).
  const [openedAt] = useState(() => new Date());
  const form = useForm<Values>({
    type: 'CALL',
    subject: '',
    description: '',
    startAt: toLocalInput(openedAt, timeZone),
    endAt: '',
    durationMinutes: '',
    allDay: false,
    status: 'COMPLETED',
    priority: 'NORMAL',
    participantIds: [],
    outcome: '',
    nextSteps: '',
    followUpAt: '',
  });
  const v = form.values;
  const done = v.status === 'COMPLETED';

  const setType = (type: ActivityType) => {
    form.setValues((old) => ({ ...old, type, status: DONE_BY_DEFAULT.includes(type) ? 'COMPLETED' : 'PLANNED' }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!v.subject.trim()) return form.setFieldError('subject', t('validation.required'));
    const startAt = v.startAt === toLocalInput(openedAt, timeZone) ? openedAt.toISOString() : fromLocalInput(v.startAt, timeZone);
    if (!startAt) return form.setFieldError('startAt', t('validation.required'));
    const orNull = (s: string) => (s.trim() ? s.trim() : null);
    const body = {
      type: v.type,
      subject: v.subject.trim(),
      description: orNull(v.description),
      customerId: customer?.id ?? null,
      ...(ticket ? { ticketId: ticket.id } : {}),
      startAt,
      endAt: TIMED.includes(v.type) && !v.allDay ? fromLocalInput(v.endAt, timeZone) : null,
      durationMinutes: TIMED.includes(v.type) && v.durationMinutes !== '' ? v.durationMinutes : null,
      allDay: v.allDay,
      status: v.status,
      priority: v.priority,
      participantIds: v.participantIds,
      outcome: orNull(v.outcome),
      nextSteps: orNull(v.nextSteps),
      followUpAt: fromLocalInput(v.followUpAt, timeZone),
    };
    create.mutate(body, {
      onSuccess: (a) => {
        toastSuccess(t('activities.logged', { subject: a.subject }));
        onClose();
      },
      onError: (error) => form.applyError(error),
    });
  };

  const title = ticket ? t('activities.logForTicket', { number: ticket.number }) : customer ? t('activities.logFor', { name: customer.name }) : t('activities.log');
  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('activities.fields.type')}
              data={ACTIVITY_TYPES.map((x) => ({ value: x, label: t(`activities.type.${x}`) }))}
              value={v.type}
              onChange={(x) => x && setType(x as ActivityType)}
              leftSection={<ActivityTypeIcon type={v.type} size={16} />}
              allowDeselect={false}
            />
            <Select
              label={t('activities.fields.status')}
              data={(['PLANNED', 'IN_PROGRESS', 'COMPLETED'] as const).map((x) => ({ value: x, label: t(`activities.status.${x}`) }))}
              value={v.status}
              onChange={(x) => x && form.setValue('status', x as ActivityStatus)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <TextInput label={t('activities.fields.subject')} required data-autofocus {...form.text('subject')} />
          <Textarea label={t('activities.fields.description')} autosize minRows={2} maxRows={6} {...form.text('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={v.type === 'TASK' ? t('activities.fields.due') : t('activities.fields.startAt')}
              required
              {...form.text('startAt')}
            />
            {TIMED.includes(v.type) && !v.allDay && <TextInput type="datetime-local" label={t('activities.fields.endAt')} {...form.text('endAt')} />}
            {TIMED.includes(v.type) && (
              <NumberInput
                label={t('activities.fields.duration')}
                min={0}
                allowDecimal={false}
                value={v.durationMinutes}
                onChange={(x) => form.setValue('durationMinutes', typeof x === 'number' ? x : '')}
                error={form.errors.durationMinutes}
              />
            )}
            <Select
              label={t('activities.fields.priority')}
              data={ACTIVITY_PRIORITIES.map((x) => ({ value: x, label: t(`activities.priority.${x}`) }))}
              value={v.priority}
              onChange={(x) => x && form.setValue('priority', x as ActivityPriority)}
              allowDeselect={false}
            />
          </SimpleGrid>
          {v.type !== 'NOTE' && <Checkbox label={t('activities.fields.allDay')} checked={v.allDay} onChange={(e) => form.setValue('allDay', e.currentTarget.checked)} />}
          {(v.type === 'MEETING' || v.type === 'DEMO' || v.type === 'CALL') && (
            <MultiSelect
              label={t('activities.fields.participants')}
              data={(staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.value, label: s.label }))}
              searchable
              {...form.field('participantIds')}
            />
          )}
          {done && <TextInput label={t('activities.fields.outcome')} {...form.text('outcome')} />}
          <Textarea label={t('activities.fields.nextSteps')} autosize minRows={1} maxRows={4} {...form.text('nextSteps')} />
          <TextInput type="datetime-local" label={t('activities.fields.followUpAt')} description={t('activities.followUpHint')} {...form.text('followUpAt')} />
          <FormActions onCancel={onClose} busy={create.isPending} label={done ? t('activities.logSubmit') : t('activities.planSubmit')} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
