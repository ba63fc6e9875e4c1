import { Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent } from 'react';
import { useMe } from '../../app/session.tsx';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';
import { type Activity, fromLocalInput, useCompleteActivity } from './activities.api.ts';
import { FormActions } from '../../ui/FormActions.tsx';

/** Completes an activity: outcome, next steps and the follow-up date that becomes the customer's next contact. */
export function CompleteActivityModal({ activity, onClose }: { activity: Activity; onClose: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteActivity();
  const { timeZone } = useMe();
  const form = useForm({ outcome: activity.outcome ?? '', nextSteps: activity.nextSteps ?? '', followUpAt: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    complete.mutate(
      {
        id: activity.id,
        body: { outcome: v.outcome.trim() || null, nextSteps: v.nextSteps.trim() || null, ...(v.followUpAt ? { followUpAt: fromLocalInput(v.followUpAt, timeZone) } : {}) },
      },
      {
        onSuccess: () => {
          toastSuccess(t('activities.completed', { subject: activity.subject }));
          onClose();
        },
        onError: (error) => form.applyError(error),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('activities.completeTitle', { subject: activity.subject })} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <TextInput label={t('activities.fields.outcome')} data-autofocus {...form.text('outcome')} />
          <Textarea label={t('activities.fields.nextSteps')} autosize minRows={2} maxRows={5} {...form.text('nextSteps')} />
          <TextInput type="datetime-local" label={t('activities.fields.followUpAt')} description={t('activities.followUpHint')} {...form.text('followUpAt')} />
          <FormActions onCancel={onClose} busy={complete.isPending} label={t('activities.complete')} color="teal" mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
