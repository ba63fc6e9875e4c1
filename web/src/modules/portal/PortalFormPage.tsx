import { Card } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { useTicketTypes } from '../tickets/tickets.api.ts';
import { TicketForm } from './TicketForm.tsx';

type PortalForm = 'problem_report' | 'feedback';

const TEXTS: Record<PortalForm, { title: string; subtitle: string; submit: string; category: 'PROBLEM' | 'REQUEST' }> = {
  problem_report: { title: 'portalTickets.problem.title', subtitle: 'portalTickets.problem.subtitle', submit: 'portalTickets.problem.submit', category: 'PROBLEM' },
  feedback: { title: 'portalTickets.feedbackForm.title', subtitle: 'portalTickets.feedbackForm.subtitle', submit: 'portalTickets.feedbackForm.submit', category: 'REQUEST' },
};

/**
 * "Report a problem" and "Feedback" (TKT-13, contract item 8): tickets of the seeded types
 * `problem_report` / `feedback`, with those types' own fields; the client lands on the new ticket.
 */
export function PortalFormPage({ form }: { form: PortalForm }) {
  const { t } = useTranslation();
  const types = useTicketTypes();
  const type = (types.data ?? []).find((x) => x.active && (x.portalForm === form || x.key === form));
  const texts = TEXTS[form];
  return (
    <>
      <PageHeader title={t(texts.title)} description={t(texts.subtitle)} />
      {types.isPending ? (
        <SectionLoader />
      ) : types.isError ? (
        <QueryError error={types.error} onRetry={() => void types.refetch()} />
      ) : !type ? (
        <EmptyState icon={IconAlertTriangle} title={t('portalTickets.problem.unavailable')} description={t('portalTickets.problem.unavailableHint')} />
      ) : (
        <Card withBorder radius="lg" padding="lg">
          <TicketForm type={type} category={texts.category} submitLabel={t(texts.submit)} withPriority={form === 'problem_report'} />
        </Card>
      )}
    </>
  );
}

export function ReportProblemPage() {
  return <PortalFormPage form="problem_report" />;
}

export function FeedbackPage() {
  return <PortalFormPage form="feedback" />;
}
