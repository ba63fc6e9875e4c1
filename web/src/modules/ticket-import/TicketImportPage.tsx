import { Alert, Anchor, Button, Card, Code, FileInput, Group, SegmentedControl, SimpleGrid, Stack, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileTypeCsv, IconPlayerPlay, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { previewTicketCsv, TEMPLATE_COLUMNS, type TicketImportPreview, type TicketImportResult, useCommitImport } from './ticketImport.api.ts';

/** TKT-11: upload a CSV → preview with per-row errors → create the valid rows at once → links to them. */
export default function TicketImportPage() {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<TicketImportPreview | null>(null);
  const [result, setResult] = useState<TicketImportResult | null>(null);
  const restart = () => {
    setPreview(null);
    setResult(null);
  };
  const step = result ? 2 : preview ? 1 : 0;
  return (
    <>
      <PageHeader title={t('ticketImport.title')} description={t('ticketImport.subtitle')} />
      <Stepper active={step} mb="lg" size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('ticketImport.steps.upload')} />
        <Stepper.Step label={t('ticketImport.steps.preview')} />
        <Stepper.Step label={t('ticketImport.steps.result')} />
      </Stepper>
      {step === 0 && <UploadCard onPreview={setPreview} />}
      {step === 1 && preview && <PreviewCard preview={preview} onDone={setResult} onRestart={restart} />}
      {step === 2 && result && <ResultCard result={result} onAnother={restart} />}
    </>
  );
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
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

function UploadCard({ onPreview }: { onPreview: (p: TicketImportPreview) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!file) return setError(t('ticketImport.upload.chooseFile'));
    setBusy(true);
    setError(null);
    try {
      onPreview(await previewTicketCsv(file));
    } catch (e) {
      // The server names what is wrong with the file (encoding, header, row count): its words are the useful part.
      setError(e instanceof ApiError && e.errors.length ? e.errors.map((f) => f.message).join(' ') : errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder radius="md" padding="lg" maw={720}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('ticketImport.upload.hint')}
        </Text>
        <Code block>{`${TEMPLATE_COLUMNS.join(',')},field:<key>`}</Code>
        <Text size="xs" c="dimmed">
          {t('ticketImport.upload.columnsHint')}
        </Text>
        <FileInput
          label={t('ticketImport.upload.file')}
          placeholder={t('ticketImport.upload.placeholder')}
          accept=".csv,text/csv,text/plain"
          leftSection={<IconFileTypeCsv size={18} />}
          value={file}
          onChange={setFile}
          error={error}
          clearable
          data-testid="ticket-import-file"
        />
        <Group justify="flex-end">
          <Button leftSection={<IconUpload size={16} />} loading={busy} onClick={submit}>
            {t('ticketImport.upload.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function PreviewCard({ preview, onDone, onRestart }: { preview: TicketImportPreview; onDone: (r: TicketImportResult) => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const [show, setShow] = useState<'all' | 'errors'>(preview.invalid ? 'errors' : 'all');
  const commit = useCommitImport(preview.importId);
  const stale = commit.error instanceof ApiError && commit.error.status === 409;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <Stat label={t('ticketImport.preview.total')} value={preview.total} />
        <Stat label={t('ticketImport.preview.valid')} value={preview.valid} color="teal" />
        <Stat label={t('ticketImport.preview.invalid')} value={preview.invalid} color={preview.invalid ? 'red' : undefined} />
      </SimpleGrid>
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Text fw={600}>{t('ticketImport.preview.title', { file: preview.fileName })}</Text>
          <SegmentedControl
            size="xs"
            value={show}
            onChange={(v) => setShow(v as 'all' | 'errors')}
            data={[
              { value: 'errors', label: t('ticketImport.preview.onlyErrors') },
              { value: 'all', label: t('ticketImport.preview.allRows') },
            ]}
          />
        </Group>
        <PreviewTable rows={show === 'errors' ? preview.errorRows : preview.rows} columns={preview.columns} />
        {(show === 'errors' ? preview.invalid : preview.total) > 200 && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('ticketImport.preview.firstRows')}
          </Text>
        )}
      </Card>
      {commit.error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />}>
          {stale ? t('ticketImport.preview.stale') : errorMessage(t, commit.error)}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onRestart}>
          {t('ticketImport.preview.otherFile')}
        </Button>
        <Button leftSection={<IconPlayerPlay size={16} />} disabled={!preview.valid || stale} loading={commit.isPending} onClick={() => commit.mutate(undefined, { onSuccess: onDone })}>
          {t('ticketImport.preview.commit', { count: preview.valid })}
        </Button>
      </Group>
    </Stack>
  );
}

function ResultCard({ result, onAnother }: { result: TicketImportResult; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="ticket-import-done">
        {t('ticketImport.result.done', { created: result.created, skipped: result.skipped })}
      </Alert>
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
