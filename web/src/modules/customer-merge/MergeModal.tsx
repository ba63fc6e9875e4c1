import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Table, Text, Textarea, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowsExchange, IconGitMerge } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { type MergeRule, useMerge, useMergePreview } from './merge.api.ts';

const show = (v: unknown) => (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length) ? '—' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? Object.entries(v as object).map(([k, x]) => `${k}: ${String(x)}`).join('; ') || '—' : String(v));

/**
 * CUS-4 merge: the two customers side by side, a rule per field (primary / secondary / combine /
 * latest), the merged result, then one atomic merge. Mount it from a customer page or the list with
 * `primary` (id or number) and optionally `secondary`; without one, the user searches for it.
 */
export function MergeModal({ opened, onClose, primary: initialPrimary, secondary: initialSecondary, onMerged }: {
  opened: boolean;
  onClose: () => void;
  primary: string;
  secondary?: string | null;
  onMerged?: (customer: { id: string; number: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const [pair, setPair] = useState<[string, string | null]>([initialPrimary, initialSecondary ?? null]);
  const [rules, setRules] = useState<Record<string, MergeRule>>({});
  const [note, setNote] = useState('');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['customers', 'merge-search', debounced],
    queryFn: () => api<{ items: { id: string; number: string; name: string; status: string }[] }>('/api/v1/customers', { query: { q: debounced || undefined, limit: 20, status: 'LEAD,PROSPECT,CUSTOMER' } }),
    enabled: opened,
  });
  const preview = useMergePreview(pair[0], pair[1], rules);
  const merge = useMerge();
  const data = preview.data;
  // The chosen secondary stays listed even when the search does not find it (it came from the caller).
  const listed = (found.data?.items ?? []).filter((c) => c.id !== data?.primary.id && c.number !== pair[0]);
  const chosen = data && pair[1] ? [data.secondary].filter((s) => !listed.some((c) => c.id === s.id)) : [];
  const options = [...chosen, ...listed].map((c) => ({ value: c.id, label: `${c.number} · ${c.name}` }));
  const submit = () =>
    data &&
    merge.mutate(
      { primary: data.primary.id, secondary: data.secondary.id, rules, primaryVersion: data.primary.version, secondaryVersion: data.secondary.version, note: note.trim() || undefined },
      { onSuccess: (r) => { onMerged?.(r.customer); onClose(); } },
    );

  return (
    <Modal opened={opened} onClose={onClose} title={t('customerMerge.title')} size="xl">
      <Stack>
        <Group align="flex-end" wrap="nowrap">
          <Select
            style={{ flex: 1 }}
            label={t('customerMerge.secondary')}
            searchable
            onSearchChange={setSearch}
            data={options}
            value={data && pair[1] ? data.secondary.id : pair[1]}
            onChange={(v) => setPair([pair[0], v])}
            nothingFoundMessage={t('customerMerge.nothingFound')}
          />
          <Tooltip label={t('customerMerge.swap')}>
            <ActionIcon variant="default" size="lg" aria-label={t('customerMerge.swap')} disabled={!pair[1]} onClick={() => pair[1] && setPair([pair[1], pair[0]])}>
              <IconArrowsExchange size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Text size="xs" c="dimmed" mt={-8}>
          {t('customerMerge.secondaryHint')}
        </Text>
        {preview.isFetching && !data && <SectionLoader />}
        {preview.error && <Alert color="red">{errorMessage(t, preview.error)}</Alert>}
        {data && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={4} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('customerMerge.field')}</Table.Th>
                  <Table.Th>{t('customerMerge.keeps', { number: data.primary.number })}</Table.Th>
                  <Table.Th>{t('customerMerge.goes', { number: data.secondary.number })}</Table.Th>
                  <Table.Th w={150}>{t('customerMerge.rule')}</Table.Th>
                  <Table.Th>{t('customerMerge.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.fields.map((f) => (
                  <Table.Tr key={f.field}>
                    <Table.Td fw={500}>{t(`customerMerge.fields.${f.field}`)}</Table.Td>
                    <Table.Td>{show(f.primary)}</Table.Td>
                    <Table.Td>{show(f.secondary)}</Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={t(`customerMerge.fields.${f.field}`)}
                        allowDeselect={false}
                        value={f.rule}
                        data={(['primary', 'secondary', 'latest', ...(f.combinable ? ['combine'] : [])] as MergeRule[]).map((r) => ({ value: r, label: t(`customerMerge.rules.${r}`) }))}
                        onChange={(v) => v && setRules({ ...rules, [f.field]: v as MergeRule })}
                      />
                    </Table.Td>
                    <Table.Td fw={500}>{show(f.merged)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {data && (
          <Text size="sm" c="dimmed">
            {t('customerMerge.explain', { secondary: data.secondary.number, primary: data.primary.number })}
          </Text>
        )}
        <Textarea label={t('customerMerge.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
        {merge.error && <Alert color="red">{errorMessage(t, merge.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('customerMerge.cancel')}
          </Button>
          <Button color="orange" leftSection={<IconGitMerge size={16} />} disabled={!data} loading={merge.isPending} onClick={submit}>
            {t('customerMerge.merge')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
