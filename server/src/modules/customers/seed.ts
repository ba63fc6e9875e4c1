import { sql } from 'drizzle-orm';
import { customFieldDefinitions } from '../../platform/custom-fields/custom-fields.tables.ts';
import type { Db } from '../../platform/db/database.ts';
import { LANGUAGES } from '../../platform/i18n/languages.ts';
import { DEMO_CUSTOMERS, linkDemoClients } from '../identity/index.ts';
import { insertCustomer, nextCustomerNumbers } from './customers.repository.ts';
import { customerAddresses, customers } from './customers.tables.ts';
import { recomputeLifetimeValues } from './billing.repository.ts';
import { insertContract, insertInvoice } from './overview.repository.ts';

export const DEMO_CUSTOMER_COUNT = 3000;
const CHUNK = 500;

/** Names in the four UI languages, so search and sorting are exercised in every script. */
const PEOPLE = {
  en: { first: ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Mia'], last: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Clarke'], country: 'GB', phone: (i: number) => `+44770${String(1000000 + i).slice(-7)}` },
  vi: { first: ['An', 'Bình', 'Chi', 'Dũng', 'Hương', 'Khánh', 'Linh', 'Minh'], last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng'], country: 'VN', phone: (i: number) => `+8490${String(1000000 + i).slice(-7)}` },
  bg: { first: ['Иван', 'Мария', 'Георги', 'Елена', 'Димитър', 'Петя'], last: ['Иванов', 'Петрова', 'Димитров', 'Георгиева', 'Стоянов'], country: 'BG', phone: (i: number) => `+35988${String(1000000 + i).slice(-7)}` },
  zh: { first: ['伟', '芳', '娜', '敏', '静', '磊'], last: ['王', '李', '张', '刘', '陈', '杨'], country: 'CN', phone: (i: number) => `+86138${String(10000000 + i).slice(-8)}` },
} as const;
const COMPANIES = {
  en: ['Northwind Traders', 'Blue Harbor Logistics', 'Greenfield Foods', 'Summit Analytics'],
  vi: ['Công ty TNHH Hoa Sen', 'Công ty CP Việt Tiến', 'Tập đoàn Ánh Dương', 'Công ty Đông Á'],
  bg: ['Балкан Трейд ООД', 'София Софтуер АД', 'Родопа Фуудс ЕООД', 'Дунав Логистик'],
  zh: ['华夏贸易有限公司', '东方物流集团', '长江软件科技', '南方食品有限公司'],
} as const;
const INDUSTRIES = ['Logistics', 'Retail', 'Software', 'Manufacturing', 'Finance', 'Food'];
const SOURCES = ['website', 'referral', 'trade show', 'cold call', 'campaign'];
const TAGS = ['vip', 'newsletter', 'partner', 'reseller', 'hot', 'q3-promo'];
const LEVELS = ['important', 'normal', 'normal', 'potential'];
const STATUSES = ['LEAD', 'PROSPECT', 'CUSTOMER', 'CUSTOMER', 'INACTIVE'];
const PRIORITIES = ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'CRITICAL'];
const TIERS = ['gold', 'silver', 'bronze'];

/** A small deterministic generator: the same demo data on every start. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * Demo customers (issue 4, item 11): thousands of both types across owners, levels and statuses,
 * named in en/vi/bg/zh, with primary addresses, custom field values, a few contracts and invoices
 * and a "created" history entry each. Multi-row inserts: a few statements, not thousands.
 */
export async function seedCustomers(tx: Db, userIds: Map<string, string>, count = DEMO_CUSTOMER_COUNT): Promise<void> {
  const rand = rng(20260401);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const owners = ['sales1@demo.test', 'sales1@demo.test', 'sales2@demo.test', 'sales2@demo.test', 'manager@demo.test', 'admin@demo.test'].map((e) => userIds.get(e)!);
  // The demo clients' own customers first (their portal accounts belong to them), owned by the first sales rep.
  const clientCustomerIds: string[] = [];
  for (const c of DEMO_CUSTOMERS) clientCustomerIds.push((await insertCustomer(tx, { ...c, type: 'company', status: 'CUSTOMER', ownerId: owners[0] })).id);
  await linkDemoClients(tx, clientCustomerIds);
  const [salesTeam] = (await tx.execute<{ id: string }>(sql`select id from teams where kind = 'SALES' order by name limit 1`)) as unknown as { id: string }[];
  await tx.insert(customFieldDefinitions).values([
    { entity: 'customer', key: 'tier', label: 'Tier', labels: { en: 'Tier', vi: 'Hạng', bg: 'Ниво', zh: '等级' }, type: 'select', options: TIERS, position: 1 },
    { entity: 'customer', key: 'newsletter', label: 'Newsletter', labels: { en: 'Newsletter', vi: 'Bản tin', bg: 'Бюлетин', zh: '新闻通讯' }, type: 'checkbox', position: 2 },
    { entity: 'customer', key: 'renewal_date', label: 'Renewal date', type: 'date', position: 3 },
  ]);

  // The numbers the create path would give, drawn in one statement.
  const numbers = await nextCustomerNumbers(tx, count);
  const now = Date.now();
  const rows: (typeof customers.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const lang = LANGUAGES[i % LANGUAGES.length];
    const company = i % 3 === 0;
    const p = PEOPLE[lang];
    const firstName = company ? null : pick(p.first);
    const lastName = company ? null : pick(p.last);
    const name = company ? `${pick(COMPANIES[lang])} ${i}` : lang === 'vi' || lang === 'zh' ? `${lastName} ${firstName}` : `${firstName} ${lastName}`;
    const status = pick(STATUSES);
    const owned = rand() < 0.9;
    const ownerId = owned ? pick(owners) : null;
    const createdAt = new Date(now - Math.floor(rand() * 400) * 86_400_000);
    const contacted = rand() < 0.7;
    // The draw that once made up a value figure for customers and prospects, kept so that the rest of
    // the demo data stays as it was: the values now come from the invoices (recomputeLifetimeValues).
    if (status === 'CUSTOMER' || status === 'PROSPECT') rand();
    rows.push({
      number: numbers[i],
      type: company ? 'company' : 'individual',
      name,
      firstName,
      lastName,
      companyName: company ? name : null,
      email: `customer${i}@${lang}.demo.test`,
      phone: p.phone(i),
      taxId: company ? `${p.country}${String(100000000 + i)}` : null,
      industry: company ? pick(INDUSTRIES) : null,
      employeeCount: company ? 5 + Math.floor(rand() * 2000) : null,
      annualRevenue: company ? (Math.floor(rand() * 50_000_000) * 1000).toFixed(2) : null,
      website: company ? `https://example-${i}.demo.test/` : null,
      country: p.country,
      level: pick(LEVELS),
      status,
      priority: pick(PRIORITIES),
      source: pick(SOURCES),
      tags: rand() < 0.5 ? [pick(TAGS)] : rand() < 0.5 ? [pick(TAGS), pick(TAGS)].filter((t, k, a) => a.indexOf(t) === k) : [],
      ownerId,
      teamId: ownerId && (ownerId === owners[0] || ownerId === owners[2]) ? salesTeam?.id ?? null : null,
      lastContactAt: contacted ? new Date(createdAt.getTime() + Math.floor(rand() * (now - createdAt.getTime()))) : null,
      nextContactAt: contacted && rand() < 0.5 ? new Date(now + Math.floor(rand() * 30) * 86_400_000) : null,
      custom: rand() < 0.6 ? { tier: pick(TIERS), newsletter: rand() < 0.5 } : {},
      createdAt,
      updatedAt: createdAt,
    });
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await tx.insert(customers).values(rows.slice(i, i + CHUNK)).returning({ id: customers.id, country: customers.country });
    await tx.insert(customerAddresses).values(
      inserted.map((c, k) => ({ customerId: c.id, kind: 'office', street: `${10 + ((i + k) % 190)} Demo Street`, city: CITY[c.country ?? 'VN'] ?? 'Hà Nội', country: c.country, isPrimary: true })),
    );
  }
  // The demo clients' customers (seeded with the users) get an address and a country too.
  await tx.execute(sql`insert into customer_addresses (customer_id, kind, street, city, country, is_primary)
    select c.id, 'office', '1 Demo Road', 'Hà Nội', 'VN', true from customers c
    where not exists (select 1 from customer_addresses a where a.customer_id = c.id)`);
  await tx.execute(sql`insert into history (entity_type, entity_id, actor_id, action, changes, at)
    select 'customer', id, owner_id, 'created', jsonb_build_array(jsonb_build_object('field', 'number', 'from', null, 'to', number)), created_at from customers`);
  await seedBilling(tx, rand, owners[0]);
  // Lifetime value is what the invoices say was paid (decision 0006); total value stays unknown (null).
  await recomputeLifetimeValues(tx);
}

const CITY: Record<string, string> = { GB: 'London', VN: 'Hà Nội', BG: 'София', CN: '上海' };

/** A contract and invoices for the demo clients' customers and for a few hundred others. */
async function seedBilling(tx: Db, rand: () => number, ownerId: string) {
  const targets = (await tx.execute<{ id: string }>(sql`select id from customers where status = 'CUSTOMER' order by number limit 200`)) as unknown as { id: string }[];
  for (const [k, { id }] of targets.entries()) {
    const value = (Math.floor(rand() * 2_000_000) * 100).toFixed(2);
    const contract = await insertContract(tx, { customerId: id, title: `Service agreement ${k + 1}`, value, startDate: '2026-01-01', endDate: '2026-12-31', status: k % 5 === 0 ? 'EXPIRED' : 'ACTIVE', ownerId });
    if (k % 2 === 0) {
      await insertInvoice(tx, { customerId: id, contractId: contract.id, amount: (Number(value) / 4).toFixed(2), paidAmount: k % 4 === 0 ? (Number(value) / 4).toFixed(2) : '0', issuedOn: '2026-03-01', dueDate: '2026-03-31', status: k % 4 === 0 ? 'PAID' : 'OVERDUE' });
    }
  }
}
