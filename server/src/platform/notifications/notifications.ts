import { z } from 'zod';
import type { AppConfig } from '../../config.ts';
import type { Realtime } from '../context.ts';
import type { Database, Db } from '../db/database.ts';
import { timeIdCursor } from '../db/keyset.ts';
import type { EventBus } from '../events/dispatcher.ts';
import type { EventPayload } from '../events/catalogue.ts';
import { recordEvent } from '../events/outbox.ts';
import { type Language, languageOf } from '../i18n/languages.ts';
import './notifications.events.ts';
import { notFound } from '../http/errors.ts';
import { decodeCursor, page } from '../http/pagination.ts';
import type { Mailer } from '../mail/mailer.ts';
import * as repo from './notifications.repository.ts';

export interface ChannelPrefs {
  inApp: boolean;
  email: boolean;
}

export interface Recipient {
  email: string;
  name: string;
  active: boolean;
  /** users.notification_prefs: { "<kind>": { inApp, email } }; a kind not listed uses the defaults. */
  prefs: Record<string, Partial<ChannelPrefs>>;
  /** users.language: the language a localized title or body is written in (English if unknown). */
  language?: string | null;
}

/** Who a user is for notifications; implemented by the identity module (the platform never imports it). */
export interface RecipientDirectory {
  find(db: Db, userId: string): Promise<Recipient | null>;
}

/** In-app on and e-mail off unless the user chose otherwise for this kind. */
export function channelsFor(prefs: Recipient['prefs'], kind: string): ChannelPrefs {
  const chosen = Object.hasOwn(prefs, kind) ? prefs[kind] : undefined;
  return { inApp: chosen?.inApp ?? true, email: chosen?.email ?? false };
}

export const NOTIFICATION_CREATED = 'notification.created';
export const NOTIFICATION_EVENT = 'notification';

const notificationInput = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9_.]{0,59}$/),
  title: z.string().trim().min(1).max(200),
  body: z.string().max(4000).nullish(),
  /** An in-app path (`/tickets/TCK-000123`): never another site or a script URL. */
  link: z.string().regex(/^\/(?!\/)[^\s]*$/).max(500).nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
});
/** A text given as it is, or in the recipient's language (see platform/i18n/texts.ts `localized`). */
export type Localized = string | ((language: Language) => string);

export type NotificationInput = Omit<z.input<typeof notificationInput>, 'title' | 'body'> & {
  /** Cut to 200 characters after translation. */
  title: Localized;
  body?: Localized | null;
};

const resolve = (text: Localized, language: Language) => (typeof text === 'function' ? text(language) : text);

type CreatedPayload = EventPayload<typeof NOTIFICATION_CREATED>;

type Row = NonNullable<Awaited<ReturnType<typeof repo.getNotification>>>;

export function presentNotification(n: Omit<Row, 'userId'>) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

/**
 * In-app and e-mail notifications (PLT-10). notify() writes in the caller's transaction; delivery
 * (socket push, e-mail) happens after commit through the outbox, with retries.
 */
export class Notifications {
  constructor(
    private readonly deps: {
      config: AppConfig;
      database: Database;
      events: EventBus;
      mail: Mailer;
      realtime: Realtime;
      recipients: RecipientDirectory;
      afterCommit: () => void;
    },
  ) {
    deps.events.subscribe(NOTIFICATION_CREATED, 'notifications.deliver', (payload) => this.deliver(payload));
  }

  /** Returns the notification id, or null when the user gets nothing (inactive, or both channels off). */
  async notify(tx: Db, userId: string, input: NotificationInput): Promise<string | null> {
    const recipient = await this.deps.recipients.find(tx, userId);
    if (!recipient?.active) return null;
    const language = languageOf(recipient.language);
    const n = notificationInput.parse({
      ...input,
      title: resolve(input.title, language).slice(0, 200),
      body: input.body == null ? input.body : resolve(input.body, language),
    });
    const channels = channelsFor(recipient.prefs, n.kind);
    if (!channels.inApp && !channels.email) return null;
    const fields = { userId, kind: n.kind, title: n.title, body: n.body ?? null, link: n.link ?? null };
    const notificationId = channels.inApp ? await repo.insertNotification(tx, { ...fields, data: n.data ?? null }) : null;
    await recordEvent(tx, NOTIFICATION_CREATED, { notificationId, ...fields } satisfies CreatedPayload);
    return notificationId;
  }

  private async deliver(p: CreatedPayload): Promise<void> {
    const { database, realtime, recipients, mail, config } = this.deps;
    if (p.notificationId) {
      const row = await repo.getNotification(database.db, p.notificationId);
      if (row) realtime.toUser(row.userId, NOTIFICATION_EVENT, presentNotification(row));
    }
    // E-mail follows the preference at delivery time: a user who just turned it off gets none.
    const recipient = await recipients.find(database.db, p.userId);
    if (!recipient?.active || !channelsFor(recipient.prefs, p.kind).email) return;
    const link = p.link ? `${config.publicUrl.replace(/\/$/, '')}${p.link}` : null;
    const text = [p.body, link].filter(Boolean).join('\n\n') || p.title;
    await database.transaction((tx) => mail.enqueueMail(tx, { to: recipient.email, subject: p.title, text, kind: `notification.${p.kind}` }));
    this.deps.afterCommit();
  }

  async list(userId: string, q: { limit: number; cursor?: string; unreadOnly: boolean }) {
    const db = this.deps.database.db;
    const [rows, unreadCount] = await Promise.all([
      repo.listNotifications(db, { userId, unreadOnly: q.unreadOnly, limit: q.limit, after: decodeCursor(q.cursor, timeIdCursor) }),
      repo.countUnread(db, userId),
    ]);
    const result = page(rows, q.limit, (n) => [n.cursorAt, n.id]);
    return { items: result.items.map(presentNotification), nextCursor: result.nextCursor, unreadCount };
  }

  /** Idempotent for the owner; someone else's notification is 404, as if it did not exist. */
  async markRead(userId: string, id: string): Promise<void> {
    if (!(await repo.markRead(this.deps.database.db, userId, id))) throw notFound('notification');
    this.deps.realtime.toUser(userId, 'notification.read', { ids: [id] });
  }

  async markAllRead(userId: string): Promise<void> {
    await repo.markAllRead(this.deps.database.db, userId);
    this.deps.realtime.toUser(userId, 'notification.read', { all: true });
  }
}
