import { Anchor, Badge, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomValueText } from '../../ui/customValue.ts';
import { useFormat } from '../../ui/format.ts';
import { money, OpenValue, PaidValue } from './badges.tsx';
import { fieldLabel, useCustomFields } from './customers.api.ts';
import type { Address, CustomerDetail, Overview } from './customers.types.ts';

function Item({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" c={empty ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {empty ? '—' : children}
      </Text>
    </div>
  );
}

export function addressLine(a: Address) {
  return [a.street, a.city, a.state, a.postalCode, a.country].filter(Boolean).join(', ');
}

/** The profile column of the 360° view: contact data, ownership, dates and values, custom fields, addresses. */
export function CustomerProfileCard({ customer: c, sections }: { customer: CustomerDetail; sections: Overview['sections'] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const defs = useCustomFields();
  const shown = (defs.data ?? []).filter((d) => c.custom[d.key] !== undefined && c.custom[d.key] !== null);
  const customText = useCustomValueText();
  return (
    <Stack gap="md">
      <Card withBorder radius="md">
        <Title order={5} mb="sm">
          {t('customers.profile')}
        </Title>
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <Item label={t('customers.fields.email')}>{c.email && <Anchor href={`mailto:${c.email}`} size="sm">{c.email}</Anchor>}</Item>
          <Item label={t('customers.fields.phone')}>{c.phone && <Anchor href={`tel:${c.phone}`} size="sm">{c.phone}</Anchor>}</Item>
          <Item label={t('customers.fields.mobile')}>{c.mobile}</Item>
          {c.type === 'company' ? (
            <Item label={t('customers.fields.taxId')}>{c.taxId}</Item>
          ) : (
            <Item label={t('customers.fields.title')}>{c.title}</Item>
          )}
          {c.type === 'company' && (
            <>
              <Item label={t('customers.fields.contact')}>{[c.firstName, c.lastName].filter(Boolean).join(' ')}</Item>
              <Item label={t('customers.fields.industry')}>{c.industry}</Item>
              <Item label={t('customers.fields.website')}>{c.website && <Anchor href={c.website} target="_blank" rel="noreferrer" size="sm">{c.website}</Anchor>}</Item>
              <Item label={t('customers.fields.employeeCount')}>{c.employeeCount === null ? null : format.number(c.employeeCount)}</Item>
            </>
          )}
          <Item label={t('customers.fields.priority')}>{t(`customers.priority.${c.priority}`)}</Item>
          <Item label={t('customers.fields.source')}>{c.source}</Item>
          <Item label={t('customers.fields.owner')}>{c.owner?.name ?? t('customers.unowned')}</Item>
          <Item label={t('customers.fields.team')}>{c.team?.name}</Item>
        </SimpleGrid>
        <Divider my="sm" />
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <Item label={t('customers.fields.lastContact')}>{format.dateTime(c.lastContactAt)}</Item>
          <Item label={t('customers.fields.nextContact')}>{format.dateTime(c.nextContactAt)}</Item>
          <Item label={t('customers.fields.totalValue')}><OpenValue value={c.totalValue} locale={format.locale} /></Item>
          <Item label={t('customers.fields.lifetimeValue')}><PaidValue value={c.lifetimeValue} locale={format.locale} /></Item>
          <Item label={t('customers.openActivities')}>{format.number(sections.activities?.open ?? 0)}</Item>
          <Item label={t('customers.outstanding')}>{money(sections.invoices?.outstanding ?? '0', format.locale)}</Item>
          {sections.tickets && <Item label={t('customers.openTickets')}>{format.number(sections.tickets.open)}</Item>}
          <Item label={t('customers.fields.createdAt')}>{format.date(c.createdAt)}</Item>
        </SimpleGrid>
        {shown.length > 0 && (
          <>
            <Divider my="sm" label={t('customers.customFields')} labelPosition="left" />
            <SimpleGrid cols={2} spacing="sm">
              {shown.map((d) => (
                <Item key={d.key} label={fieldLabel(d, i18n.language)}>
                  {customText(d.type, c.custom[d.key])}
                </Item>
              ))}
            </SimpleGrid>
          </>
        )}
        {c.notes && (
          <>
            <Divider my="sm" />
            <Item label={t('customers.fields.notes')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</span>
            </Item>
          </>
        )}
      </Card>
      <Card withBorder radius="md">
        <Title order={5} mb="sm">
          {t('customers.addresses.title')}
        </Title>
        {c.addresses.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('customers.addresses.none')}
          </Text>
        )}
        <Stack gap="xs">
          {c.addresses.map((a) => (
            <Group key={a.id} gap="xs" wrap="nowrap" align="flex-start">
              <Badge size="xs" variant={a.isPrimary ? 'filled' : 'light'} color={a.isPrimary ? 'indigo' : 'gray'} style={{ flexShrink: 0 }}>
                {a.isPrimary ? t('customers.addresses.primary') : t(`customers.addressKind.${a.kind}`)}
              </Badge>
              <Text size="sm">{addressLine(a) || '—'}</Text>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
