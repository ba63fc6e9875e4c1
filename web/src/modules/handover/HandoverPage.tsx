import { Alert, Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconSend, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { toastError, toastSuccess } from '../../ui/toast.ts';
import { useOwnerCandidates } from '../pool/pool.api.ts';
import { ChecklistCard } from './ChecklistCard.tsx';
import { type HandoverDetail, handoverErrorMessage, STAGES, useHandover, useHandoverAction } from './handover.api.ts';
import { STAGE_COLORS } from './HandoversPage.tsx';
import { HandoverTimeline } from './HandoverTimeline.tsx';
import { SendBackModal } from './SendBackModal.tsx';

function ReceiverPicker({ h }: { h: HandoverDetail }) {
  const { t } = useTranslation();
  const candidates = useOwnerCandidates();
  const action = useHandoverAction(h.id);
  return (
    <Select
      label={t('handover.chooseReceiver')}
      searchable
      data={(candidates.data ?? []).filter((u) => u.id !== h.fromOwner?.id).map((u) => ({ value: u.id, label: `${u.name} (${t(`roles.${u.role}`)})` }))}
      value={h.toOwner?.id ?? null}
      onChange={(receiverId) =>
        receiverId &&
        action.mutate({ kind: 'receiver', receiverId }, { onSuccess: () => toastSuccess(t('handover.receiverSaved')), onError: (e) => toastError(handoverErrorMessage(t, e)) })
      }
      data-testid="handover-receiver"
      maw={360}
    />
  );
}

function Actions({ h }: { h: HandoverDetail }) {
  const { t } = useTranslation();
  const action = useHandoverAction(h.id);
  const [sendingBack, setSendingBack] = useState(false);
  const run = (kind: 'submit' | 'approve' | 'accept', done: string) =>
    action.mutate({ kind }, { onSuccess: () => toastSuccess(t(done)), onError: (e) => toastError(handoverErrorMessage(t, e)) });
  const steps = new Set(h.allowedSteps);
  if (!steps.has('submit') && !steps.has('review') && !steps.has('accept')) return null;
  return (
    <Group gap="sm">
      {steps.has('submit') && (
        <Button leftSection={<IconSend size={16} />} onClick={() => run('submit', 'handover.submitted')} loading={action.isPending}>
          {t('handover.submit')}
        </Button>
      )}
      {steps.has('review') && (
        <>
          <Button color="teal" leftSection={<IconCheck size={16} />} onClick={() => run('approve', 'handover.approved')} loading={action.isPending}>
            {t('handover.approve')}
          </Button>
          <Button variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => setSendingBack(true)}>
            {t('handover.sendBack')}
          </Button>
        </>
      )}
      {steps.has('accept') && (
        <Button color="teal" leftSection={<IconUserCheck size={16} />} onClick={() => run('accept', 'handover.accepted')} loading={action.isPending}>
          {t('handover.accept')}
        </Button>
      )}
      {sendingBack && <SendBackModal id={h.id} onClose={() => setSendingBack(false)} />}
    </Group>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** One handover: stage, people, the generated checklist and the steps the viewer may take. */
export default function HandoverPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const handover = useHandover(id);
  if (handover.isPending) return <SectionLoader />;
  if (handover.isError) return <QueryError error={handover.error} onRetry={() => void handover.refetch()} />;
  const h = handover.data;
  const active = h.stage === 'completed' ? STAGES.length : STAGES.indexOf(h.stage);
  return (
    <>
      <PageHeader
        title={t('handover.detailTitle', { name: h.customer.name })}
        description={h.customer.number}
        actions={
          <Badge size="lg" variant="light" color={STAGE_COLORS[h.stage]} data-testid="handover-stage">
            {t(`handover.stages.${h.stage}`)}
          </Badge>
        }
      />
      <Stack gap="md">
        <Card withBorder radius="md" padding="lg">
          <Stepper active={active} size="sm" allowNextStepsSelect={false}>
            {STAGES.map((s) => (
              <Stepper.Step key={s} label={t(`handover.stages.${s}`)} description={t(`handover.stageHints.${s}`)} />
            ))}
          </Stepper>
        </Card>
        {h.returnReason && h.stage === 'preparation' && (
          <Alert color="orange" title={t('handover.sentBackTitle')}>
            {h.returnReason}
          </Alert>
        )}
        <Card withBorder radius="md" padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="lg">
            <Fact label={t('handover.customer')}>
              <Anchor component={Link} to={`/customers/${h.customer.number}`}>
                {h.customer.name}
              </Anchor>
            </Fact>
            <Fact label={t('handover.from')}>
              {h.fromOwner?.name ?? '—'} {!h.fromOwnerActive && <Badge size="xs" color="gray">{t('handover.inactive')}</Badge>}
            </Fact>
            <Fact label={t('handover.to')}>{h.toOwner?.name ?? t('handover.noReceiver')}</Fact>
            <Fact label={t('handover.reason')}>{t(`handover.reasons.${h.reason}`)}</Fact>
            <Fact label={t('handover.started')}>{format.dateTime(h.createdAt)}</Fact>
            {h.reviewedBy && <Fact label={t('handover.reviewedBy')}>{h.reviewedBy.name}</Fact>}
            {h.completedAt && <Fact label={t('handover.completedAt')}>{format.dateTime(h.completedAt)}</Fact>}
          </SimpleGrid>
          {h.allowedSteps.includes('setReceiver') && (
            <Stack mt="lg">
              <ReceiverPicker h={h} />
            </Stack>
          )}
        </Card>
        <Card withBorder radius="md" padding="lg">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('handover.checklist')}</Title>
            <Text size="sm" c="dimmed">
              {t('handover.itemsDone', { done: h.itemsDone, total: h.itemsTotal })}
            </Text>
          </Group>
          <ChecklistCard h={h} />
        </Card>
        <Actions h={h} />
        <Card withBorder radius="md" padding="lg">
          <Title order={4} mb="sm">
            {t('handover.timeline')}
          </Title>
          <HandoverTimeline h={h} />
        </Card>
      </Stack>
    </>
  );
}
