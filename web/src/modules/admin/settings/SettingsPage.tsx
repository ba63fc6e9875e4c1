import { Button, Card, Checkbox, Group, NumberInput, Stack, Switch, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { numberRanges } from '../../../api/schema.gen.ts';
import type { ResponseOf } from '../../../api/schema.ts';
import { SectionLoader } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { FormError, QueryError } from '../../../ui/QueryError.tsx';
import { toastSuccess } from '../../../ui/toast.ts';
import { useForm } from '../../../ui/useForm.ts';

/** Grouped by section, as the server keeps them: `{ uploads: { maxMb }, tickets: { … }, knowledge: { publishRoles } }`. */
type Settings = ResponseOf<'/api/v1/admin/settings', 'get'>;

type Section = keyof Settings;
type Name = 'maxMb' | 'autoCloseDays' | 'consolidationHours';

/** Every admin-set number, with the bounds the server enforces (from its OpenAPI document). */
const bounds = numberRanges['PATCH /api/v1/admin/settings'];
const FIELDS: { section: Section; name: Name; label: string; min: number; max: number; suffix?: string }[] = [
  { section: 'uploads', name: 'maxMb', label: 'uploadMaxMb', ...bounds['uploads.maxMb'], suffix: ' MB' },
  { section: 'tickets', name: 'autoCloseDays', label: 'autoCloseDays', ...bounds['tickets.autoCloseDays'] },
  { section: 'tickets', name: 'consolidationHours', label: 'consolidationHours', ...bounds['tickets.consolidationHours'] },
];

/** The roles that write articles (KB-1), any of whom the admin may let publish. */
const PUBLISH_ROLES = ['admin', 'manager', 'agent'] as const;

const SETTINGS_KEY = ['admin', 'settings'] as const;
const valueOf = (settings: Settings, f: (typeof FIELDS)[number]) => (settings[f.section] as Record<Name, number>)[f.name];

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm(Object.fromEntries(FIELDS.map((f) => [f.name, valueOf(settings, f) as number | string])) as Record<Name, number | string>);
  const [agentsSeeAll, setAgentsSeeAll] = useState(settings.tickets.agentsSeeAllTickets);
  const [publishRoles, setPublishRoles] = useState<string[]>(settings.knowledge.publishRoles);
  const [rolesError, setRolesError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Partial<Record<Section, Record<string, unknown>>>) => api<Settings>('/api/v1/admin/settings', { method: 'PATCH', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      toastSuccess(t('settings.saved'));
    },
    onError: (error) => form.applyError(error),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!publishRoles.length) return setRolesError(t('settings.publishRolesRequired'));
    const body: Partial<Record<Section, Record<string, unknown>>> = { tickets: { agentsSeeAllTickets: agentsSeeAll }, knowledge: { publishRoles } };
    for (const f of FIELDS) {
      const value = form.values[f.name];
      if (typeof value !== 'number' || value < f.min || value > f.max) {
        return form.setFieldError(f.name, t('validation.between', { min: f.min, max: f.max }));
      }
      (body[f.section] ??= {})[f.name] = value;
    }
    form.setFormError(null);
    save.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={480}>
        <FormError message={form.formError} />
        {(['uploads', 'tickets'] as const).map((section) => (
          <Stack key={section} gap="sm">
            <Title order={4}>{t(`settings.${section}Section`)}</Title>
            {FIELDS.filter((f) => f.section === section).map((f) => (
              <NumberInput
                key={f.name}
                label={t(`settings.${f.label}`)}
                description={t(`settings.${f.label}Hint`)}
                min={f.min}
                max={f.max}
                allowDecimal={false}
                suffix={f.suffix}
                {...form.field(f.name)}
              />
            ))}
            {section === 'tickets' && (
              <Switch
                label={t('settings.agentsSeeAllTickets')}
                description={t('settings.agentsSeeAllTicketsHint')}
                checked={agentsSeeAll}
                onChange={(event) => setAgentsSeeAll(event.currentTarget.checked)}
              />
            )}
          </Stack>
        ))}
        <Stack gap="sm">
          <Title order={4}>{t('settings.knowledgeSection')}</Title>
          <Checkbox.Group
            label={t('settings.publishRoles')}
            description={t('settings.publishRolesHint')}
            value={publishRoles}
            onChange={(roles) => {
              setPublishRoles(roles);
              setRolesError(null);
            }}
            error={rolesError}
          >
            <Group mt="xs">
              {PUBLISH_ROLES.map((role) => (
                <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        </Stack>
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
