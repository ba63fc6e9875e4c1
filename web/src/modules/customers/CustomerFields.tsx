import { Divider, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.tsx';
import type { useForm } from '../../ui/useForm.ts';
import { useStaffOptions, useTeams } from '../identity/org.api.ts';
import { AddressesEditor } from './AddressesEditor.tsx';
import { CustomFieldInput } from './CustomFieldInput.tsx';
import { fieldLabel } from './customers.api.ts';
import type { CustomerFormValues } from './customerForm.ts';
import { CUSTOMER_LEVELS, CUSTOMER_PRIORITIES, CUSTOMER_STATUSES, type CustomerType, type CustomFieldDefinition } from './customers.types.ts';

type Form = ReturnType<typeof useForm<CustomerFormValues>>;

/** CUS-1 profile inputs: company or individual names, contact data, classification, owner, addresses, custom fields. */
export function CustomerFields({ form, fields, customErrors, editing }: {
  form: Form;
  fields: CustomFieldDefinition[];
  customErrors: Record<string, string>;
  editing: boolean;
}) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const staff = useStaffOptions();
  const teams = useTeams();
  const v = form.values;
  const company = v.type === 'company';
  const options = (list: readonly string[], prefix: string) => list.map((x) => ({ value: x, label: t(`${prefix}.${x}`) }));
  return (
    <Stack gap="sm">
      <SegmentedControl
        value={v.type}
        onChange={(x) => form.setValue('type', x as CustomerType)}
        data={[
          { value: 'company', label: t('customers.type.company') },
          { value: 'individual', label: t('customers.type.individual') },
        ]}
        aria-label={t('customers.fields.type')}
      />
      {company ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('customers.fields.companyName')} required {...form.text('companyName')} data-autofocus />
          <TextInput label={t('customers.fields.taxId')} {...form.text('taxId')} />
          <TextInput label={t('customers.fields.contactFirstName')} {...form.text('firstName')} />
          <TextInput label={t('customers.fields.contactLastName')} {...form.text('lastName')} />
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('customers.fields.firstName')} required {...form.text('firstName')} data-autofocus />
          <TextInput label={t('customers.fields.lastName')} {...form.text('lastName')} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('customers.fields.email')} type="email" {...form.text('email')} />
        <TextInput label={t('customers.fields.phone')} type="tel" {...form.text('phone')} />
        <TextInput label={t('customers.fields.mobile')} type="tel" {...form.text('mobile')} />
        <TextInput label={t('customers.fields.title')} {...form.text('title')} />
        <Select label={t('customers.fields.status')} data={options(CUSTOMER_STATUSES, 'customers.status')} {...form.field('status')} onChange={(x) => x && form.setValue('status', x as never)} />
        <Select label={t('customers.fields.level')} data={options(CUSTOMER_LEVELS, 'customers.level')} {...form.field('level')} onChange={(x) => x && form.setValue('level', x as never)} />
        <Select label={t('customers.fields.priority')} data={options(CUSTOMER_PRIORITIES, 'customers.priority')} {...form.field('priority')} onChange={(x) => x && form.setValue('priority', x as never)} />
        <TextInput label={t('customers.fields.source')} {...form.text('source')} />
      </SimpleGrid>
      {company && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('customers.fields.industry')} {...form.text('industry')} />
          <TextInput label={t('customers.fields.website')} {...form.text('website')} />
          <NumberInput label={t('customers.fields.employeeCount')} min={0} allowDecimal={false} {...form.field('employeeCount')} onChange={(x) => form.setValue('employeeCount', typeof x === 'number' ? x : '')} />
          <TextInput label={t('customers.fields.annualRevenue')} inputMode="decimal" {...form.text('annualRevenue')} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('customers.fields.country')} description={t('customers.fields.countryHint')} maxLength={2} {...form.text('country')} />
        <TagsInput label={t('customers.fields.tags')} value={v.tags} onChange={(x) => form.setValue('tags', x)} error={form.errors.tags} clearable />
      </SimpleGrid>
      {/* Owner and team on edit change through "Assign" (its own permission), on create only for those who may assign. */}
      {!editing && can('customers.assign') && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('customers.fields.owner')}
            placeholder={t('customers.ownerDefault')}
            data={(staff.data ?? []).filter((s) => s.active).map((s) => ({ value: s.value, label: s.label }))}
            searchable
            clearable
            {...form.field('ownerId')}
          />
          <Select
            label={t('customers.fields.team')}
            data={(teams.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }))}
            clearable
            {...form.field('teamId')}
          />
        </SimpleGrid>
      )}
      <Textarea label={t('customers.fields.notes')} autosize minRows={2} maxRows={6} {...form.text('notes')} />
      <Divider label={t('customers.addresses.title')} labelPosition="left" />
      <AddressesEditor value={v.addresses} onChange={(a) => form.setValue('addresses', a)} error={form.errors.addresses} />
      {fields.length > 0 && (
        <>
          <Divider label={t('customers.customFields')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {fields.map((def) => (
              <CustomFieldInput
                key={def.key}
                def={def}
                label={fieldLabel(def, i18n.language)}
                value={v.custom[def.key]}
                error={customErrors[def.key]}
                onChange={(x) => form.setValue('custom', { ...form.values.custom, [def.key]: x })}
              />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
