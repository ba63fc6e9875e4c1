import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../db/columns.ts';

/**
 * Admin-defined typed fields (PLT-11) for customers, tickets and opportunities. Values live in each
 * record's jsonb `custom` column under `key`; key and type never change once created, so stored
 * values always match their definition.
 */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    id: id(),
    /** customer | ticket | opportunity */
    entity: text('entity').notNull(),
    key: text('key').notNull(),
    /** The label shown when no translation for the reader's language exists. */
    label: text('label').notNull(),
    /** { en?, vi?, bg?, zh? } */
    labels: jsonb('labels').notNull().default(sql`'{}'::jsonb`),
    /** text | number | date | select | multi-select | checkbox */
    type: text('type').notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    required: boolean('required').notNull().default(false),
    /** What a client sees of a ticket field: hidden | visible | editable (decision 0007). */
    clientAccess: text('client_access').notNull().default('hidden'),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('custom_field_definitions_key').on(t.entity, t.key),
    index('custom_field_definitions_order_idx').on(t.entity, t.position),
    check('custom_field_definitions_client_access_check', sql`${t.clientAccess} in ('hidden', 'visible', 'editable')`),
  ],
);
