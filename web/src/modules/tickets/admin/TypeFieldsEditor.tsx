import { ActionIcon, Button, Checkbox, Group, Paper, Select, Stack, TagsInput, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../customers/customers.types.ts';
import type { TypeField } from '../tickets.types.ts';

/** A row being edited; `stored` marks fields the type already had (their key is then fixed). */
export interface FieldRow extends TypeField {
  stored: boolean;
}

const isChoice = (type: CustomFieldType) => type === 'select' || type === 'multi-select';

/**
 * The fields a ticket type asks for: key, label, type, options (select types), required, active.
 * A stored field is deactivated rather than deleted, so tickets that have its value keep it.
 */
export function TypeFieldsEditor({ rows, onChange, errors }: { rows: FieldRow[]; onChange: (rows: FieldRow[]) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<FieldRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t('tickets.admin.types.fields')}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...rows, { key: '', label: '', type: 'text', options: [], required: false, active: true, stored: false }])}
        >
          {t('tickets.admin.types.addField')}
        </Button>
      </Group>
      {errors.fields && (
        <Text size="xs" c="red">
          {errors.fields}
        </Text>
      )}
      {!rows.length && (
        <Text size="sm" c="dimmed">
          {t('tickets.admin.types.noFields')}
        </Text>
      )}
      {rows.map((row, i) => (
        <Paper key={i} withBorder p="xs" radius="sm" opacity={row.active ? 1 : 0.65}>
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              label={t('tickets.admin.types.fieldKey')}
              value={row.key}
              disabled={row.stored}
              onChange={(e) => set(i, { key: e.currentTarget.value })}
              error={errors[`fields.${i}.key`]}
              w={150}
              size="xs"
            />
            <TextInput label={t('tickets.admin.types.fieldLabel')} value={row.label} onChange={(e) => set(i, { label: e.currentTarget.value })} error={errors[`fields.${i}.label`]} w={190} size="xs" />
            <Select
              label={t('tickets.admin.types.fieldType')}
              data={CUSTOM_FIELD_TYPES.map((x) => ({ value: x, label: t(`customFields.types.${x}`) }))}
              value={row.type}
              onChange={(x) => x && set(i, { type: x as CustomFieldType, options: isChoice(x as CustomFieldType) ? row.options : [] })}
              allowDeselect={false}
              w={140}
              size="xs"
            />
            {isChoice(row.type) && (
              <TagsInput label={t('tickets.admin.types.fieldOptions')} value={row.options} onChange={(o) => set(i, { options: o })} error={errors[`fields.${i}.options`]} w={220} size="xs" />
            )}
            <Checkbox mt={26} size="xs" label={t('tickets.admin.types.fieldRequired')} checked={row.required} onChange={(e) => set(i, { required: e.currentTarget.checked })} />
            <Checkbox mt={26} size="xs" label={t('common.active')} checked={row.active} onChange={(e) => set(i, { active: e.currentTarget.checked })} />
            <Group gap={2} mt={22} ml="auto">
              <ActionIcon variant="subtle" size="sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('tickets.admin.types.moveUp')}>
                <IconArrowUp size={14} />
              </ActionIcon>
              <ActionIcon variant="subtle" size="sm" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={t('tickets.admin.types.moveDown')}>
                <IconArrowDown size={14} />
              </ActionIcon>
              {!row.stored && (
                <Tooltip label={t('tickets.admin.types.removeField')}>
                  <ActionIcon variant="subtle" color="red" size="sm" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={t('tickets.admin.types.removeField')}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
