import { Card, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconTicket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { QueryError } from '../../ui/QueryError.tsx';
import { fieldLabel } from '../tickets/fieldLabel.ts';
import { typeName, useTicketTypes } from '../tickets/tickets.api.ts';
import { TicketForm } from './TicketForm.tsx';

/**
 * A new ticket (TKT-2/13): the client first says what it is about, then fills the form that type
 * asks for. The dedicated portal forms (report a problem, feedback) have their own pages, so their
 * types are not offered here (contract item 8: `portalForm`).
 */
export default function NewTicketPage() {
  const { t, i18n } = useTranslation();
  const types = useTicketTypes();
  const [params, setParams] = useSearchParams();
  const choosable = (types.data ?? []).filter((type) => type.active && !type.portalForm);
  const chosen = choosable.find((type) => type.key === params.get('type')) ?? null;
  // Arriving from an FAQ article ("still need help?"): the ticket names the article it follows.
  const articleId = params.get('article');
  const article = useQuery({
    queryKey: ['faq', 'by-id', articleId],
    queryFn: () => api<{ title: string; language: string; slug: string }>(`/api/v1/kb/articles/${articleId}`),
    enabled: Boolean(articleId),
    retry: false,
  });
  const reference = article.data ? `${t('portalFaq.aboutArticle', { title: article.data.title })} ${window.location.origin}/help/${article.data.language}/${article.data.slug}\n\n` : '';

  return (
    <>
      <PageHeader title={t('portalTickets.newTicket.title')} description={t('portalTickets.newTicket.subtitle')} />
      {types.isPending ? (
        <SectionLoader />
      ) : types.isError ? (
        <QueryError error={types.error} onRetry={() => void types.refetch()} />
      ) : choosable.length === 0 ? (
        <EmptyState icon={IconTicket} title={t('portalTickets.newTicket.noTypes')} />
      ) : (
        <Stack gap="lg">
          <Radio.Group
            label={t('portalTickets.newTicket.pickType')}
            value={chosen?.key ?? null}
            onChange={(key) => setParams({ type: key, ...(articleId ? { article: articleId } : {}) }, { replace: true })}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm" mt="xs">
              {choosable.map((type) => (
                <Radio.Card key={type.id} value={type.key} radius="md" p="sm" aria-label={typeName(type, i18n.language)}>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator />
                    <div>
                      <Text fw={500} size="sm">
                        {typeName(type, i18n.language)}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {type.fields.filter((f) => f.active).map((f) => fieldLabel(f, i18n.language)).join(', ') || t('portalTickets.newTicket.noExtraFields')}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          {chosen && (
            <Card withBorder radius="lg" padding="lg">
              <Title order={4} mb="md">
                {t('portalTickets.newTicket.formTitle', { type: typeName(chosen, i18n.language) })}
              </Title>
              {/* A new type starts a fresh form: fields of the previous one must not be sent along. */}
              <TicketForm key={`${chosen.id}:${reference ? 'ref' : ''}`} type={chosen} submitLabel={t('portalTickets.form.submit')} initialDescription={reference} />
            </Card>
          )}
        </Stack>
      )}
    </>
  );
}
