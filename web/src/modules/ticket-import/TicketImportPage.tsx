import { Alert, Anchor, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconPlayerPlay, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';
import { ImportUploadCard } from '../../ui/import/ImportUploadCard.tsx';
import { DuplicateChoice, type DuplicateMode, type Problem, ProblemsTable, ResultCounts, Stat } from '../../ui/import/ImportParts.tsx';
import { MappingStep, useTargetLabel } from '../../ui/import/MappingStep.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { type DuplicateKey, type TicketImportPreview, type TicketImportResult, type TicketUpload, uploadTicketCsv, useCommitImport, usePreviewImport } from './ticketImport.api.ts';

/** Ticket targets as the user reads them: the translated field, a type's field by its key, a custom field by its label. */
function useTicketLabel(file: Pick<TicketUpload, 'customLabels'>) {
  const { t } = useTranslation();
  const label = useTargetLabel(file, 'ticketImport.fields');
  return (target: string) => (target.startsWith('field:') ? t('ticketImport.typeField', { key: target.slice(6) }) : label(target));
}

/**
 * TKT-11 / PLT-9, the customer import's steps: upload a CSV → map its columns to ticket fields →
 * preview with per-row problems and duplicates of existing tickets → create (and skip or update the
 * duplicates) at once → links to the tickets.
 */
export default function TicketImportPage() {
  const { t } = useTranslation();
  const [upload, setUpload] = useState<TicketUpload | null>(null);
  const [preview, setPreview] = useState<TicketImportPreview | null>(null);
  const [result, setResult] = useState<TicketImportResult | null>(null);
  const restart = () => {
    setUpload(null);
    setPreview(null);
    setResult(null);
  };
  const step = result ? 3 : preview ? 2 : upload ? 1 : 0;
  return (
    <>
      <PageHeader title={t('ticketImport.title')} description={t('ticketImport.subtitle')} />
      <Stepper active={step} mb="lg" size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('ticketImport.steps.upload')} />
        <Stepper.Step label={t('ticketImport.steps.mapping')} />
        <Stepper.Step label={t('ticketImport.steps.preview')} />
        <Stepper.Step label={t('ticketImport.steps.result')} />
      </Stepper>
      {step === 0 && (
        <ImportUploadCard
          hint={t('ticketImport.upload.hint')}
          errorText={(code) => t(`ticketImport.errors.${code}`)}
          testId="ticket-import-file"
          onUpload={async (file, encoding) => setUpload(await uploadTicketCsv(file, encoding))}
        />
      )}
      {step === 1 && upload && <TicketMappingStep upload={upload} onPreview={setPreview} onRestart={restart} />}
      {step === 2 && upload && preview && <PreviewCard upload={upload} preview={preview} onDone={setResult} onBack={() => setPreview(null)} />}
      {step === 3 && result && <ResultCard upload={upload!} result={result} onAnother={restart} />}
    </>
  );
}

/** The shared mapping step with the ticket fields, and what finds an existing ticket for a row. */
function TicketMappingStep({ upload, onPreview, onRestart }: { upload: TicketUpload; onPreview: (p: TicketImportPreview) => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const label = useTicketLabel(upload);
  const [duplicateKey, setDuplicateKey] = useState<DuplicateKey>('externalRef');
  const preview = usePreviewImport(upload.importId);
  return (
    <MappingStep
      file={upload}
      label={label}
      textsKey="ticketImport.mapping"
      step={preview}
      onRestart={onRestart}
      onSubmit={(mapping) => preview.mutate({ mapping, duplicateKey }, { onSuccess: onPreview })}
      extra={
        <Stack gap={4} mt="md">
          <Text size="sm" fw={500}>
            {t('ticketImport.mapping.duplicateKey')}
          </Text>
          <SegmentedControl
            size="xs"
            w="fit-content"
            value={duplicateKey}
            onChange={(v) => setDuplicateKey(v as DuplicateKey)}
            data={upload.duplicateKeys.map((k) => ({ value: k, label: t(`ticketImport.fields.${k}`) }))}
            data-testid="duplicate-key"
          />
          <Text size="xs" c="dimmed">
            {t('ticketImport.mapping.duplicateKeyHint')}
          </Text>
        </Stack>
      }
    />
  );
}

/** Problem rows and duplicates in the shared problems table, fields by their mapping label. */
function problemsOf(preview: TicketImportPreview, label: (target: string) => string): Problem[] {
  const problems: Problem[] = preview.errorRows.flatMap((row) => row.errors.map((e, i) => ({ key: `${row.line}:${i}`, line: row.line, kind: 'error' as const, field: label(e.field), message: e.message })));
  const duplicates: Problem[] = preview.duplicateRows.map((row) => ({
    key: `${row.line}:dup`,
    line: row.line,
    kind: 'duplicate' as const,
    field: null,
    message: '',
    link: row.duplicateOf ? { to: `/tickets/${row.duplicateOf.number}`, label: row.duplicateOf.number } : undefined,
  }));
  return [...problems, ...duplicates].sort((a, b) => a.line - b.line);
}

function PreviewCard({ upload, preview, onDone, onBack }: { upload: TicketUpload; preview: TicketImportPreview; onDone: (r: TicketImportResult) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const label = useTicketLabel(upload);
  const problems = problemsOf(preview, label);
  const [show, setShow] = useState<'problems' | 'all'>(problems.length ? 'problems' : 'all');
  const [mode, setMode] = useState<DuplicateMode>('skip');
  const commit = useCommitImport(preview.importId);
  const stale = commit.error instanceof ApiError && commit.error.status === 409;
  const created = preview.valid - preview.duplicates;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label={t('ticketImport.preview.total')} value={preview.total} />
        <Stat label={t('ticketImport.preview.valid')} value={created} color="teal" />
        <Stat label={t('ticketImport.preview.invalid')} value={preview.invalid} color={preview.invalid ? 'red' : undefined} />
        <Stat label={t('ticketImport.preview.duplicates')} value={preview.duplicates} color={preview.duplicates ? 'orange' : undefined} />
      </SimpleGrid>
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Text fw={600}>{t('ticketImport.preview.title', { file: preview.fileName })}</Text>
          <SegmentedControl
            size="xs"
            value={show}
            onChange={(v) => setShow(v as 'problems' | 'all')}
            data={[
              { value: 'problems', label: t('ticketImport.preview.onlyProblems') },
              { value: 'all', label: t('ticketImport.preview.allRows') },
            ]}
          />
        </Group>
        {show === 'problems' ? (
          problems.length ? (
            <ProblemsTable problems={problems.map((p) => (p.kind === 'duplicate' ? { ...p, message: t('ticketImport.preview.duplicateOf') } : p))} kindLabel={(kind) => t(`ticketImport.kinds.${kind}`)} />
          ) : (
            <Text c="dimmed">{t('ticketImport.preview.noProblems')}</Text>
          )
        ) : (
          <PreviewTable rows={preview.rows} columns={preview.columns} label={label} />
        )}
        {(show === 'problems' ? preview.invalid + preview.duplicates : preview.total) > 200 && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('ticketImport.preview.firstRows')}
          </Text>
        )}
      </Card>
      <Card withBorder radius="md" padding="lg">
        {preview.duplicates > 0 && (
          <DuplicateChoice value={mode} onChange={setMode} textsKey="ticketImport.preview" />
        )}
        {commit.error && (
          <Alert color="red" mt="md" icon={<IconAlertTriangle size={18} />}>
            {stale ? t('ticketImport.preview.stale') : errorMessage(t, commit.error)}
          </Alert>
        )}
        <Group justify="space-between" mt={preview.duplicates > 0 || commit.error ? 'md' : 0}>
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t('ticketImport.preview.back')}
          </Button>
          <Button leftSection={<IconPlayerPlay size={16} />} disabled={!preview.valid || stale} loading={commit.isPending} onClick={() => commit.mutate(mode, { onSuccess: onDone })}>
            {mode === 'update' && preview.duplicates ? t('ticketImport.preview.commitUpdate', { count: created, updates: preview.duplicates }) : t('ticketImport.preview.commit', { count: created })}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}

function ResultCard({ upload, result, onAnother }: { upload: TicketUpload; result: TicketImportResult; onAnother: () => void }) {
  const { t } = useTranslation();
  const label = useTicketLabel(upload);
  return (
    <Stack>
      <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="ticket-import-done">
        {t('ticketImport.result.done', { file: upload.fileName })}
      </Alert>
      <ResultCounts counts={result} />
      {result.problems.length > 0 && (
        <Card withBorder radius="md" padding="lg">
          <Text fw={600} mb="sm">
            {t('ticketImport.result.problems')}
          </Text>
          <ProblemsTable
            problems={result.problems.map((p, i) => ({ key: i, line: p.line, kind: 'error', field: label(p.field), message: p.message, link: { to: `/tickets/${p.number}`, label: p.number } }))}
            kindLabel={(kind) => t(`ticketImport.kinds.${kind}`)}
          />
        </Card>
      )}
      {result.numbers.length > 0 && (
        <Card withBorder radius="md" padding="lg">
          <Text fw={600} mb="sm">
            {t('ticketImport.result.numbers')}
          </Text>
          <Group gap="xs">
            {result.numbers.map((n) => (
              <Anchor key={n} component={Link} to={`/tickets/${n}`} ff="monospace" size="sm">
                {n}
              </Anchor>
            ))}
          </Group>
          {result.created > result.numbers.length && (
            <Text size="xs" c="dimmed" mt="sm">
              {t('ticketImport.result.more', { count: result.created - result.numbers.length })}
            </Text>
          )}
        </Card>
      )}
      <Group>
        <Button variant="default" leftSection={<IconUpload size={16} />} onClick={onAnother}>
          {t('ticketImport.result.another')}
        </Button>
        <Button component={Link} to="/tickets" variant="light">
          {t('ticketImport.result.openList')}
        </Button>
      </Group>
    </Stack>
  );
}
