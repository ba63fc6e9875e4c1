import { Button, Card, Group, SimpleGrid, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconBook2, IconMessageCircle, IconMessages, IconPlus, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { usePortalTicketList } from './portal.api.ts';
import { TicketRows } from './TicketRows.tsx';

function ActionCard({ to, icon: IconComponent, color, title, hint }: { to: string; icon: Icon; color: string; title: string; hint: string }) {
  return (
    <UnstyledButton component={Link} to={to} aria-label={title}>
      <Card withBorder radius="lg" padding="lg" h="100%">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon size={42} radius="md" variant="light" color={color}>
            <IconComponent size={24} stroke={1.6} />
          </ThemeIcon>
          <div>
            <Text fw={600}>{title}</Text>
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          </div>
        </Group>
      </Card>
    </UnstyledButton>
  );
}

/** The client's home (TKT-13): what is still open, and the three ways to contact us. */
export function PortalHome() {
  const { t } = useTranslation();
  const me = useMe();
  const open = usePortalTicketList({ view: 'open', limit: 10 });
  return (
    <>
      <div>
        <Title order={2}>{t('portal.welcome', { name: me.name })}</Title>
        <Text c="dimmed" size="sm" mb="lg">
          {t('portal.subtitle')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" mb="lg">
        <ActionCard to="/portal/faq" icon={IconBook2} color="grape" title={t('portalFaq.title')} hint={t('portalFaq.homeHint')} />
        <ActionCard to="/portal/tickets/new" icon={IconPlus} color="blue" title={t('portalTickets.home.newTicket')} hint={t('portalTickets.home.newTicketHint')} />
        <ActionCard to="/portal/report-problem" icon={IconAlertTriangle} color="orange" title={t('portalTickets.home.reportProblem')} hint={t('portalTickets.home.reportProblemHint')} />
        <ActionCard to="/portal/feedback" icon={IconMessageCircle} color="teal" title={t('portalTickets.home.feedback')} hint={t('portalTickets.home.feedbackHint')} />
      </SimpleGrid>
      <Card withBorder radius="lg" padding="lg">
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('portalTickets.home.openTitle')}</Title>
          <Button component={Link} to="/portal/tickets" variant="subtle" size="compact-sm" rightSection={<IconArrowRight size={14} />}>
            {t('portalTickets.home.allTickets')}
          </Button>
        </Group>
        {open.isPending ? (
          <SectionLoader />
        ) : open.isError ? (
          <QueryError error={open.error} onRetry={() => void open.refetch()} />
        ) : open.items.length === 0 ? (
          <EmptyState icon={IconMessages} title={t('portalTickets.home.noOpen')} description={t('portalTickets.home.noOpenHint')} />
        ) : (
          <TicketRows tickets={open.items} />
        )}
      </Card>
    </>
  );
}
