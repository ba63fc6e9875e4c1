import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { ClientAccess, CustomFieldDefinition, CustomFieldEntity, CustomFieldType } from './custom-fields.ts';
import { customFieldDefinitions as defs } from './custom-fields.tables.ts';

const columns = {
  id: defs.id,
  entity: defs.entity,
  key: defs.key,
  label: defs.label,
  labels: defs.labels,
  type: defs.type,
  options: defs.options,
  required: defs.required,
  clientAccess: defs.clientAccess,
  active: defs.active,
  position: defs.position,
  version: defs.version,
};

export type DefinitionRow = Omit<typeof defs.$inferSelect, 'createdAt' | 'updatedAt' | 'entity' | 'type' | 'labels' | 'clientAccess'> & {
  entity: CustomFieldEntity;
  type: CustomFieldType;
  clientAccess: ClientAccess;
  labels: Record<string, string>;
};

export async function listDefinitions(db: Db, entity: CustomFieldEntity): Promise<DefinitionRow[]> {
  const rows = await db.select(columns).from(defs).where(eq(defs.entity, entity)).orderBy(asc(defs.position), asc(defs.key));
  return rows as DefinitionRow[];
}

/** What validation needs: every definition of the entity, active or not. */
export async function definitionsFor(db: Db, entity: CustomFieldEntity): Promise<CustomFieldDefinition[]> {
  return listDefinitions(db, entity);
}

/**
 * definitionsFor as one json value (a scalar subquery), for a request that looks up several things in
 * one statement (platform/db/one-statement.ts lookUpAtOnce): the same rows, keys and order.
 */
export function definitionsJson(entity: CustomFieldEntity): SQL<CustomFieldDefinition[]> {
  return sql`(select coalesce(json_agg(json_build_object('id', d.id, 'entity', d.entity, 'key', d.key, 'label', d.label, 'labels', d.labels,
      'type', d.type, 'options', d.options, 'required', d.required, 'clientAccess', d.client_access, 'active', d.active,
      'position', d.position, 'version', d.version) order by d.position, d.key), '[]'::json)
    from custom_field_definitions d where d.entity = ${entity}::text)`;
}

export async function getDefinition(db: Db, id: string): Promise<DefinitionRow | null> {
  const [row] = await db.select(columns).from(defs).where(eq(defs.id, id));
  return (row as DefinitionRow) ?? null;
}

export async function keyTaken(db: Db, entity: string, key: string) {
  const [row] = await db.select({ id: defs.id }).from(defs).where(and(eq(defs.entity, entity), eq(defs.key, key)));
  return Boolean(row);
}

export async function insertDefinition(db: Db, values: typeof defs.$inferInsert) {
  const [row] = await db.insert(defs).values(values).returning(columns);
  return row as DefinitionRow;
}

export async function updateDefinition(db: Db, id: string, version: number, values: Partial<typeof defs.$inferInsert>) {
  const [row] = await db
    .update(defs)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${defs.version} + 1` })
    .where(and(eq(defs.id, id), eq(defs.version, version)))
    .returning(columns);
  return (row as DefinitionRow) ?? null;
}
