import { Button, FileInput, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../app/session.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { FormError } from '../../ui/QueryError.tsx';
import { toastError, toastSuccess } from '../../ui/toast.ts';
import { uploadTicketFile, useCreateTicket } from '../tickets/tickets.api.ts';
import { TICKET_PRIORITIES, type TicketCategory, type TicketType } from '../tickets/tickets.types.ts';
import { useCustomFields } from '../customers/customers.api.ts';
import { CustomFieldsForm, missingRequired } from '../tickets/CustomFieldsForm.tsx';
import { TypeFieldsForm } from '../tickets/TypeFieldsForm.tsx';
import { uploadErrorMessage } from '../tickets/uploadError.ts';
import { MESSAGE_MAX as DESCRIPTION_MAX, TITLE_MAX } from '../tickets/tickets.types.ts';

type Errors = Record<string, string | undefined>;

function Counter({ length, max }: { length: number; max: number }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c={length > max ? 'red' : 'dimmed'} ta="right" aria-live="polite">
      {t('tickets.limits.counter', { length, max })}
    </Text>
  );
}

/**
 * The ticket form of one type (TKT-2/13): title and description with their limits, the type's own
 * fields, the custom fields editable for clients (PLT-11), priority and one optional file, uploaded as the ticket's first attachment once it exists.
 * Required inputs are checked here for a quick answer in the user's language; everything else the
 * server refuses lands on the input it names.
 */
export function TicketForm({ type, category, submitLabel, withPriority = true, initialDescription = '' }: {
  type: TicketType;
  /** Text the description starts with (an FAQ article's reference, KB-2 "still need help"). */
  initialDescription?: string;
  category?: TicketCategory;
  submitLabel: string;
  withPriority?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTicket();
  const { csrfToken } = useMe();
  const fields = type.fields.filter((f) => f.active);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState(initialDescription);
  const [priority, setPriority] = useState('3');
  const [values, setValues] = useState<Record<string, unknown>>({});
  // The ticket custom fields a client fills (decision 0007); the server answers a client only those shown to them.
  const customFields = (useCustomFields('ticket').data ?? []).filter((f) => f.active && f.clientAccess === 'editable');
  const [custom, setCustom] = useState<Record<string, unknown>>({});
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clear = (key: string) => setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));

  const check = (): Errors => {
    const found: Errors = {};
    const required = t('validation.required');
    if (!title.trim()) found.title = required;
    else if (title.trim().length > TITLE_MAX) found.title = t('tickets.limits.tooLong', { max: TITLE_MAX });
    if (!description.trim()) found.description = required;
    else if (description.trim().length > DESCRIPTION_MAX) found.description = t('tickets.limits.tooLong', { max: DESCRIPTION_MAX });
    for (const f of fields) {
      const v = values[f.key];
      if (f.required && f.type !== 'checkbox' && (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length))) found[`typeFields.${f.key}`] = required;
    }
    for (const key of missingRequired(customFields, custom)) found[`custom.${key}`] = required;
    return found;
  };

  const showRefusal = (error: unknown) => {
    const found: Errors = {};
    const unplaced: string[] = [];
    const known = new Set(['title', 'description', 'priority', ...fields.map((f) => `typeFields.${f.key}`), ...customFields.map((f) => `custom.${f.key}`)]);
    if (error instanceof ApiError) {
      for (const e of error.errors) {
        if (known.has(e.field)) found[e.field] = e.message;
        else unplaced.push(e.field ? `${e.field}: ${e.message}` : e.message);
      }
    }
    setErrors(found);
    setFormError(Object.keys(found).length && !unplaced.length ? null : [errorMessage(t, error), ...unplaced].join(' '));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const body = { title: title.trim(), description: description.trim(), type: type.key, priority: Number(priority), typeFields: values, source: 'portal' as const, ...(category ? { category } : {}), ...(Object.keys(custom).length ? { custom } : {}) };
      const ticket = await create.mutateAsync(body);
      if (file) {
        // The ticket exists now: a refused file must not hide that, so it is said beside the success.
        await uploadTicketFile(ticket.number, file, { csrfToken }).catch((error: unknown) =>
          toastError(t('portalTickets.form.uploadFailed', { number: ticket.number, reason: uploadErrorMessage(t, error) })),
        );
      }
      toastSuccess(t('tickets.created', { number: ticket.number }));
      void navigate(`/portal/tickets/${ticket.number}`);
    } catch (error) {
      showRefusal(error);
    } finally {
      setBusy(false);
    }
  };

  const priorities = TICKET_PRIORITIES.map((p) => ({ value: String(p), label: t(`tickets.priority.${p}`) }));
  const fieldErrors = Object.fromEntries(fields.map((f) => [f.key, errors[`typeFields.${f.key}`]]));
  const customErrors = Object.fromEntries(customFields.map((f) => [f.key, errors[`custom.${f.key}`]]));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <FormError message={formError} />
        <div>
          <TextInput
            label={t('tickets.fields.title')}
            required
            value={title}
            error={errors.title}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              clear('title');
            }}
          />
          <Counter length={title.trim().length} max={TITLE_MAX} />
        </div>
        <div>
          <Textarea
            label={t('tickets.fields.description')}
            description={t('tickets.composer.markdownHint')}
            required
            autosize
            minRows={5}
            maxRows={16}
            value={description}
            error={errors.description}
            onChange={(e) => {
              setDescription(e.currentTarget.value);
              clear('description');
            }}
          />
          <Counter length={description.trim().length} max={DESCRIPTION_MAX} />
        </div>
        <TypeFieldsForm
          fields={type.fields}
          values={values}
          errors={fieldErrors}
          cols={1}
          onChange={(next) => {
            // Only the input that changed loses its message.
            for (const f of fields) if (next[f.key] !== values[f.key]) clear(`typeFields.${f.key}`);
            setValues(next);
          }}
        />
        <CustomFieldsForm
          fields={customFields}
          values={custom}
          errors={customErrors}
          cols={1}
          onChange={(next) => {
            for (const f of customFields) if (next[f.key] !== custom[f.key]) clear(`custom.${f.key}`);
            setCustom(next);
          }}
        />
        {withPriority && (
          <Select label={t('tickets.fields.priority')} data={priorities} value={priority} onChange={(v) => setPriority(v ?? '3')} allowDeselect={false} error={errors.priority} maw={240} />
        )}
        <FileInput
          label={t('portalTickets.form.attachment')}
          description={t('portalTickets.form.attachmentHint')}
          placeholder={t('portalTickets.form.attachmentPlaceholder')}
          leftSection={<IconPaperclip size={16} />}
          value={file}
          onChange={setFile}
          clearable
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
