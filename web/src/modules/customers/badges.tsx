import { Badge, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerLevel, CustomerStatus, CustomerType } from './customers.types.ts';

const STATUS_COLORS: Record<CustomerStatus, string> = { LEAD: 'blue', PROSPECT: 'violet', CUSTOMER: 'teal', INACTIVE: 'gray' };
const LEVEL_COLORS: Record<CustomerLevel, string> = { important: 'red', normal: 'blue', potential: 'yellow' };

export function StatusBadge({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} size="sm" miw="max-content">
      {t(`customers.status.${status}`)}
    </Badge>
  );
}

export function TypeBadge({ type }: { type: CustomerType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={type === 'company' ? 'indigo' : 'cyan'} size="sm" miw="max-content">
      {t(`customers.type.${type}`)}
    </Badge>
  );
}

export function LevelBadge({ level }: { level: CustomerLevel }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={LEVEL_COLORS[level]} size="sm" miw="max-content">
      {t(`customers.level.${level}`)}
    </Badge>
  );
}

/** Amounts arrive as exact decimal strings; shown with the locale's grouping. */
export function money(value: string | null | undefined, locale: string, currency?: string) {
  if (value === null || value === undefined) return '';
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  return new Intl.NumberFormat(locale, currency ? { style: 'currency', currency, maximumFractionDigits: 2 } : { maximumFractionDigits: 2 }).format(n);
}

/**
 * Total value (open opportunities) is null until opportunities exist (decision 0006): said so, with
 * why, never shown as a number.
 */
export function OpenValue({ value, locale }: { value: string | null; locale: string }) {
  const { t } = useTranslation();
  if (value !== null) return <>{money(value, locale)}</>;
  return (
    <Tooltip label={t('customers.values.openValueHint')} multiline w={260} withArrow>
      <Text span size="sm" c="dimmed" fs="italic" style={{ cursor: 'help', whiteSpace: 'nowrap' }}>
        {t('customers.values.notYetAvailable')}
      </Text>
    </Tooltip>
  );
}

/** Lifetime value: what the customer has paid on invoices (decision 0006), with that said on hover. */
export function PaidValue({ value, locale }: { value: string; locale: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('customers.values.lifetimeValueHint')} multiline w={260} withArrow>
      <Text span size="sm" style={{ cursor: 'help' }}>
        {money(value, locale)}
      </Text>
    </Tooltip>
  );
}
