import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';

export interface CustomerReference {
  table: string;
  column: string;
}

/**
 * Every column that points at a customer, read from the catalog at merge time: foreign keys to
 * customers(id), and any `customer_id` column without one. A table a new module adds is moved by a
 * merge without anyone remembering to list it here.
 */
export async function customerReferences(db: Db): Promise<CustomerReference[]> {
  const rows = (await db.execute<{ table: string; column: string }>(sql`
    select cl.relname as table, a.attname as column
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace n on n.oid = cl.relnamespace and n.nspname = current_schema()
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
     where c.contype = 'f' and c.confrelid = 'customers'::regclass
    union
    select table_name::text, column_name::text from information_schema.columns
     where table_schema = current_schema() and column_name = 'customer_id' and table_name <> 'customers'
    order by 1, 2`)) as unknown as CustomerReference[];
  return rows;
}

/** Unique indexes that include a customer reference: moving rows there can collide (reviewed in tests). */
export async function uniqueReferenceIndexes(db: Db): Promise<{ table: string; index: string }[]> {
  return (await db.execute<{ table: string; index: string }>(sql`
    select t.relname as table, i.relname as index
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
      join pg_attribute a on a.attrelid = t.oid and a.attnum = any(x.indkey)
     where x.indisunique and not x.indisprimary and t.relname <> 'customers'
       and (a.attname = 'customer_id' or exists (
         select 1 from pg_constraint c where c.conrelid = t.oid and c.contype = 'f' and c.confrelid = 'customers'::regclass and a.attnum = any(c.conkey)))
     order by 1, 2`)) as unknown as { table: string; index: string }[];
}

/** Re-points one reference from the merged customer to the one that stays; returns rows moved. */
export async function moveReference(tx: Db, ref: CustomerReference, fromId: string, toId: string): Promise<number> {
  const rows = (await tx.execute(sql`with moved as (
      update ${sql.identifier(ref.table)} set ${sql.identifier(ref.column)} = ${toId}::uuid
       where ${sql.identifier(ref.column)} = ${fromId}::uuid returning 1)
    select count(*)::int as n from moved`)) as unknown as { n: number }[];
  return rows[0].n;
}

/** The merged customer's addresses join the other's as secondary ones: one primary stays. */
export async function demoteAddresses(tx: Db, customerId: string) {
  await tx.execute(sql`update customer_addresses set is_primary = false, updated_at = now() where customer_id = ${customerId}::uuid and is_primary`);
}

/**
 * Value totals and contact dates follow the records that moved: every invoice moves, so its paid amount
 * moves with it. An unknown total value (null, decision 0006) stays unknown unless one side knows it.
 */
export async function addTotals(tx: Db, toId: string, fromId: string) {
  await tx.execute(sql`update customers t set
      total_value = case when t.total_value is null and f.total_value is null then null
                         else coalesce(t.total_value, 0) + coalesce(f.total_value, 0) end,
      lifetime_value = t.lifetime_value + f.lifetime_value,
      last_contact_at = greatest(t.last_contact_at, f.last_contact_at)
    from customers f where t.id = ${toId}::uuid and f.id = ${fromId}::uuid`);
  await tx.execute(sql`update customers set total_value = case when total_value is null then null else 0 end, lifetime_value = 0 where id = ${fromId}::uuid`);
}
