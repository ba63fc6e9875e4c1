import { Button, Group, Indicator, MultiSelect, Popover, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { IconAdjustments, IconSearch, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useStaffOptions, useTeams } from '../identity/org.api.ts';
import { CustomFieldInput } from './CustomFieldInput.tsx';
import { fieldLabel } from './customers.api.ts';
import {
  CUSTOMER_LEVELS,
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  type CustomerFilter,
  type CustomerLevel,
  type CustomerStatus,
  type CustomerType,
  type CustomFieldDefinition,
} from './customers.types.ts';

/** The list's filters; custom fields sit in a popover so the bar stays one line on a laptop. */
export function CustomerFilterBar({ filter, onChange, fields }: {
  filter: CustomerFilter;
  onChange: (next: CustomerFilter) => void;
  fields: CustomFieldDefinition[];
}) {
  const { t, i18n } = useTranslation();
  const staff = useStaffOptions();
  const teams = useTeams();
  const set = <K extends keyof CustomerFilter>(key: K, value: CustomerFilter[K]) => onChange({ ...filter, [key]: value });
  const custom = filter.custom ?? {};
  const setCustom = (key: string, value: unknown) => {
    const next = { ...custom };
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) delete next[key];
    else next[key] = value;
    set('custom', next);
  };
  const anything = Object.values(filter).some((v) => v !== undefined && v !== '' && !(Array.isArray(v) && !v.length));
  const ownerData = [
    { value: 'me', label: t('customers.filters.ownerMe') },
    { value: 'none', label: t('customers.filters.ownerNone') },
    ...(staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.value, label: s.label })),
  ];

  return (
    <Group p="md" gap="sm" wrap="wrap" align="flex-end">
      <TextInput
        placeholder={t('customers.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={filter.q ?? ''}
        onChange={(e) => set('q', e.currentTarget.value)}
        w={{ base: '100%', sm: 260 }}
        aria-label={t('common.search')}
      />
      <MultiSelect
        placeholder={filter.status?.length ? undefined : t('customers.filters.anyStatus')}
        aria-label={t('customers.fields.status')}
        data={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`customers.status.${s}`) }))}
        value={filter.status ?? []}
        onChange={(v) => set('status', v as CustomerStatus[])}
        clearable
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        placeholder={t('customers.filters.anyType')}
        aria-label={t('customers.fields.type')}
        data={CUSTOMER_TYPES.map((s) => ({ value: s, label: t(`customers.type.${s}`) }))}
        value={filter.type ?? null}
        onChange={(v) => set('type', (v as CustomerType | null) ?? undefined)}
        clearable
        w={{ base: '100%', sm: 150 }}
      />
      <MultiSelect
        placeholder={filter.level?.length ? undefined : t('customers.filters.anyLevel')}
        aria-label={t('customers.fields.level')}
        data={CUSTOMER_LEVELS.map((s) => ({ value: s, label: t(`customers.level.${s}`) }))}
        value={filter.level ?? []}
        onChange={(v) => set('level', v as CustomerLevel[])}
        clearable
        w={{ base: '100%', sm: 180 }}
      />
      <Select
        placeholder={t('customers.filters.anyOwner')}
        aria-label={t('customers.fields.owner')}
        data={ownerData}
        value={filter.ownerId ?? null}
        onChange={(v) => set('ownerId', v ?? undefined)}
        searchable
        clearable
        w={{ base: '100%', sm: 180 }}
      />
      <Select
        placeholder={t('customers.filters.anyTeam')}
        aria-label={t('customers.fields.team')}
        data={(teams.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }))}
        value={filter.teamId ?? null}
        onChange={(v) => set('teamId', v ?? undefined)}
        clearable
        w={{ base: '100%', sm: 170 }}
      />
      <TagsInput
        placeholder={filter.tags?.length ? undefined : t('customers.filters.tags')}
        aria-label={t('customers.fields.tags')}
        value={filter.tags ?? []}
        onChange={(v) => set('tags', v)}
        clearable
        w={{ base: '100%', sm: 200 }}
      />
      {fields.length > 0 && (
        <Popover position="bottom-end" width={300} shadow="md" withinPortal>
          <Popover.Target>
            <Indicator disabled={!Object.keys(custom).length} label={Object.keys(custom).length} size={16}>
              <Button variant="default" leftSection={<IconAdjustments size={16} />}>
                {t('customers.filters.more')}
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
          {t('customers.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
