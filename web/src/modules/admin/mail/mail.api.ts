import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useKeysetList } from '../../../api/useKeysetList.ts';
import type { ItemOf, ResponseOf } from '../../../api/schema.ts';

/** queued → sent | failed; `outbox` = kept here because no SMTP server is configured. */
export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'outbox'] as const;
export const MAIL_STATUS_COLORS: Record<string, string> = { queued: 'blue', sent: 'teal', failed: 'red', outbox: 'grape' };

export type MailMessage = ItemOf<'/api/v1/admin/mail'>;

/** `html` is never rendered: the admin view shows the plain-text part only. */
export type MailMessageDetail = ResponseOf<'/api/v1/admin/mail/{id}', 'get'>;

export function useMailList(status: string | undefined) {
  return useKeysetList<MailMessage>(['admin', 'mail'], '/api/v1/admin/mail', { status, limit: 50 });
}

export function useMailMessage(id: string | null) {
  return useQuery({
    queryKey: ['admin', 'mail', 'one', id],
    queryFn: () => api<MailMessageDetail>(`/api/v1/admin/mail/${id}`),
    enabled: !!id,
  });
}
