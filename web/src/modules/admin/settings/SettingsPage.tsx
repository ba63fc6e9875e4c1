import { Button, Card, Group, NumberInput, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { SectionLoader } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { FormError, QueryError } from '../../../ui/QueryError.tsx';
import { toastSuccess } from '../../../ui/toast.ts';
import { useForm } from '../../../ui/useForm.ts';

/** Grouped by section, as the server keeps them: `{ uploads: { maxMb } }`. */
interface Settings {
  uploads: { maxMb: number };
}

const SETTINGS_KEY = ['admin', 'settings'] as const;

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ maxMb: settings.uploads.maxMb as number | string });
  const save = useMutation({
    mutationFn: (body: { uploads?: Partial<Settings['uploads']> }) => api<Settings>('/api/v1/admin/settings', { method: 'PATCH', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      toastSuccess(t('settings.saved'));
    },
    onError: (error) => form.applyError(error),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = form.values.maxMb;
    if (typeof value !== 'number' || value < 1 || value > 50) {
      return form.setFieldError('maxMb', t('validation.between', { min: 1, max: 50 }));
    }
    form.setFormError(null);
    save.mutate({ uploads: { maxMb: value } });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420}>
        <FormError message={form.formError} />
        <NumberInput
          label={t('settings.uploadMaxMb')}
          description={t('settings.uploadMaxMbHint')}
          min={1}
          max={50}
          allowDecimal={false}
          suffix=" MB"
          {...form.field('maxMb')}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Instance settings an admin may change at run time. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api<Settings>('/api/v1/admin/settings') });
  return (
    <>
      <PageHeader title={t('nav.settings')} description={t('settings.subtitle')} />
      <Card withBorder radius="md" padding="lg">
        {settings.isPending && <SectionLoader />}
        {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
        {settings.data && <SettingsForm settings={settings.data} />}
      </Card>
    </>
  );
}
