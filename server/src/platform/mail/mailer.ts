import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../../config.ts';
import type { Database, Db } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { decodeCursor, page } from '../http/pagination.ts';
import { timeIdCursor } from '../db/keyset.ts';
import type { JobRun, Jobs } from '../jobs/jobs.ts';
import * as repo from './mail.repository.ts';

/** The states of an outgoing mail (the admin list filters by them). */
export { MAIL_STATUSES, type MailStatus } from './mail.repository.ts';

export const MAIL_JOB = 'mail.send';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** What the mail is about (`notification.ticket_assigned`, `password_reset`): for the admin list. */
  kind: string;
  /**
   * For senders that may run more than once for the same cause (an event handler's retry): a second
   * mail with the same key is not written or sent. E.g. `<outbox id>:<handler>:<recipient>`.
   */
  dedupeKey?: string;
}

/**
 * Outgoing e-mail (PLT-10). Every message is a row first; with SMTP_URL a `mail.send` job delivers it
 * (retried by pg-boss), without it the row stays in the outbox admins read in the app.
 */
export class Mailer {
  private transport: Transporter | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
    private readonly jobs: Jobs,
    private readonly log: FastifyBaseLogger,
  ) {
    jobs.define<{ id: string }>({
      name: MAIL_JOB,
      description: 'Sends one queued e-mail through SMTP, with retries.',
      handler: (data, run) => this.deliver(data.id, run),
      retryLimit: 5,
      retryDelaySeconds: 30,
      retryBackoff: true,
    });
  }

  get mode(): 'smtp' | 'outbox' {
    return this.config.smtpUrl ? 'smtp' : 'outbox';
  }

  /** In the caller's transaction: the message and its delivery job exist only if it commits. */
  async enqueueMail(tx: Db, mail: OutgoingMail): Promise<string | null> {
    const status: repo.MailStatus = this.mode === 'smtp' ? 'queued' : 'outbox';
    const values = { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null, kind: mail.kind, status, dedupeKey: mail.dedupeKey ?? null };
    const id = await repo.insertMail(tx, values);
    // null: the same keyed mail was written before (a handler's retry) — nothing new to send.
    if (id && status === 'queued') await this.jobs.send(MAIL_JOB, { id }, { tx, singletonKey: id });
    return id;
  }

  private async deliver(id: string, run: JobRun) {
    const db = this.database.db;
    const mail = await repo.getMail(db, id);
    // Already sent (a retry after a lost completion), or written while SMTP was not configured.
    if (!mail || mail.status === 'sent' || mail.status === 'outbox' || !this.config.smtpUrl) return { skipped: true };
    try {
      this.transport ??= nodemailer.createTransport(this.config.smtpUrl);
      const info = await this.transport.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
      });
      await repo.markSent(db, id);
      return { messageId: info.messageId };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await repo.markAttemptFailed(db, id, message, run.retryCount >= run.retryLimit);
      throw error;
    }
  }

  async list(q: { status?: repo.MailStatus; cursor?: string; limit: number }) {
    const rows = await repo.listMail(this.database.db, { status: q.status, limit: q.limit, after: decodeCursor(q.cursor, timeIdCursor) });
    const result = page(rows, q.limit, (m) => [m.cursorAt, m.id]);
    return { items: result.items, nextCursor: result.nextCursor };
  }

  async get(id: string) {
    const mail = await repo.getMail(this.database.db, id);
    if (!mail) throw notFound('message');
    return mail;
  }

  close(): void {
    this.transport?.close();
    this.transport = undefined;
  }
}
