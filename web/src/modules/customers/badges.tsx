import { Badge } from '@mantine/core';
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
