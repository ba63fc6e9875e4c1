import { sql } from 'drizzle-orm';
import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column builders so every table spells ids, timestamps and versions the same way. */
export const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => ts('created_at').notNull().defaultNow();
export const updatedAt = () => ts('updated_at').notNull().defaultNow();
/** Optimistic-concurrency version, compared with If-Match on every update. */
export const version = () => integer('version').notNull().default(1);
