import type { Facts } from './handover.repository.ts';

export const ITEM_KINDS = ['basic_info', 'opportunities', 'contracts', 'service_tickets', 'payment_issues'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

const list = (rows: { label: string }[]) => rows.map((r) => `• ${r.label}`).join('\n');

/**
 * The checklist from the customer's real data (seed 003: basic info, open opportunities, contracts,
 * unresolved issues, payment issues). Details are data, not prose: the web page labels each kind.
 */
export function buildChecklist(f: Facts): { kind: ItemKind; count: number; details: string }[] {
  const c = f.customer;
  return [
    { kind: 'basic_info', count: 1, details: [`${c.number} ${c.name}`, c.email, c.phone, `${c.status} / ${c.level}`].filter(Boolean).join('\n') },
    { kind: 'opportunities', count: f.opportunities.rows.length, details: list(f.opportunities.rows) },
    { kind: 'contracts', count: f.contracts.length, details: list(f.contracts) },
    { kind: 'service_tickets', count: f.tickets.rows.length, details: list(f.tickets.rows) },
    { kind: 'payment_issues', count: f.invoices.length, details: list(f.invoices) },
  ];
}
