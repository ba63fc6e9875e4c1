import { ActionIcon, Button, Card, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type AddressValues, newAddress } from './customerForm.ts';
import { ADDRESS_KINDS, type AddressKind } from './customers.types.ts';

/** Several addresses, exactly one primary (the radio); removing the primary makes the first one primary. */
export function AddressesEditor({ value, onChange, error }: { value: AddressValues[]; onChange: (v: AddressValues[]) => void; error?: string }) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<AddressValues>) => onChange(value.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  const makePrimary = (key: string) => onChange(value.map((a) => ({ ...a, isPrimary: a.key === key })));
  const remove = (key: string) => {
    const rest = value.filter((a) => a.key !== key);
    if (rest.length && !rest.some((a) => a.isPrimary)) rest[0] = { ...rest[0], isPrimary: true };
    onChange(rest);
  };
  return (
    <Stack gap="xs">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('customers.addresses.none')}
        </Text>
      )}
      {value.map((a, i) => (
        <Card key={a.key} withBorder padding="sm" radius="md">
          <Group justify="space-between" mb="xs">
            <Radio
              label={t('customers.addresses.primary')}
              checked={a.isPrimary}
              onChange={() => makePrimary(a.key)}
              aria-label={`${t('customers.addresses.primary')} ${i + 1}`}
            />
            <Tooltip label={t('customers.addresses.remove')}>
              <ActionIcon variant="subtle" color="red" onClick={() => remove(a.key)} aria-label={`${t('customers.addresses.remove')} ${i + 1}`}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <Select
              label={t('customers.addresses.kind')}
              data={ADDRESS_KINDS.map((k) => ({ value: k, label: t(`customers.addressKind.${k}`) }))}
              value={a.kind}
              onChange={(k) => k && update(a.key, { kind: k as AddressKind })}
            />
            <TextInput label={t('customers.addresses.street')} value={a.street} onChange={(e) => update(a.key, { street: e.currentTarget.value })} style={{ gridColumn: 'span 2' }} />
            <TextInput label={t('customers.addresses.city')} value={a.city} onChange={(e) => update(a.key, { city: e.currentTarget.value })} />
            <TextInput label={t('customers.addresses.state')} value={a.state} onChange={(e) => update(a.key, { state: e.currentTarget.value })} />
            <Group gap="xs" grow>
              <TextInput label={t('customers.addresses.postalCode')} value={a.postalCode} onChange={(e) => update(a.key, { postalCode: e.currentTarget.value })} />
              <TextInput label={t('customers.addresses.country')} maxLength={2} value={a.country} onChange={(e) => update(a.key, { country: e.currentTarget.value.toUpperCase() })} />
            </Group>
          </SimpleGrid>
        </Card>
      ))}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      <Group>
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange([...value, newAddress(value.length === 0)])}>
          {t('customers.addresses.add')}
        </Button>
      </Group>
    </Stack>
  );
}
