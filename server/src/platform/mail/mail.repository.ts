import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { exactTimestamp, olderThan } from '../db/keyset.ts';
import { mailMessages } from '../platform.tables.ts';

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'outbox'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

const summaryColumns = {
  id: mailMessages.id,
  to: mailMessages.toAddress,
  subject: mailMessages.subject,
  status: mailMessages.status,
  kind: mailMessages.kind,
  attempts: mailMessages.attempts,
  error: mailMessages.error,
  createdAt: mailMessages.createdAt,
  sentAt: mailMessages.sentAt,
};

export async function insertMail(
  db: Db,
  values: { to: string; subject: string; text: string; html: string | null; kind: string; status: MailStatus; dedupeKey?: string | null },
): Promise<string | null> {
  const [row] = await db
    .insert(mailMessages)
    .values({ toAddress: values.to, subject: values.subject, textBody: values.text, htmlBody: values.html, kind: values.kind, status: values.status, dedupeKey: values.dedupeKey ?? null })
    .onConflictDoNothing({ target: mailMessages.dedupeKey, where: sql`${mailMessages.dedupeKey} is not null` })
    .returning({ id: mailMessages.id });
  return row?.id ?? null;
}

export async function getMail(db: Db, id: string) {
  const [row] = await db
    .select({ ...summaryColumns, text: mailMessages.textBody, html: mailMessages.htmlBody })
    .from(mailMessages)
    .where(eq(mailMessages.id, id));
  return row ?? null;
}

/** Newest first, keyset on (created_at, id); both filters have an index behind them. */
export async function listMail(db: Db, q: { status?: MailStatus; after?: [string, string]; limit: number }) {
  const where: SQL[] = [];
  if (q.status) where.push(eq(mailMessages.status, q.status));
  if (q.after) where.push(olderThan(mailMessages.createdAt, mailMessages.id, q.after));
  return db
    .select({ ...summaryColumns, cursorAt: exactTimestamp(mailMessages.createdAt) })
    .from(mailMessages)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(q.limit + 1);
}

export async function markSent(db: Db, id: string) {
  await db
    .update(mailMessages)
    .set({ status: 'sent', attempts: sql`${mailMessages.attempts} + 1`, error: null, sentAt: sql`now()` })
    .where(eq(mailMessages.id, id));
}

/** A failed attempt: the message stays queued while pg-boss will retry it, failed after the last one. */
export async function markAttemptFailed(db: Db, id: string, error: string, final: boolean) {
  await db
    .update(mailMessages)
    .set({ status: final ? 'failed' : 'queued', attempts: sql`${mailMessages.attempts} + 1`, error: error.slice(0, 2000) })
    .where(eq(mailMessages.id, id));
}
