import { Alert, Button, Card, FileInput, Group, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../errors.ts';

/** What the user may say the file is in; `auto` reads a BOM, else the server requires UTF-8 (PLT-9, every import). */
export const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1251', 'windows-1258', 'gb18030'] as const;

/** The refusals of a file's content every import answers with (server: platform/csv/csv-problems.ts). */
export const UPLOAD_CODES = ['bad_encoding', 'malformed_csv', 'empty_file', 'no_rows', 'file_too_large', 'too_many_rows'] as const;

/**
 * The first step of every import: a CSV file and its encoding. A refused file is explained in the
 * user's language (`errorText` per code, the import's own limits in it); the server's detail stays
 * for what only it knows (the line of a malformed file).
 */
export function ImportUploadCard({ hint, errorText, onUpload, testId }: { hint: ReactNode; errorText: (code: (typeof UPLOAD_CODES)[number]) => string; onUpload: (file: File, encoding: string) => Promise<void>; testId: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<string>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const submit = async () => {
    if (!file) {
      setError({ message: '', fields: { file: t('imports.upload.chooseFile') } });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onUpload(file, encoding);
    } catch (e) {
      const code = e instanceof ApiError ? (UPLOAD_CODES as readonly string[]).find((c) => c === e.code) : undefined;
      const message = code ? errorText(code as (typeof UPLOAD_CODES)[number]) + (code === 'malformed_csv' ? ` (${(e as ApiError).detail})` : '') : errorMessage(t, e);
      const fields = e instanceof ApiError ? Object.fromEntries(e.errors.map((f) => [f.field, code ? message : f.message])) : {};
      setError({ message, fields });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder radius="md" padding="lg" maw={680}>
      <Stack>
        <Text size="sm" c="dimmed" component="div">
          {hint}
        </Text>
        <FileInput
          label={t('imports.upload.file')}
          placeholder={t('imports.upload.placeholder')}
          accept=".csv,text/csv,text/plain"
          leftSection={<IconFileTypeCsv size={18} />}
          value={file}
          onChange={setFile}
          error={error?.fields.file}
          clearable
          data-testid={testId}
        />
        <Select
          label={t('imports.upload.encoding')}
          description={t('imports.upload.encodingHint')}
          data={ENCODINGS.map((e) => ({ value: e, label: e === 'auto' ? t('imports.upload.auto') : e.toUpperCase() }))}
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
            {t('imports.upload.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
