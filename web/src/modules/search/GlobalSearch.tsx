import { ActionIcon, Autocomplete, Badge, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { type SearchCustomer, type SearchTicket, useGlobalSearch } from './search.api.ts';

type Hit = { kind: 'customer'; item: SearchCustomer } | { kind: 'ticket'; item: SearchTicket };

/**
 * The header's search (PLT-8): customers and tickets in groups, by number or partial words in any
 * language — GET /search, where each module's visibility applies. Enter or a click opens the record.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('customers.read') && !can('tickets.read')) return null;
  return (
    <>
      <SearchBox visibleFrom="sm" />
      {/* Phones: no room in the header, so an icon opens the same search in a dialog. */}
      <ActionIcon variant="subtle" color="gray" size="lg" hiddenFrom="sm" onClick={() => setOpen(true)} aria-label={t('search.label')}>
        <IconSearch size={18} />
      </ActionIcon>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('search.label')}>
        <SearchBox onPicked={() => setOpen(false)} autoFocus />
      </Modal>
    </>
  );
}

function SearchBox({ visibleFrom, onPicked, autoFocus }: { visibleFrom?: 'sm'; onPicked?: () => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  // Picking an option makes the input report the option's value right after: that one is dropped.
  const picked = useRef(false);
  const [q] = useDebouncedValue(value.trim(), 250);
  const search = useGlobalSearch(q);
  const result = q.length >= 2 ? search.data : undefined;
  const hits = new Map<string, Hit>();
  for (const c of result?.customers ?? []) hits.set(`c:${c.number}`, { kind: 'customer', item: c });
  for (const tk of result?.tickets ?? []) hits.set(`t:${tk.number}`, { kind: 'ticket', item: tk });
  const groups = [
    { group: t('search.customers'), items: (result?.customers ?? []).map((c) => `c:${c.number}`) },
    { group: t('search.tickets'), items: (result?.tickets ?? []).map((tk) => `t:${tk.number}`) },
  ].filter((g) => g.items.length);

  const open = (key: string) => {
    const hit = hits.get(key);
    if (!hit) return;
    picked.current = true;
    setValue('');
    onPicked?.();
    void navigate(hit.kind === 'customer' ? `/customers/${hit.item.number}` : `/tickets/${hit.item.number}`);
  };

  return (
    <Autocomplete
      visibleFrom={visibleFrom}
      w={visibleFrom ? { sm: 240, md: 320 } : '100%'}
      autoFocus={autoFocus}
      placeholder={t('search.placeholder')}
      aria-label={t('search.label')}
      leftSection={<IconSearch size={16} />}
      rightSection={search.isFetching ? <Loader size={14} /> : null}
      value={value}
      onChange={(next) => {
        if (picked.current) {
          picked.current = false;
          setValue('');
        } else setValue(next);
      }}
      data={groups}
      // The server already matched: show its answer as is, not filtered again by the typed text.
      filter={({ options }) => options}
      limit={20}
      // Enter opens the best match straight away.
      selectFirstOptionOnChange
      comboboxProps={visibleFrom ? { width: 420, position: 'bottom-start' } : undefined}
      renderOption={({ option }) => {
        const hit = hits.get(option.value);
        if (!hit) return option.value;
        if (hit.kind === 'customer') {
          return (
            <Stack gap={0}>
              <Text size="sm" fw={500}>
                {hit.item.name}
              </Text>
              <Group gap={6}>
                <Text size="xs" c="dimmed" ff="monospace">
                  {hit.item.number}
                </Text>
                {hit.item.hint && (
                  <Text size="xs" c="dimmed">
                    {hit.item.hint}
                  </Text>
                )}
              </Group>
            </Stack>
          );
        }
        return (
          <Stack gap={0}>
            <Text size="sm" fw={500} lineClamp={1}>
              {hit.item.title}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed" ff="monospace">
                {hit.item.number}
              </Text>
              <Badge size="xs" variant="light">
                {t(`search.status.${hit.item.status}`)}
              </Badge>
            </Group>
          </Stack>
        );
      }}
      onOptionSubmit={open}
      onKeyDown={(e) => {
        // Enter without a match: the full list with this search.
        if (e.key === 'Enter' && !hits.size && value.trim()) {
          onPicked?.();
          const list = can('customers.read') ? '/customers' : '/tickets';
          void navigate(`${list}?q=${encodeURIComponent(value.trim())}`);
        }
      }}
    />
  );
}
