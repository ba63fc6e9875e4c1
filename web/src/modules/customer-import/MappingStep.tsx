import { Alert, Badge, Button, Card, Group, Select, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';
import { type CustomerImport, useImportStep } from './import.api.ts';

const IGNORE = '__ignore__';

/** The name a target shows with: a translated field name, or the admin's label of a custom field. */
export function useTargetLabel(imp: Pick<CustomerImport, 'customLabels'>) {
  const { t } = useTranslation();
  return (target: string) => (target.startsWith('custom.') ? (imp.customLabels[target] ?? target) : t(`customerImport.fields.${target}`));
}

/** One row per column of the file: its header, what it holds, and which customer field it fills. */
export function MappingStep({ imp, onDone, onRestart }: { imp: CustomerImport; onDone: () => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const label = useTargetLabel(imp);
  const [mapping, setMapping] = useState<(string | null)[]>(imp.mapping);
  const preview = useImportStep<{ mapping: (string | null)[] }>(imp.id, 'preview');
  const used = new Set(mapping.filter(Boolean));
  const fieldErrors = preview.error instanceof ApiError ? Object.fromEntries(preview.error.errors.map((e) => [e.field, e.message])) : {};
  const options = (current: string | null) => [
    { value: IGNORE, label: t('customerImport.mapping.ignore') },
    ...imp.targets.filter((target) => target === current || !used.has(target)).map((target) => ({ value: target, label: label(target) })),
  ];

  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('customerImport.mapping.title', { file: imp.fileName, rows: imp.totalRows })}</Text>
        <Group gap="xs">
          <Badge variant="light">{imp.encoding.toUpperCase()}</Badge>
          <Badge variant="light">{t('customerImport.mapping.delimiter', { delimiter: imp.delimiter === '\t' ? 'TAB' : imp.delimiter })}</Badge>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('customerImport.mapping.hint')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customerImport.mapping.column')}</Table.Th>
              <Table.Th>{t('customerImport.mapping.sample')}</Table.Th>
              <Table.Th w={280}>{t('customerImport.mapping.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imp.headers.map((header, i) => (
              <Table.Tr key={i}>
                <Table.Td fw={500}>{header}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1} maw={320}>
                    {imp.sample.map((row) => row[i]).filter(Boolean).slice(0, 3).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={header}
                    data={options(mapping[i])}
                    value={mapping[i] ?? IGNORE}
                    onChange={(v) => setMapping((m) => m.map((x, j) => (j === i ? (v && v !== IGNORE ? v : null) : x)))}
                    error={fieldErrors[`mapping.${i}`]}
                    searchable
                    allowDeselect={false}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {preview.error && (
        <Alert color="red" mt="md" icon={<IconAlertTriangle size={18} />}>
          {errorMessage(t, preview.error)}
        </Alert>
      )}
      <Group justify="space-between" mt="md">
        <Button variant="default" onClick={onRestart}>
          {t('customerImport.anotherFile')}
        </Button>
        <Button rightSection={<IconArrowRight size={16} />} loading={preview.isPending} onClick={() => preview.mutate({ mapping }, { onSuccess: onDone })}>
          {t('customerImport.mapping.validate')}
        </Button>
      </Group>
    </Card>
  );
}
