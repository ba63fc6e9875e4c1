import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { ItemOf } from '../../../api/schema.ts';
import { useKeysetList } from '../../../api/useKeysetList.ts';
import { CUSTOMERS_KEY } from '../customers.api.ts';

export type Contract = ItemOf<'/api/v1/customers/{idOrNumber}/contracts'>;

export type Invoice = ItemOf<'/api/v1/customers/{idOrNumber}/invoices'>;

export const PAYMENT_METHODS = ['BANK_TRANSFER', 'CASH', 'CARD', 'OTHER'] as const;
// The server says what each row allows now: a contract's `nextStatuses`, an invoice's `payable` and `cancellable`.

const base = (idOrNumber: string) => `/api/v1/customers/${encodeURIComponent(idOrNumber)}`;

export const useContracts = (idOrNumber: string) => useKeysetList<Contract>([...CUSTOMERS_KEY, 'contracts', idOrNumber], `${base(idOrNumber)}/contracts`, { limit: 20 });
export const useInvoices = (idOrNumber: string) => useKeysetList<Invoice>([...CUSTOMERS_KEY, 'invoices', idOrNumber], `${base(idOrNumber)}/invoices`, { limit: 20 });

/** Every billing change refreshes the customer's lists, overview and timeline. */
function useBillingMutation<V>(request: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY }) });
}

export const useAddContract = (idOrNumber: string) =>
  useBillingMutation((body: Record<string, unknown>) => api(`${base(idOrNumber)}/contracts`, { method: 'POST', body }));
export const useChangeContract = (idOrNumber: string) =>
  useBillingMutation(({ id, status }: { id: string; status: Contract['status'] }) => api(`${base(idOrNumber)}/contracts/${id}`, { method: 'PATCH', body: { status } }));
export const useAddInvoice = (idOrNumber: string) =>
  useBillingMutation((body: Record<string, unknown>) => api(`${base(idOrNumber)}/invoices`, { method: 'POST', body }));
export const useRecordPayment = (idOrNumber: string) =>
  useBillingMutation(({ id, body }: { id: string; body: Record<string, unknown> }) => api(`${base(idOrNumber)}/invoices/${id}/payments`, { method: 'POST', body }));
export const useCancelInvoice = (idOrNumber: string) =>
  useBillingMutation((id: string) => api(`${base(idOrNumber)}/invoices/${id}/cancel`, { method: 'POST' }));

/** What is still owed, in exact cents (never through floats), as a decimal string. */
export function outstanding(invoice: Pick<Invoice, 'amount' | 'paidAmount'>): string {
  const cents = (v: string) => {
    const [whole, fraction = ''] = v.split('.');
    return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  };
  const owed = cents(invoice.amount) - cents(invoice.paidAmount);
  return `${owed / 100n}.${String(owed % 100n).padStart(2, '0')}`;
}
