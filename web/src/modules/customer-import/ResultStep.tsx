import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconUpload, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CustomerImport, reportUrl } from './import.api.ts';
import { ResultCounts } from '../../ui/import/ImportParts.tsx';
import { IssuesTable, RowProgress } from './PreviewStep.tsx';

/** The import running in the background (progress bar, polled), then its counts and the error report. */
export function ResultStep({ imp, onAnother }: { imp: CustomerImport; onAnother: () => void }) {
  const { t } = useTranslation();
  if (imp.status !== 'completed') {
    return (
      <Card withBorder radius="md" padding="lg">
        <Text fw={600} mb={4}>
          {t('customerImport.result.running')}
        </Text>
        <Text size="sm" c="dimmed" mb="sm">
          {t('customerImport.result.runningHint')}
        </Text>
        <RowProgress imp={imp} />
      </Card>
    );
  }
  const r = imp.result;
  return (
    <Stack>
      <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="import-done">
        {t('customerImport.result.done', { file: imp.fileName })}
      </Alert>
      <ResultCounts counts={imp.result} />
      {r.failed + r.skipped > 0 && (
        <Card withBorder radius="md" padding="lg">
          <Group justify="space-between" mb="sm">
            <Text fw={600}>{t('customerImport.result.problems')}</Text>
            <Button component="a" href={reportUrl(imp.id)} variant="light" size="xs" leftSection={<IconDownload size={14} />}>
              {t('customerImport.downloadReport')}
            </Button>
          </Group>
          <IssuesTable imp={imp} phase="import" />
        </Card>
      )}
      <Group>
        <Button component={Link} to="/customers" leftSection={<IconUsers size={16} />}>
          {t('customerImport.result.toCustomers')}
        </Button>
        <Button variant="default" leftSection={<IconUpload size={16} />} onClick={onAnother}>
          {t('customerImport.anotherFile')}
        </Button>
      </Group>
    </Stack>
  );
}
