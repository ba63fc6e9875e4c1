import { Button, Group, Indicator, MultiSelect, Popover, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { IconAdjustments, IconForms, IconSearch, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.tsx';
import { CustomFieldInput } from '../customers/CustomFieldInput.tsx';
import type { CustomFieldDefinition } from '../customers/customers.types.ts';
import { useStaffOptions } from '../identity/org.api.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { fieldLabel } from './fieldLabel.ts';
import { compactTicketFilter } from './tickets.filter.ts';
import { typeName, useTicketComponents, useTicketTypes } from './tickets.api.ts';
import { TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES, type TicketFilter, type TicketSource, type TicketStatus } from './tickets.types.ts';

/**
 * The list's filters; each change lands in the URL (the page owns that). Ticket custom fields (PLT-11)
 * sit in a popover of their own, as in the customer list, so the bar stays one line on a laptop.
 */
export function TicketFilterBar({ filter, onChange, fields }: { filter: TicketFilter; onChange: (next: TicketFilter) => void; fields: CustomFieldDefinition[] }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const types = useTicketTypes();
  const components = useTicketComponents();
  const staff = useStaffOptions();
  const set = <K extends keyof TicketFilter>(key: K, value: TicketFilter[K]) => onChange({ ...filter, [key]: value });
  const list = <T,>(v: T[]) => (v.length ? v : undefined);
  const custom = filter.custom ?? {};
  const customCount = Object.keys(custom).length;
  // An emptied input removes its key: `{ tier: null }` would be a filter the server refuses.
  const setCustom = (key: string, value: unknown) => {
    const next = { ...custom };
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) delete next[key];
    else next[key] = value;
    set('custom', Object.keys(next).length ? next : undefined);
  };
  const anything = Object.keys(compactTicketFilter(filter)).length > 0;
  const more = [filter.customerId, filter.tags?.length, filter.createdFrom, filter.createdTo].filter(Boolean).length;
  const processors = [
    { value: 'me', label: t('tickets.filters.processorMe') },
    { value: 'none', label: t('tickets.filters.processorNone') },
    ...(can('users.read') ? (staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.value, label: s.label })) : []),
  ];
  const w = (px: number) => ({ base: '100%', sm: px });

  return (
    <Group p="md" gap="sm" wrap="wrap" align="flex-end">
      <TextInput
        placeholder={t('tickets.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={filter.q ?? ''}
        onChange={(e) => set('q', e.currentTarget.value || undefined)}
        w={w(210)}
        aria-label={t('common.search')}
      />
      <MultiSelect
        placeholder={filter.status?.length ? undefined : t('tickets.filters.anyStatus')}
        aria-label={t('tickets.fields.status')}
        data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))}
        value={filter.status ?? []}
        onChange={(v) => set('status', list(v as TicketStatus[]))}
        clearable
        w={w(190)}
      />
      <MultiSelect
        placeholder={filter.priority?.length ? undefined : t('tickets.filters.anyPriority')}
        aria-label={t('tickets.fields.priority')}
        data={TICKET_PRIORITIES.map((p) => ({ value: String(p), label: t(`tickets.priority.${p}`) }))}
        value={(filter.priority ?? []).map(String)}
        onChange={(v) => set('priority', list(v.map(Number)))}
        clearable
        w={w(170)}
      />
      <MultiSelect
        placeholder={filter.source?.length ? undefined : t('tickets.filters.anySource')}
        aria-label={t('tickets.fields.source')}
        data={TICKET_SOURCES.map((s) => ({ value: s, label: t(`tickets.source.${s}`) }))}
        value={filter.source ?? []}
        onChange={(v) => set('source', list(v as TicketSource[]))}
        clearable
        w={w(210)}
      />
      <MultiSelect
        placeholder={filter.type?.length ? undefined : t('tickets.filters.anyType')}
        aria-label={t('tickets.fields.type')}
        data={(types.data ?? []).map((x) => ({ value: x.key, label: typeName(x, i18n.language) }))}
        value={filter.type ?? []}
        onChange={(v) => set('type', list(v))}
        clearable
        w={w(170)}
      />
      <MultiSelect
        placeholder={filter.componentId?.length ? undefined : t('tickets.filters.anyComponent')}
        aria-label={t('tickets.fields.component')}
        data={(components.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={filter.componentId ?? []}
        onChange={(v) => set('componentId', list(v))}
        clearable
        w={w(180)}
      />
      <Select
        placeholder={t('tickets.filters.anyProcessor')}
        aria-label={t('tickets.fields.processor')}
        data={processors}
        value={filter.processorId ?? null}
        onChange={(v) => set('processorId', v ?? undefined)}
        searchable
        clearable
        w={w(170)}
      />
      <Popover position="bottom-end" width={300} shadow="md" withinPortal>
        <Popover.Target>
          <Indicator disabled={!more} label={more} size={16}>
            <Button variant="default" leftSection={<IconAdjustments size={16} />}>
              {t('tickets.filters.more')}
            </Button>
          </Indicator>
        </Popover.Target>
        <Popover.Dropdown>
          {/* Option lists stay inside the popover: a portal would count as a click outside and close it. */}
          <Stack gap="sm">
            <CustomerPicker label={t('tickets.fields.customer')} value={filter.customerId ?? null} onChange={(id) => set('customerId', id ?? undefined)} placeholder={t('tickets.filters.anyCustomer')} withinPortal={false} />
            <TagsInput label={t('tickets.fields.tags')} placeholder={filter.tags?.length ? undefined : t('tickets.filters.tags')} value={filter.tags ?? []} onChange={(v) => set('tags', list(v))} clearable comboboxProps={{ withinPortal: false }} />
            <TextInput type="date" label={t('tickets.filters.createdFrom')} value={filter.createdFrom ?? ''} onChange={(e) => set('createdFrom', e.currentTarget.value || undefined)} />
            <TextInput type="date" label={t('tickets.filters.createdTo')} value={filter.createdTo ?? ''} onChange={(e) => set('createdTo', e.currentTarget.value || undefined)} />
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {fields.length > 0 && (
        <Popover position="bottom-end" width={300} shadow="md" withinPortal>
          <Popover.Target>
            <Indicator disabled={!customCount} label={customCount} size={16}>
              <Button variant="default" leftSection={<IconForms size={16} />}>
                {t('tickets.customFields')}
              </Button>
            </Indicator>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="sm">
              {fields.map((def) => (
                <CustomFieldInput key={def.key} def={def} label={fieldLabel(def, i18n.language)} value={custom[def.key]} onChange={(v) => setCustom(def.key, v)} mode="filter" />
              ))}
            </Stack>
          </Popover.Dropdown>
        </Popover>
      )}
      {anything && (
        <Button variant="subtle" color="gray" leftSection={<IconX size={16} />} onClick={() => onChange({})}>
          {t('tickets.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
