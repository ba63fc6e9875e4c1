import { Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.tsx';
import { FormError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';
import { type PoolSettings, usePoolSettings, useSavePoolSettings } from './pool.api.ts';

function RuleForm({ settings, onDone }: { settings: PoolSettings; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ inactiveDays: number | string; holdingLimit: number | string; cooldownDays: number | string }>(settings);
  const save = useSavePoolSettings();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { inactiveDays: Number(form.values.inactiveDays), holdingLimit: Number(form.values.holdingLimit), cooldownDays: Number(form.values.cooldownDays) };
    save.mutate(body, {
      onSuccess: () => {
        toastSuccess(t('pool.rule.saved'));
        onDone();
      },
      onError: (error) => form.applyError(error),
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" mt="sm">
        <FormError message={form.formError} />
        <Group grow align="flex-start" wrap="wrap">
          <NumberInput label={t('pool.rule.inactiveDays')} description={t('pool.rule.inactiveDaysHint')} min={1} max={3650} allowDecimal={false} {...form.field('inactiveDays')} />
          <NumberInput label={t('pool.rule.holdingLimit')} description={t('pool.rule.holdingLimitHint')} min={1} max={100000} allowDecimal={false} {...form.field('holdingLimit')} />
          <NumberInput label={t('pool.rule.cooldownDays')} description={t('pool.rule.cooldownDaysHint')} min={0} max={365} allowDecimal={false} {...form.field('cooldownDays')} />
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('pool.rule.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('pool.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The rule in one sentence for everyone; admins change it in place. */
export function PoolRuleCard() {
  const { t } = useTranslation();
  const can = useCan();
  const settings = usePoolSettings();
  const [editing, setEditing] = useState(false);
  if (!settings.data) return null;
  return (
    <Card withBorder radius="md" padding="md" mb="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">{t('pool.rule.summary', { ...settings.data })}</Text>
        {can('settings.manage') && !editing && (
          <Button variant="subtle" size="xs" leftSection={<IconSettings size={14} />} onClick={() => setEditing(true)}>
            {t('pool.rule.edit')}
          </Button>
        )}
      </Group>
      {editing && <RuleForm settings={settings.data} onDone={() => setEditing(false)} />}
    </Card>
  );
}
