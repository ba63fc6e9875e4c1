import { Alert, Badge, Button, Card, Group, Select, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../errors.ts';

const IGNORE = '__ignore__';

/** The uploaded file as every import's API describes it (server: platform/imports/import.contracts.ts fileShape). */
export interface MappedFile {
  fileName: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  sample: string[][];
  totalRows: number;
  mapping: (string | null)[];
  targets: string[];
  customLabels: Record<string, string>;
}

/**
 * The name a target shows with: the import's translated field name (`<fieldsKey>.<target>`), or the
 * admin's label of a custom field (`custom.<key>`); targets without a translation (a type's field,
 * `field:<key>`) show as they are.
 */
export function useTargetLabel(file: Pick<MappedFile, 'customLabels'>, fieldsKey: string) {
  const { t } = useTranslation();
  return (target: string) => (target.startsWith('custom.') ? (file.customLabels[target] ?? target) : t(`${fieldsKey}.${target}`, { defaultValue: target }));
}

/**
 * PLT-9 mapping, the same for every import: one row per column of the file (its header, sample
 * values, and which field it fills or "Ignore"), each target offered once. The import names its
 * fields (`label`), its texts (`<textsKey>.hint` says what is required, `<textsKey>.target` heads the
 * field column) and may add its own choices (`extra`, e.g. the ticket import's duplicate key); the
 * server's refusal of its `step` names the column (`mapping.<i>`).
 */
export function MappingStep({
  file,
  label,
  textsKey,
  extra,
  step,
  onSubmit,
  onRestart,
}: {
  file: MappedFile;
  label: (target: string) => string;
  textsKey: string;
  extra?: ReactNode;
  /** The request that confirms the mapping (a mutation): its progress and refusal. */
  step: { isPending: boolean; error: unknown };
  onSubmit: (mapping: (string | null)[]) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const { error } = step;
  const [mapping, setMapping] = useState<(string | null)[]>(file.mapping);
  const used = new Set(mapping.filter(Boolean));
  const fieldErrors = error instanceof ApiError ? Object.fromEntries(error.errors.map((e) => [e.field, e.message])) : {};
  const options = (current: string | null) => [
    { value: IGNORE, label: t('imports.mapping.ignore') },
    ...file.targets.filter((target) => target === current || !used.has(target)).map((target) => ({ value: target, label: label(target) })),
  ];

  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('imports.mapping.title', { file: file.fileName, rows: file.totalRows })}</Text>
        <Group gap="xs">
          <Badge variant="light">{file.encoding.toUpperCase()}</Badge>
          <Badge variant="light">{t('imports.mapping.delimiter', { delimiter: file.delimiter === '\t' ? 'TAB' : file.delimiter })}</Badge>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t(`${textsKey}.hint`)}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.mapping.column')}</Table.Th>
              <Table.Th>{t('imports.mapping.sample')}</Table.Th>
              <Table.Th w={280}>{t(`${textsKey}.target`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.headers.map((header, i) => (
              <Table.Tr key={i}>
                <Table.Td fw={500}>{header}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1} maw={320}>
                    {file.sample.map((row) => row[i]).filter(Boolean).slice(0, 3).join(' · ')}
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
      {extra}
      {Boolean(error) && (
        <Alert color="red" mt="md" icon={<IconAlertTriangle size={18} />}>
          {errorMessage(t, error)}
        </Alert>
      )}
      <Group justify="space-between" mt="md">
        <Button variant="default" onClick={onRestart}>
          {t('imports.anotherFile')}
        </Button>
        <Button rightSection={<IconArrowRight size={16} />} loading={step.isPending} onClick={() => onSubmit(mapping)}>
          {t('imports.mapping.validate')}
        </Button>
      </Group>
    </Card>
  );
}
