import { Anchor, Badge, Button, Card, Group, Progress, Radio, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import { FormError } from '../../ui/QueryError.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { type CustomerImport, type DuplicateMode, type ImportIssue, reportUrl, useImportIssues, useImportStep } from './import.api.ts';
import { useTargetLabel } from './MappingStep.tsx';

const KIND_COLOR: Record<ImportIssue['kind'], string> = { error: 'red', duplicate: 'orange', file_duplicate: 'yellow' };

export function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  const format = useFormat();
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {format.number(value)}
      </Text>
    </Card>
  );
}

export function RowProgress({ imp }: { imp: CustomerImport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pct = imp.totalRows ? Math.min(100, Math.round((imp.processedRows / imp.totalRows) * 100)) : 0;
  return (
    <Stack gap={4}>
      <Progress value={pct} size="lg" animated striped aria-label={t('customerImport.progress')} />
      <Text size="sm" c="dimmed">
        {t('customerImport.rowsOf', { done: format.number(imp.processedRows), total: format.number(imp.totalRows) })}
      </Text>
    </Stack>
  );
}

/** The issues of one pass: row, what kind, which field, the message, the existing customer. */
export function IssuesTable({ imp, phase }: { imp: CustomerImport; phase: 'preview' | 'import' }) {
  const { t } = useTranslation();
  const label = useTargetLabel(imp);
  const issues = useImportIssues(imp.id, phase, true);
  const items = issues.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing={6} data-testid="import-issues">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('customerImport.issues.row')}</Table.Th>
            <Table.Th w={150}>{t('customerImport.issues.kind')}</Table.Th>
            <Table.Th w={160}>{t('customerImport.issues.field')}</Table.Th>
            <Table.Th>{t('customerImport.issues.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((issue) => (
            <Table.Tr key={issue.id}>
              <Table.Td>{issue.line}</Table.Td>
              <Table.Td>
                <Badge color={KIND_COLOR[issue.kind]} variant="light">
                  {t(`customerImport.kinds.${issue.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{issue.field && imp.targets.includes(issue.field) ? label(issue.field) : issue.field}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {issue.message}{' '}
                  {issue.existingNumber && (
                    <Anchor component={Link} to={`/customers/${issue.existingNumber}`} size="sm">
                      {issue.existingNumber}
                    </Anchor>
                  )}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {issues.data?.nextCursor && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('customerImport.issues.more')}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}

/** Validation running (progress), then what will happen: counts, issues, skip or update. */
export function PreviewStep({ imp, onEditMapping }: { imp: CustomerImport; onEditMapping: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<DuplicateMode>('skip');
  const start = useImportStep<{ duplicateMode: DuplicateMode }>(imp.id, 'start');
  if (imp.status === 'validating') {
    return (
      <Card withBorder radius="md" padding="lg">
        <Text fw={600} mb="sm">
          {t('customerImport.preview.validating')}
        </Text>
        <RowProgress imp={imp} />
      </Card>
    );
  }
  const p = imp.preview;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label={t('customerImport.preview.valid')} value={p.valid} color="teal" />
        <Stat label={t('customerImport.preview.invalid')} value={p.invalid} color={p.invalid ? 'red' : undefined} />
        <Stat label={t('customerImport.preview.duplicates')} value={p.duplicates} color={p.duplicates ? 'orange' : undefined} />
        <Stat label={t('customerImport.preview.fileDuplicates')} value={p.fileDuplicates} />
      </SimpleGrid>
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{t('customerImport.preview.issuesTitle')}</Text>
          {p.invalid + p.duplicates + p.fileDuplicates > 0 && (
            <Button component="a" href={reportUrl(imp.id)} variant="subtle" size="xs" leftSection={<IconDownload size={14} />}>
              {t('customerImport.downloadReport')}
            </Button>
          )}
        </Group>
        {p.invalid + p.duplicates + p.fileDuplicates === 0 ? <Text c="dimmed">{t('customerImport.preview.noIssues')}</Text> : <IssuesTable imp={imp} phase="preview" />}
      </Card>
      <Card withBorder radius="md" padding="lg">
        <Radio.Group label={t('customerImport.preview.duplicateMode')} description={t('customerImport.preview.duplicateModeHint')} value={mode} onChange={(v) => setMode(v as DuplicateMode)}>
          <Stack gap="xs" mt="xs">
            <Radio value="skip" label={t('customerImport.preview.skip')} />
            <Radio value="update" label={t('customerImport.preview.update')} />
          </Stack>
        </Radio.Group>
        <FormError message={start.error ? errorMessage(t, start.error) : null} />
        <Group justify="space-between" mt="md">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onEditMapping}>
            {t('customerImport.preview.back')}
          </Button>
          <Button leftSection={<IconPlayerPlay size={16} />} loading={start.isPending} disabled={p.valid === 0} onClick={() => start.mutate({ duplicateMode: mode })}>
            {t('customerImport.preview.start', { count: p.valid })}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
