import { Divider, Modal, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';
import { FormError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';
import { useStaffOptions } from '../identity/org.api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { typeName, useCreateTicket, useTicketComponents, useTicketTypes } from './tickets.api.ts';
import { MESSAGE_MAX, TICKET_CATEGORIES, TICKET_PRIORITIES, TITLE_MAX, type TicketCategory, type TicketDetail, type TicketSource } from './tickets.types.ts';
import { useCustomFields } from '../customers/customers.api.ts';
import { CustomFieldsForm, fieldErrorsUnder, missingRequired } from './CustomFieldsForm.tsx';
import { TypeFieldsForm, typeFieldErrors } from './TypeFieldsForm.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

interface Values {
  title: string;
  description: string;
  type: string | null;
  category: TicketCategory;
  priority: string;
  customerId: string | null;
  componentId: string | null;
  processorId: string | null;
  tags: string[];
  source: StaffSource;
}

/** Where the request came in; staff record it (a client's ticket is always `portal`, bulk is the importer's). */
const STAFF_SOURCES = ['phone', 'email', 'chat', 'web_form', 'api'] as const satisfies readonly TicketSource[];
type StaffSource = (typeof STAFF_SOURCES)[number];

const EMPTY: Values = { title: '', description: '', type: null, category: 'QUESTION', priority: '3', customerId: null, componentId: null, processorId: null, tags: [], source: 'web_form' };

/** Staff open a ticket for a customer; the chosen type's own fields appear below the common ones. */
export function NewTicketModal({ onClose, onCreated }: { onClose: () => void; onCreated: (ticket: TicketDetail) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const create = useCreateTicket();
  const types = useTicketTypes();
  const components = useTicketComponents();
  const staff = useStaffOptions();
  const form = useForm<Values>(EMPTY);
  const [typeFields, setTypeFields] = useState<Record<string, unknown>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // PLT-11: staff fill every ticket custom field, also those hidden from clients (decision 0007).
  const customDefs = (useCustomFields('ticket').data ?? []).filter((f) => f.active);
  const [custom, setCustom] = useState<Record<string, unknown>>({});
  const [customErrors, setCustomErrors] = useState<Record<string, string>>({});
  const v = form.values;
  // The portal's own forms (problem report, feedback) are not picked here.
  const activeTypes = (types.data ?? []).filter((x) => x.active && !x.portalForm);
  const type = activeTypes.find((x) => x.key === v.type) ?? null;
  const assign = can('tickets.assign');
  const processors = useMemo(() => {
    const component = (components.data ?? []).find((c) => c.id === v.componentId);
    if (component?.staff.length) return component.staff.filter((s) => s.available !== false).map((s) => ({ value: s.id, label: s.name }));
    return (staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.value, label: s.label }));
  }, [components.data, staff.data, v.componentId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: [keyof Values, boolean][] = [['title', !v.title.trim()], ['description', !v.description.trim()], ['type', !v.type], ['customerId', !v.customerId]];
    for (const [key, empty] of missing) if (empty) form.setFieldError(key, t('validation.required'));
    // (The last two only narrow the types: `missing` has refused them already.)
    const customMissing = missingRequired(customDefs, custom);
    setCustomErrors(Object.fromEntries(customMissing.map((k) => [k, t('validation.required')])));
    if (missing.some(([, empty]) => empty) || customMissing.length || !v.type || !v.customerId) return;
    setFieldErrors({});
    const body = {
      title: v.title.trim(),
      description: v.description.trim(),
      type: v.type,
      category: v.category,
      priority: Number(v.priority),
      source: v.source,
      customerId: v.customerId,
      ...(v.componentId ? { componentId: v.componentId } : {}),
      ...(assign && v.processorId ? { processorId: v.processorId } : {}),
      ...(v.tags.length ? { tags: v.tags } : {}),
      typeFields,
      ...(Object.keys(custom).length ? { custom } : {}),
    };
    create.mutate(body, {
      onSuccess: (ticket) => {
        toastSuccess(t('tickets.created', { number: ticket.number }));
        onCreated(ticket);
        onClose();
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) return form.applyError(error);
        const onType = typeFieldErrors(error.errors);
        const onCustom = fieldErrorsUnder('custom', error.errors);
        setFieldErrors(onType);
        setCustomErrors(onCustom);
        const rest = error.errors.filter((e) => !e.field.startsWith('typeFields.') && !e.field.startsWith('custom.'));
        if (rest.length || !Object.keys({ ...onType, ...onCustom }).length) form.applyError(new ApiError(error.status, error.code, error.detail, rest, error.body));
        else form.setFormError(null);
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('tickets.createTitle')} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError message={form.formError} />
          <TextInput label={t('tickets.fields.title')} required maxLength={TITLE_MAX} data-autofocus {...form.text('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CustomerPicker label={t('tickets.fields.customer')} required value={v.customerId} onChange={(id) => form.setValue('customerId', id)} error={form.errors.customerId} />
            <Select
              label={t('tickets.fields.type')}
              required
              data={activeTypes.map((x) => ({ value: x.key, label: typeName(x, i18n.language) }))}
              {...form.field('type')}
              onChange={(key) => (form.setValue('type', key), setTypeFields({}), setFieldErrors({}))}
            />
            <Select
              label={t('tickets.fields.category')}
              data={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`tickets.category.${c}`) }))}
              value={v.category}
              onChange={(c) => c && form.setValue('category', c as TicketCategory)}
              allowDeselect={false}
              error={form.errors.category}
            />
            <Select
              label={t('tickets.fields.priority')}
              data={TICKET_PRIORITIES.map((p) => ({ value: String(p), label: t(`tickets.priority.${p}`) }))}
              value={v.priority}
              onChange={(p) => p && form.setValue('priority', p)}
              allowDeselect={false}
              error={form.errors.priority}
            />
            <Select
              label={t('tickets.fields.source')}
              data={STAFF_SOURCES.map((x) => ({ value: x, label: t(`tickets.source.${x}`) }))}
              value={v.source}
              onChange={(x) => x && form.setValue('source', x as StaffSource)}
              allowDeselect={false}
              error={form.errors.source}
            />
            <Select
              label={t('tickets.fields.component')}
              data={(components.data ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: c.name }))}
              {...form.field('componentId')}
              clearable
            />
            {assign && <Select label={t('tickets.fields.processor')} data={processors} searchable clearable {...form.field('processorId')} />}
          </SimpleGrid>
          <Textarea label={t('tickets.fields.description')} required autosize minRows={4} maxRows={12} maxLength={MESSAGE_MAX} {...form.text('description')} />
          <TagsInput label={t('tickets.fields.tags')} value={v.tags} onChange={(x) => form.setValue('tags', x)} error={form.errors.tags} />
          {type && type.fields.some((f) => f.active) && (
            <>
              <Divider label={t('tickets.typeFieldsOf', { type: typeName(type, i18n.language) })} labelPosition="left" />
              <TypeFieldsForm fields={type.fields} values={typeFields} onChange={setTypeFields} errors={fieldErrors} />
            </>
          )}
          {customDefs.length > 0 && (
            <>
              <Divider label={t('tickets.customFields')} labelPosition="left" />
              <CustomFieldsForm fields={customDefs} values={custom} onChange={setCustom} errors={customErrors} />
            </>
          )}
          <FormActions onCancel={onClose} busy={create.isPending} label={t('common.create')} mt="sm" />
        </Stack>
      </form>
    </Modal>
  );
}
