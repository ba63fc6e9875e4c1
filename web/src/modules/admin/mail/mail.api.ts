import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useKeysetList } from '../../../api/useKeysetList.ts';

/** queued → sent | failed; `outbox` = kept here because no SMTP server is configured. */
export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'outbox'] as const;
export const MAIL_STATUS_COLORS: Record<string, string> = { queued: 'blue', sent: 'teal', failed: 'red', outbox: 'grape' };

export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  status: string;
  kind: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}

export interface MailMessageDetail extends MailMessage {
  text: string;
  /** Never rendered: the admin view shows the plain-text part only. */
  html: string | null;
}

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
