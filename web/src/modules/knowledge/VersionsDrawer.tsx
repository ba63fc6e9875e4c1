import { Alert, Badge, Button, Drawer, Group, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconHistory, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { toastSuccess } from '../../ui/toast.ts';
import { ArticleBody } from './ArticleBody.tsx';
import { type ArticleDetail, useRestoreVersion, useVersions } from './knowledge.api.ts';

/** The answer's previous versions (newest first): who saved each and when, a preview, and "Restore". */
export function VersionsDrawer({ article, opened, onClose, canRestore, restoreHint, onRestored }: {
  article: ArticleDetail;
  opened: boolean;
  onClose: () => void;
  canRestore: boolean;
  /** Why "Restore" is not offered (unsaved changes in the editor). */
  restoreHint?: string;
  onRestored: (article: ArticleDetail) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useVersions(article.id, opened);
  const restore = useRestoreVersion();
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = versions.data?.items ?? [];
  const shown = items.find((v) => v.version === selected) ?? items[0];

  const doRestore = async (version: number) => {
    setError(null);
    try {
      const restored = await restore.mutateAsync({ id: article.id, current: article.version, version });
      toastSuccess(t('knowledge.versions.restored', { version }));
      onRestored(restored);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 412 ? t('knowledge.versions.stale') : errorMessage(t, e));
    }
  };

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title={t('knowledge.versions.title')} scrollAreaComponent={ScrollArea.Autosize}>
      {versions.isPending ? (
        <SectionLoader />
      ) : versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('knowledge.versions.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {restoreHint && (
            <Alert color="yellow" variant="light">
              {restoreHint}
            </Alert>
          )}
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Stack gap={4}>
            {items.map((v) => (
              <UnstyledButton
                key={v.version}
                onClick={() => setSelected(v.version)}
                p="xs"
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: shown?.version === v.version ? 'var(--mantine-color-default-hover)' : undefined,
                }}
                aria-pressed={shown?.version === v.version}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Group gap="xs" wrap="nowrap">
                    <IconHistory size={16} />
                    <Text size="sm" fw={500}>
                      {t('knowledge.versions.version', { version: v.version })}
                    </Text>
                    {v.version === article.version && (
                      <Badge size="xs" variant="light">
                        {t('knowledge.versions.current')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {v.editor?.name ?? t('knowledge.versions.unknownEditor')} · {format.dateTime(v.savedAt)}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
          {shown && (
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between" mb="sm" wrap="wrap">
                <Text fw={600}>{shown.title}</Text>
                {canRestore && shown.version !== article.version && (
                  <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} loading={restore.isPending} onClick={() => void doRestore(shown.version)}>
                    {t('knowledge.versions.restore', { version: shown.version })}
                  </Button>
                )}
              </Group>
              <ArticleBody html={shown.body} />
            </Paper>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
