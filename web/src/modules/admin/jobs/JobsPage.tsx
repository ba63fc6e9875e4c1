import { Badge, Button, Card, Code, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconClockPlay, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { useFormat } from '../../../ui/format.ts';
import { SectionLoader } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { QueryError } from '../../../ui/QueryError.tsx';
import { toastError, toastSuccess } from '../../../ui/toast.ts';

interface Job {
  name: string;
  description: string;
  /** Cron expression in UTC, or null for jobs that run when work is sent to them. */
  schedule: string | null;
  nextRunAt: string | null;
  /** Whether "run now" makes sense for this job (per-item workers do not). */
  runnable: boolean;
  /** Runs waiting in the queue. */
  queued: number;
  lastRun: { id: string; state: string; startedAt: string | null; completedAt: string | null; error: string | null } | null;
}

const JOBS_KEY = ['admin', 'jobs'] as const;
const STATE_COLORS: Record<string, string> = { completed: 'teal', active: 'blue', created: 'gray', retry: 'yellow', failed: 'red', cancelled: 'gray' };

function StateBadge({ run }: { run: Job['lastRun'] }) {
  const { t } = useTranslation();
  if (!run) {
    return (
      <Text size="sm" c="dimmed">
        {t('jobs.neverRun')}
      </Text>
    );
  }
  const badge = (
    <Badge color={STATE_COLORS[run.state] ?? 'gray'} variant="light">
      {t(`jobs.states.${run.state}`, { defaultValue: run.state })}
    </Badge>
  );
  return run.error ? <Tooltip label={run.error} multiline maw={360}>{badge}</Tooltip> : badge;
}

/** Scheduled jobs (PLT-12): what runs when, how the last run went, and "run now". */
export default function JobsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: JOBS_KEY,
    queryFn: () => api<{ items: Job[] }>('/api/v1/admin/jobs'),
    select: (d) => d.items,
    refetchInterval: 15_000,
  });
  const run = useMutation({
    mutationFn: (name: string) => api<void>(`/api/v1/admin/jobs/${encodeURIComponent(name)}/run`, { method: 'POST' }),
    onSuccess: (_r, name) => {
      toastSuccess(t('jobs.queued', { name }));
      void queryClient.invalidateQueries({ queryKey: JOBS_KEY });
    },
    onError: (error) => toastError(errorMessage(t, error)),
  });

  return (
    <>
      <PageHeader title={t('nav.jobs')} description={t('jobs.subtitle')} />
      <Card withBorder radius="md" padding={0}>
        {jobs.isPending && <SectionLoader />}
        {jobs.isError && <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />}
        {jobs.data?.length === 0 && <EmptyState icon={IconClockPlay} title={t('jobs.emptyTitle')} />}
        {jobs.data && jobs.data.length > 0 && (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('jobs.job')}</Table.Th>
                  <Table.Th>{t('jobs.schedule')}</Table.Th>
                  <Table.Th>{t('jobs.lastRun')}</Table.Th>
                  <Table.Th>{t('jobs.nextRun')}</Table.Th>
                  <Table.Th w={120} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.data.map((job) => (
                  <Table.Tr key={job.name}>
                    <Table.Td>
                      <Text size="sm" fw={500} ff="monospace">
                        {job.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {/* Known jobs are described in the user's language; new ones fall back to the server's text. */}
                        {t(`jobs.descriptions.${job.name.replace(/\./g, '_')}`, { defaultValue: job.description })}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {job.schedule ? <Code>{job.schedule}</Code> : <Text size="sm" c="dimmed">{t('jobs.onDemand')}</Text>}
                      {job.queued > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('jobs.queuedCount', { n: job.queued })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2} align="flex-start" style={{ whiteSpace: 'nowrap' }}>
                        <StateBadge run={job.lastRun} />
                        {job.lastRun?.startedAt && (
                          <Text size="xs" c="dimmed">
                            {format.dateTime(job.lastRun.completedAt ?? job.lastRun.startedAt)}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {job.nextRunAt ? format.dateTime(job.nextRunAt) : '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t('jobs.notRunnable')} disabled={job.runnable} multiline maw={260}>
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconPlayerPlay size={14} />}
                          disabled={!job.runnable}
                          loading={run.isPending && run.variables === job.name}
                          onClick={() => run.mutate(job.name)}
                        >
                          {t('jobs.runNow')}
                        </Button>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </>
  );
}
