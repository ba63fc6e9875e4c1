import { Anchor, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import type { TicketFile } from './tickets.types.ts';

/** "2.4 MB" in the user's locale. */
export function fileSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit ? 1 : 0 }).format(n)} ${units[unit]}`;
}

/**
 * One uploaded file of a message. The server says which files are verified images it serves inline
 * (`inlineImage`); only those are previewed. Everything else is a download link, served by the
 * server as an attachment, so a hostile HTML or SVG file is never opened in the app's origin.
 */
export function AttachmentView({ file }: { file: TicketFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const size = fileSize(file.size, format.locale);
  if (file.inlineImage) {
    return (
      <Stack gap={4} maw={420}>
        <Anchor href={file.url} target="_blank" rel="noopener noreferrer" aria-label={t('tickets.attachment.open', { name: file.name })}>
          <Image src={file.url} alt={file.name} radius="sm" mah={280} fit="contain" w="auto" />
        </Anchor>
        <Text size="xs" c="dimmed">
          {file.name} · {size}
        </Text>
      </Stack>
    );
  }
  return (
    <Paper withBorder radius="sm" px="sm" py={6} w="fit-content" maw="100%">
      <Group gap="xs" wrap="nowrap">
        <IconPaperclip size={16} />
        <Anchor href={file.url} download={file.name} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {file.name}
        </Anchor>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {size}
        </Text>
        <IconDownload size={14} aria-hidden />
      </Group>
    </Paper>
  );
}
