import { Alert, Stack, Stepper } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ImportUploadCard } from '../../ui/import/ImportUploadCard.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { type CustomerImport, uploadCsv, useImport } from './import.api.ts';
import { MappingStep } from './MappingStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { ResultStep } from './ResultStep.tsx';

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
  return (
    <ImportUploadCard
      hint={t('customerImport.upload.hint')}
      errorText={(code) => t(`customerImport.errors.${code}`)}
      testId="import-file"
      onUpload={async (file, encoding) => {
        const imp = await uploadCsv(file, encoding);
        client.setQueryData(['customer-imports', imp.id], imp);
        onUploaded(imp);
      }}
    />
  );
}
