import { Button, Card, Checkbox, NumberInput, Select, Table, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { timeZones } from '../../../ui/format.ts';
import { SectionLoader } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { QueryError } from '../../../ui/QueryError.tsx';
import { StaleNotice } from '../../../ui/StaleNotice.tsx';
import { toastError, toastSuccess } from '../../../ui/toast.ts';
import { PriorityBadge } from '../badges.tsx';
import { useSaveSlaPolicy, useSlaPolicies } from '../tickets.api.ts';
import type { SlaPolicy } from '../tickets.types.ts';

type Draft = Omit<SlaPolicy, 'priority' | 'version'>;
const draftOf = ({ priority: _p, version: _v, ...rest }: SlaPolicy): Draft => rest;

/** One priority's targets, saved on its own (PUT with If-Match). */
function PolicyRow({ policy, onStale }: { policy: SlaPolicy; onStale: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSlaPolicy();
  const [draft, setDraft] = useState<Draft>(() => draftOf(policy));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(policy));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const minutes = (key: 'firstResponseMinutes' | 'resolutionMinutes' | 'warnBeforeMinutes') => (
    <NumberInput
      aria-label={`${t(`tickets.admin.sla.${key}`)} · ${t(`tickets.priority.${policy.priority}`)}`}
      min={key === 'warnBeforeMinutes' ? 0 : 1}
      allowDecimal={false}
      value={draft[key]}
      onChange={(x) => set(key, typeof x === 'number' ? x : 0)}
      error={errors[key]}
      w={130}
      size="xs"
    />
  );
  const submit = () =>
    save.mutate(
      { priority: policy.priority, version: policy.version, body: draft },
      {
        onSuccess: (saved) => (setErrors({}), setDraft(draftOf(saved)), toastSuccess(t('tickets.admin.sla.saved', { priority: t(`tickets.priority.${policy.priority}`) }))),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) return onStale();
          if (error instanceof ApiError && error.errors.length) setErrors(Object.fromEntries(error.errors.map((e) => [e.field, e.message])));
          else toastError(errorMessage(t, error));
        },
      },
    );
  return (
    <Table.Tr opacity={draft.active ? 1 : 0.6}>
      <Table.Td>
        <PriorityBadge priority={policy.priority} />
      </Table.Td>
      <Table.Td>{minutes('firstResponseMinutes')}</Table.Td>
      <Table.Td>{minutes('resolutionMinutes')}</Table.Td>
      <Table.Td>{minutes('warnBeforeMinutes')}</Table.Td>
      <Table.Td>
        <Checkbox aria-label={t('tickets.admin.sla.businessHours')} checked={draft.businessHours} onChange={(e) => set('businessHours', e.currentTarget.checked)} />
      </Table.Td>
      <Table.Td>
        <Select aria-label={t('tickets.admin.sla.timeZone')} data={timeZones(draft.timeZone)} value={draft.timeZone} onChange={(z) => z && set('timeZone', z)} searchable allowDeselect={false} size="xs" w={190} error={errors.timeZone} />
      </Table.Td>
      <Table.Td>
        <Checkbox aria-label={t('common.active')} checked={draft.active} onChange={(e) => set('active', e.currentTarget.checked)} />
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" disabled={!dirty} loading={save.isPending} onClick={submit}>
          {t('common.save')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** TKT-9 SLA policies: the five priorities' first-response and resolution targets (tickets.manage). */
export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const [stale, setStale] = useState(false);
  const [generation, setGeneration] = useState(0);
  const reload = async () => {
    await policies.refetch();
    setGeneration((g) => g + 1);
    setStale(false);
  };
  return (
    <>
      <PageHeader title={t('tickets.admin.sla.title')} description={t('tickets.admin.sla.subtitle')} />
      {stale && <StaleNotice message={t('tickets.admin.stale')} onReload={() => void reload()} reloading={policies.isFetching} />}
      <Card withBorder radius="md" padding={0} mt={stale ? 'md' : 0}>
        {policies.isPending && <SectionLoader />}
        {policies.isError && <QueryError error={policies.error} onRetry={() => void policies.refetch()} />}
        {policies.isSuccess && policies.data.length === 0 && <EmptyState icon={IconClockExclamation} title={t('tickets.admin.sla.empty')} />}
        {policies.isSuccess && policies.data.length > 0 && (
          <Table.ScrollContainer minWidth={1000}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tickets.fields.priority')}</Table.Th>
                  <Table.Th>{t('tickets.admin.sla.firstResponseMinutes')}</Table.Th>
                  <Table.Th>{t('tickets.admin.sla.resolutionMinutes')}</Table.Th>
                  <Table.Th>{t('tickets.admin.sla.warnBeforeMinutes')}</Table.Th>
                  <Table.Th>{t('tickets.admin.sla.businessHours')}</Table.Th>
                  <Table.Th>{t('tickets.admin.sla.timeZone')}</Table.Th>
                  <Table.Th>{t('common.active')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...policies.data]
                  .sort((a, b) => a.priority - b.priority)
                  .map((p) => (
                    <PolicyRow key={`${p.priority}-${p.version}-${generation}`} policy={p} onStale={() => setStale(true)} />
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Text size="xs" c="dimmed" mt="sm">
        {t('tickets.admin.sla.hint')}
      </Text>
    </>
  );
}
