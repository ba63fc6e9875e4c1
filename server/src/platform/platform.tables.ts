import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './db/columns.ts';

/** Append-only history of every change to a business record (PLT-5). Updates/deletes are refused by a trigger. */
export const history = pgTable(
  'history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    /** [{ field, from, to }] */
    changes: jsonb('changes').notNull().default(sql`'[]'::jsonb`),
    /** Client-visible (e.g. a ticket's public timeline) or staff-only. */
    internal: boolean('internal').notNull().default(false),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('history_entity_idx').on(t.entityType, t.entityId, t.id), index('history_actor_idx').on(t.actorId, t.id)],
);

/** Domain events recorded in the writer's transaction; a dispatcher hands them to pg-boss jobs. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    event: text('event').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
    dispatchedAt: ts('dispatched_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`${t.dispatchedAt} is null`)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    data: jsonb('data'),
    createdAt: createdAt(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** Every outgoing e-mail; without SMTP_URL this is the outbox admins read in the app (PLT-10). */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** queued → sent | failed; `outbox` when no SMTP transport is configured. */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    kind: text('kind'),
    /** Set by senders that may run twice (event handlers): a second message with the same key is not written. */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('mail_messages_created_idx').on(t.createdAt, t.id),
    index('mail_messages_status_idx').on(t.status),
    uniqueIndex('mail_messages_dedupe_key_idx').on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);

export const files = pgTable(
  'files',
  {
    id: id(),
    storageKey: text('storage_key').notNull().unique(),
    name: text('name').notNull(),
    size: integer('size').notNull(),
    /** Decided from the bytes, never from the client's claim. */
    mimeType: text('mime_type').notNull(),
    /** A verified raster image: the only kind ever served inline. */
    inlineImage: boolean('inline_image').notNull().default(false),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('files_uploader_idx').on(t.uploadedBy)],
);

/** Admin-set values (upload limit, pool rules, …) keyed by name. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/**
 * `Idempotency-Key` (platform/http/idempotency.ts): a create request's response, written in the same
 * transaction as the records it created, so a retry with the key replays it instead of creating twice.
 * Keys belong to the caller (`owner_id`: one user cannot replay another's answer); kept 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    ownerId: uuid('owner_id').notNull(),
    key: text('key').notNull(),
    /** sha256 of method, URL and body: the same key with another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    status: integer('status').notNull(),
    /** The response payload as the handler gave it (JSON text, or plain text when `json` is false). */
    body: text('body'),
    json: boolean('json').notNull().default(true),
    /** The response headers a replay repeats (Location, ETag, Content-Type). */
    headers: jsonb('headers').notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idempotency_keys_owner_key').on(t.ownerId, t.key), index('idempotency_keys_created_idx').on(t.createdAt)],
);
