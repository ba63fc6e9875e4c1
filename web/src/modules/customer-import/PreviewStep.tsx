import { Button, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DuplicateChoice, type DuplicateMode, type Problem, ProblemsTable, Stat } from '../../ui/import/ImportParts.tsx';
import { useFormat } from '../../ui/format.ts';
import { FormError } from '../../ui/QueryError.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { type CustomerImport, type ImportIssue, reportUrl, useImportIssues, useImportStep } from './import.api.ts';
import { useTargetLabel } from './MappingStep.tsx';

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
  const problems: Problem[] = (issues.data?.items ?? []).map((issue: ImportIssue) => ({
    key: issue.id,
    line: issue.line,
    kind: issue.kind as Problem['kind'],
    field: issue.field && imp.targets.includes(issue.field) ? label(issue.field) : issue.field,
    message: issue.message,
    link: issue.existingNumber ? { to: `/customers/${issue.existingNumber}`, label: issue.existingNumber } : undefined,
  }));
  if (!problems.length) return null;
  return (
    <>
      <ProblemsTable problems={problems} kindLabel={(kind) => t(`customerImport.kinds.${kind}`)} />
      {issues.data?.nextCursor && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('customerImport.issues.more')}
        </Text>
      )}
    </>
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
        <DuplicateChoice value={mode} onChange={setMode} textsKey="customerImport.preview" />
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
