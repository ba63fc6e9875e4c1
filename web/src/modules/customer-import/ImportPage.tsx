import { Alert, Button, Card, FileInput, Group, Select, Stack, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { type CustomerImport, ENCODINGS, uploadCsv, useImport } from './import.api.ts';
import { MappingStep } from './MappingStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { ResultStep } from './ResultStep.tsx';

const UPLOAD_CODES = ['bad_encoding', 'malformed_csv', 'empty_file', 'no_rows', 'file_too_large', 'too_many_rows'] as const;

const stepOf = (imp: CustomerImport | undefined, editingMapping: boolean) => {
  if (!imp) return 0;
  if (editingMapping || imp.status === 'uploaded' || imp.status === 'failed') return 1;
  if (imp.status === 'validating' || imp.status === 'ready') return 2;
  return 3;
};

/** PLT-9: upload → mapping → preview (errors, duplicates, skip/update) → progress → result. */
export default function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const current = useImport(id);
  const [editingMapping, setEditingMapping] = useState(false);
  const setId = (next: string | null) => {
    setEditingMapping(false);
    setParams(next ? { id: next } : {});
  };
  const step = stepOf(id ? current.data : undefined, editingMapping);

  return (
    <>
      <PageHeader title={t('customerImport.title')} description={t('customerImport.subtitle')} />
      <Stepper active={step} mb="lg" size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('customerImport.steps.upload')} />
        <Stepper.Step label={t('customerImport.steps.mapping')} />
        <Stepper.Step label={t('customerImport.steps.preview')} />
        <Stepper.Step label={t('customerImport.steps.import')} />
      </Stepper>
      {id && current.isPending && <SectionLoader />}
      {id && current.error && <QueryError error={current.error} onRetry={() => current.refetch()} />}
      {step === 0 && !(id && (current.isPending || current.error)) && <UploadStep onUploaded={(imp) => setId(imp.id)} />}
      {current.data && step > 0 && (
        <Stack>
          {current.data.status === 'failed' && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />}>
              {t('customerImport.failed')}
            </Alert>
          )}
          {step === 1 && <MappingStep imp={current.data} onDone={() => setEditingMapping(false)} onRestart={() => setId(null)} />}
          {step === 2 && <PreviewStep imp={current.data} onEditMapping={() => setEditingMapping(true)} />}
          {step === 3 && <ResultStep imp={current.data} onAnother={() => setId(null)} />}
        </Stack>
      )}
    </>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (imp: CustomerImport) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<string>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const submit = async () => {
    if (!file) {
      setError({ message: '', fields: { file: t('customerImport.upload.chooseFile') } });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const imp = await uploadCsv(file, encoding);
      client.setQueryData(['customer-imports', imp.id], imp);
      onUploaded(imp);
    } catch (e) {
      // The file's refusals in the user's language; the server's detail stays for what only it knows (the row).
      const known = e instanceof ApiError && (UPLOAD_CODES as readonly string[]).includes(e.code);
      const message = known ? t(`customerImport.errors.${(e as ApiError).code}`) + ((e as ApiError).code === 'malformed_csv' ? ` (${(e as ApiError).detail})` : '') : errorMessage(t, e);
      const fields = e instanceof ApiError ? Object.fromEntries(e.errors.map((f) => [f.field, known ? message : f.message])) : {};
      setError({ message, fields });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder radius="md" padding="lg" maw={640}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('customerImport.upload.hint')}
        </Text>
        <FileInput
          label={t('customerImport.upload.file')}
          placeholder={t('customerImport.upload.placeholder')}
          accept=".csv,text/csv,text/plain"
          leftSection={<IconFileTypeCsv size={18} />}
          value={file}
          onChange={setFile}
          error={error?.fields.file}
          clearable
          data-testid="import-file"
        />
        <Select
          label={t('customerImport.upload.encoding')}
          description={t('customerImport.upload.encodingHint')}
          data={ENCODINGS.map((e) => ({ value: e, label: e === 'auto' ? t('customerImport.upload.auto') : e.toUpperCase() }))}
          value={encoding}
          onChange={(v) => setEncoding(v ?? 'auto')}
          error={error?.fields.encoding}
          allowDeselect={false}
        />
        {error?.message && !error.fields.file && !error.fields.encoding && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />}>
            {error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button leftSection={<IconUpload size={16} />} loading={busy} onClick={submit}>
            {t('customerImport.upload.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
