import type { Engine } from './engine.ts';

/**
 * Bulk customers and activities for the read benchmarks, generated inside the database
 * (insert … select generate_series): realistic spread of names in the four scripts, types, levels,
 * statuses, owners and tags, unique phones/e-mails/tax IDs. Numbers CUST-2020-NNNNNN cannot collide
 * with the demo data (which numbers from the current year).
 */
export interface BulkCustomers {
  customers: number;
  activitiesPerCustomer: number;
}

const CHUNK = 25_000;

export async function generateCustomers(engine: Engine, size: BulkCustomers, log: (m: string) => void): Promise<void> {
  const q = (text: string, params: unknown[] = []) => engine.database.executor.query(text, params);
  const started = performance.now();
  for (let from = 1; from <= size.customers; from += CHUNK) {
    const to = Math.min(size.customers, from + CHUNK - 1);
    await q(CUSTOMERS_SQL, [from, to]);
  }
  log(`  ${size.customers.toLocaleString('en-US')} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const activitiesStarted = performance.now();
  for (let from = 1; from <= size.customers; from += CHUNK) {
    const to = Math.min(size.customers, from + CHUNK - 1);
    await q(ACTIVITIES_SQL, [from, to, size.activitiesPerCustomer]);
  }
  log(`  ${(size.customers * size.activitiesPerCustomer).toLocaleString('en-US')} activities in ${((performance.now() - activitiesStarted) / 1000).toFixed(1)} s`);
  await q('analyze customers');
  await q('analyze activities');
}

const CUSTOMERS_SQL = `
with owners as (
  select array_agg(id order by email) as ids from users
  where email in ('admin@demo.test', 'manager@demo.test', 'sales1@demo.test', 'sales2@demo.test')
), names as (
  select g, g % 4 as lang, g % 3 = 0 as company, abs(hashtext('n' || g)) as h from generate_series($1::int, $2::int) g
)
insert into customers (number, type, name, first_name, last_name, company_name, email, phone, tax_id, country,
  level, status, priority, source, tags, owner_id, last_contact_at, custom, created_at, updated_at)
select
  'CUST-2020-' || lpad(n.g::text, 6, '0'),
  case when n.company then 'company' else 'individual' end,
  case when n.company then (array['Northwind Traders', 'Công ty TNHH Hoa Sen', 'Балкан Трейд ООД', '华夏贸易有限公司'])[1 + n.lang] || ' ' || n.g
       else l.last || ' ' || f.first end,
  case when n.company then null else f.first end,
  case when n.company then null else l.last end,
  case when n.company then (array['Northwind Traders', 'Công ty TNHH Hoa Sen', 'Балкан Трейд ООД', '华夏贸易有限公司'])[1 + n.lang] || ' ' || n.g end,
  'bench' || n.g || '@example.test',
  (array['+44770', '+8490', '+35988', '+86138'])[1 + n.lang] || lpad(n.g::text, 7, '0'),
  case when n.company then (array['GB', 'VN', 'BG', 'CN'])[1 + n.lang] || (500000000 + n.g) end,
  (array['GB', 'VN', 'BG', 'CN'])[1 + n.lang],
  (array['important', 'normal', 'normal', 'potential'])[1 + n.h % 4],
  (array['LEAD', 'PROSPECT', 'CUSTOMER', 'CUSTOMER', 'INACTIVE'])[1 + (n.h / 7) % 5],
  (array['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + (n.h / 11) % 5],
  (array['website', 'referral', 'trade show', 'cold call', 'campaign'])[1 + (n.h / 13) % 5],
  case (n.h / 17) % 4 when 0 then array['vip'] when 1 then array['newsletter', 'partner'] else '{}'::text[] end,
  case when n.g % 10 = 0 then null else o.ids[1 + n.g % 4] end,
  now() - make_interval(days => (n.h / 19) % 400),
  case when n.g % 2 = 0 then jsonb_build_object('tier', (array['gold', 'silver', 'bronze'])[1 + n.g % 3]) else '{}'::jsonb end,
  now() - make_interval(days => (n.h / 23) % 700),
  now() - make_interval(days => (n.h / 23) % 700)
from names n
cross join owners o
cross join lateral (select (array[
  array['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Mia'],
  array['An', 'Bình', 'Chi', 'Dũng', 'Hương', 'Khánh', 'Linh', 'Minh'],
  array['Иван', 'Мария', 'Георги', 'Елена', 'Димитър', 'Петя', 'Калина', 'Стефан'],
  array['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳']])[1 + n.lang][1 + (n.h / 29) % 8] as first) f
cross join lateral (select (array[
  array['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Clarke', 'Walker', 'Wright'],
  array['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Vũ', 'Bùi'],
  array['Иванов', 'Петров', 'Димитров', 'Георгиев', 'Стоянов', 'Николов', 'Колев', 'Маринов'],
  array['王', '李', '张', '刘', '陈', '杨', '黄', '赵']])[1 + n.lang][1 + (n.h / 31) % 8] as last) l`;

const ACTIVITIES_SQL = `
insert into activities (type, subject, customer_id, start_at, duration_minutes, status, priority, owner_id, outcome, completed_at, created_at)
select
  (array['CALL', 'EMAIL', 'MEETING', 'TASK', 'SMS', 'DEMO', 'NOTE'])[1 + (k + c.seq) % 7],
  'Follow-up ' || k,
  c.id,
  now() - make_interval(days => (c.seq * 7 + k * 13) % 365),
  30,
  case when k % 4 = 0 then 'PLANNED' else 'COMPLETED' end,
  'NORMAL',
  c.owner,
  case when k % 4 = 0 then null else 'Interested' end,
  case when k % 4 = 0 then null else now() - make_interval(days => (c.seq * 7 + k * 13) % 365) end,
  now() - make_interval(days => (c.seq * 7 + k * 13) % 365 + 1)
from (
  select id, substr(number, 11)::int as seq, coalesce(owner_id, (select id from users where email = 'admin@demo.test')) as owner
  from customers where number between 'CUST-2020-' || lpad($1::text, 6, '0') and 'CUST-2020-' || lpad($2::text, 6, '0')
) c
cross join generate_series(1, $3::int) k`;
