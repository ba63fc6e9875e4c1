import { ActionIcon, Autocomplete, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/session.tsx';
import { useCustomerSearch } from './customers.api.ts';
import type { CustomerDetail } from './customers.types.ts';

/**
 * The header's type-ahead: customers by name (partial, any script, accents ignored), number, phone,
 * e-mail or tax ID — the list endpoint's `q`, so the server's visibility scope applies. Enter or a
 * click opens the customer.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('customers.read')) return null;
  return (
    <>
      <SearchBox visibleFrom="sm" />
      {/* Phones: no room in the header, so an icon opens the same search in a dialog. */}
      <ActionIcon variant="subtle" color="gray" size="lg" hiddenFrom="sm" onClick={() => setOpen(true)} aria-label={t('customers.search.label')}>
        <IconSearch size={18} />
      </ActionIcon>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('customers.search.label')}>
        <SearchBox onPicked={() => setOpen(false)} autoFocus />
      </Modal>
    </>
  );
}

function SearchBox({ visibleFrom, onPicked, autoFocus }: { visibleFrom?: 'sm'; onPicked?: () => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  // Picking an option makes the input report the option's value right after: that one is dropped.
  const picked = useRef(false);
  const [q] = useDebouncedValue(value.trim(), 250);
  const search = useCustomerSearch(q);
  const items = q.length >= 2 ? (search.data?.items ?? []) : [];
  const byNumber = new Map<string, CustomerDetail>(items.map((c) => [c.number, c]));

  return (
    <Autocomplete
      visibleFrom={visibleFrom}
      w={visibleFrom ? { sm: 240, md: 320 } : '100%'}
      autoFocus={autoFocus}
      placeholder={t('customers.search.placeholder')}
      aria-label={t('customers.search.label')}
      leftSection={<IconSearch size={16} />}
      rightSection={search.isFetching ? <Loader size={14} /> : null}
      value={value}
      onChange={(next) => {
        if (picked.current) {
          picked.current = false;
          setValue('');
        } else setValue(next);
      }}
      data={items.map((c) => c.number)}
      // The server already matched: show its answer as is, not filtered again by the typed text.
      filter={({ options }) => options}
      limit={8}
      // Enter opens the best match straight away.
      selectFirstOptionOnChange
      comboboxProps={visibleFrom ? { width: 380, position: 'bottom-start' } : undefined}
      renderOption={({ option }) => {
        const c = byNumber.get(option.value);
        if (!c) return option.value;
        return (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {c.name}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed" ff="monospace">
                {c.number}
              </Text>
              <Text size="xs" c="dimmed">
                {[c.phone, c.email, c.taxId].filter(Boolean).join(' · ')}
              </Text>
            </Group>
          </Stack>
        );
      }}
      onOptionSubmit={(number) => {
        picked.current = true;
        setValue('');
        onPicked?.();
        void navigate(`/customers/${number}`);
      }}
      onKeyDown={(e) => {
        // Enter without picking: the full list with this search.
        if (e.key === 'Enter' && !items.length && value.trim()) {
          onPicked?.();
          void navigate(`/customers?q=${encodeURIComponent(value.trim())}`);
        }
      }}
    />
  );
}
