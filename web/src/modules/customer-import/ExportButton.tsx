import { Button, type ButtonProps } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { buildUrl } from '../../api/client.ts';
import { useCan } from '../../app/session.tsx';

/** The list's filters as GET /customers takes them (status/level/priority/tags as lists). */
export type ExportFilters = Record<string, string | number | boolean | string[] | Record<string, unknown> | null | undefined>;

function toQuery(filters: ExportFilters): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(filters).map(([k, v]) => [
      k,
      v === null || v === undefined || v === '' ? undefined : Array.isArray(v) ? (v.length ? v.join(',') : undefined) : typeof v === 'object' ? JSON.stringify(v) : String(v),
    ]),
  );
}

/**
 * PLT-9 export of the list as it is filtered: a plain download link (the server streams the CSV with
 * the caller's scope), hidden for roles without customers.export. Mount it in the list's header.
 */
export function ExportButton({ filters = {}, ...props }: { filters?: ExportFilters } & ButtonProps) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('customers.export')) return null;
  const { cursor: _c, limit: _l, ...rest } = filters;
  return (
    <Button component="a" href={buildUrl('/api/v1/customers/export.csv', toQuery(rest))} download variant="default" leftSection={<IconFileExport size={16} />} {...props}>
      {t('customerImport.export')}
    </Button>
  );
}
