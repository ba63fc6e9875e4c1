import { Button, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COLOR_SCHEMES, LANGUAGES, type ColorScheme, type Language, type Me } from '../../api/types.ts';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { useUpdateMe } from '../../app/session.tsx';
import { timeZones } from '../../ui/format.ts';
import { FormError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Name, contact details and preferences (IAM-1, PLT-6, PLT-7); only changed fields are sent. */
export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const updateMe = useUpdateMe();
  const zones = useMemo(() => timeZones(me.timeZone), [me.timeZone]);
  const form = useForm({
    name: me.name,
    phone: me.phone ?? '',
    location: me.location ?? '',
    language: me.language as Language,
    timeZone: me.timeZone,
    colorScheme: me.colorScheme as ColorScheme,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    if (!v.name.trim()) return form.setFieldError('name', t('validation.required'));
    const changes: Parameters<typeof updateMe.mutate>[0] = {};
    if (v.name.trim() !== me.name) changes.name = v.name.trim();
    if (blankToNull(v.phone) !== me.phone) changes.phone = blankToNull(v.phone);
    if (blankToNull(v.location) !== me.location) changes.location = blankToNull(v.location);
    if (v.language !== me.language) changes.language = v.language;
    if (v.timeZone !== me.timeZone) changes.timeZone = v.timeZone;
    if (v.colorScheme !== me.colorScheme) changes.colorScheme = v.colorScheme;
    if (!Object.keys(changes).length) return toastSuccess(t('profile.nothingChanged'));
    form.setFormError(null);
    updateMe.mutate(changes, {
      onSuccess: () => toastSuccess(t('profile.saved')),
      onError: (error) => form.applyError(error),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('fields.name')} required autoComplete="name" {...form.text('name')} />
          <TextInput
            label={t('fields.email')}
            value={me.email}
            readOnly
            disabled
            description={t('profile.emailHint')}
          />
          <TextInput label={t('fields.phone')} type="tel" autoComplete="tel" {...form.text('phone')} />
          <TextInput label={t('fields.location')} {...form.text('location')} />
          <Select
            label={t('fields.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            allowDeselect={false}
            value={form.values.language}
            onChange={(value) => value && form.setValue('language', value as Language)}
            error={form.errors.language}
          />
          <Select
            label={t('fields.timeZone')}
            data={zones}
            searchable
            allowDeselect={false}
            limit={100}
            nothingFoundMessage={t('common.nothingFound')}
            value={form.values.timeZone}
            onChange={(value) => value && form.setValue('timeZone', value)}
            error={form.errors.timeZone}
          />
        </SimpleGrid>
        <Input.Wrapper label={t('fields.colorScheme')}>
          <SegmentedControl
            data={COLOR_SCHEMES.map((s) => ({ value: s, label: t(`colorScheme.${s}`) }))}
            value={form.values.colorScheme}
            onChange={(value) => form.setValue('colorScheme', value as ColorScheme)}
            display="flex"
            w="fit-content"
          />
        </Input.Wrapper>
        <Group justify="flex-end">
          <Button type="submit" loading={updateMe.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
