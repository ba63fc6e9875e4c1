import { Anchor, Badge, Breadcrumbs, Button, Card, Grid, Group, Tabs, Text } from '@mantine/core';
import { IconArrowMerge, IconPencil, IconPlus, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { LogActivityModal } from '../activities/LogActivityModal.tsx';
import { MergeModal } from '../customer-merge/MergeModal.tsx';
import { CustomerActivities } from './CustomerActivities.tsx';
import { AssignModal } from './AssignModal.tsx';
import { LevelBadge, StatusBadge, TypeBadge } from './badges.tsx';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { CustomerProfileCard } from './CustomerProfileCard.tsx';
import { ContractsPanel, InvoicesPanel } from './billing/BillingPanels.tsx';
import { CustomerTickets } from '../tickets/CustomerTickets.tsx';
import { CustomerTimeline } from './CustomerTimeline.tsx';
import { useOverview } from './customers.api.ts';

type Dialog = 'edit' | 'assign' | 'activity' | 'merge' | null;

/** CUS-3 360° view: profile and addresses beside tabs of linked records and the merged timeline. */
export default function CustomerPage() {
  const { idOrNumber = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const overview = useOverview(idOrNumber);
  const [dialog, setDialog] = useState<Dialog>(null);
  const navigate = useNavigate();

  if (overview.isPending) return <SectionLoader />;
  if (overview.isError) {
    const missing = overview.error instanceof ApiError && (overview.error.status === 404 || overview.error.status === 400);
    if (missing) {
      return (
        <EmptyState
          title={t('customers.notFound')}
          description={t('customers.notFoundHint')}
          action={
            <Button component={Link} to="/customers" variant="default">
              {t('customers.backToList')}
            </Button>
          }
        />
      );
    }
    return <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  const { customer, sections, timeline } = overview.data;
  const counts = {
    activities: sections.activities?.count ?? 0,
    contracts: sections.contracts?.count ?? 0,
    invoices: sections.invoices?.count ?? 0,
    tickets: sections.tickets?.count,
  };

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/customers" size="sm">
          {t('customers.title')}
        </Anchor>
        <Text size="sm">{customer.number}</Text>
      </Breadcrumbs>
      <PageHeader
        title={customer.name}
        actions={
          <>
            {can('activities.write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('activity')}>
                {t('activities.log')}
              </Button>
            )}
            {can('customers.assign') && (
              <Button variant="default" leftSection={<IconUserShare size={16} />} onClick={() => setDialog('assign')}>
                {t('customers.assign')}
              </Button>
            )}
            {can('customers.merge') && customer.status !== 'INACTIVE' && (
              <Button variant="default" leftSection={<IconArrowMerge size={16} />} onClick={() => setDialog('merge')}>
                {t('customers.merge')}
              </Button>
            )}
            {can('customers.write') && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            )}
          </>
        }
      />
      <Group gap="xs" mb="md" mt={-12}>
        <Text size="sm" c="dimmed" ff="monospace">
          {customer.number}
        </Text>
        <TypeBadge type={customer.type} />
        <StatusBadge status={customer.status} />
        <LevelBadge level={customer.level} />
        {customer.tags.map((tag) => (
          <Badge key={tag} variant="outline" color="gray" size="sm">
            {tag}
          </Badge>
        ))}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <CustomerProfileCard customer={customer} sections={sections} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder radius="md">
            <Tabs defaultValue="timeline" keepMounted={false}>
              <Tabs.List mb="sm">
                <Tabs.Tab value="timeline">{t('customers.tabs.timeline')}</Tabs.Tab>
                <Tabs.Tab value="activities">{t('customers.tabs.activities', { n: counts.activities })}</Tabs.Tab>
                <Tabs.Tab value="contracts">{t('customers.tabs.contracts', { n: counts.contracts })}</Tabs.Tab>
                <Tabs.Tab value="invoices">{t('customers.tabs.invoices', { n: counts.invoices })}</Tabs.Tab>
                {counts.tickets !== undefined && <Tabs.Tab value="tickets">{t('customers.tabs.tickets', { n: counts.tickets })}</Tabs.Tab>}
              </Tabs.List>
              <Tabs.Panel value="timeline">
                <CustomerTimeline idOrNumber={customer.id} first={timeline} />
              </Tabs.Panel>
              <Tabs.Panel value="activities">
                <CustomerActivities idOrNumber={customer.id} />
              </Tabs.Panel>
              <Tabs.Panel value="contracts">
                <ContractsPanel idOrNumber={customer.number} />
              </Tabs.Panel>
              <Tabs.Panel value="invoices">
                <InvoicesPanel idOrNumber={customer.number} />
              </Tabs.Panel>
              {counts.tickets !== undefined && (
                <Tabs.Panel value="tickets">
                  <CustomerTickets customerId={customer.id} />
                </Tabs.Panel>
              )}
            </Tabs>
          </Card>
        </Grid.Col>
      </Grid>
      {dialog === 'edit' && <CustomerFormModal idOrNumber={customer.id} opened onClose={() => setDialog(null)} />}
      {dialog === 'assign' && <AssignModal customer={customer} onClose={() => setDialog(null)} />}
      {dialog === 'activity' && <LogActivityModal customer={customer} onClose={() => setDialog(null)} />}
      {dialog === 'merge' && (
        <MergeModal opened primary={customer.id} onClose={() => setDialog(null)} onMerged={(kept) => (setDialog(null), navigate(`/customers/${kept.number}`))} />
      )}
    </>
  );
}
