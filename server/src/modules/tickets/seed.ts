import { sql } from 'drizzle-orm';
import { storeBytes } from '../../platform/files/files.ts';
import { demoInvoicePdf, demoScreenshotPng } from './demo-files.ts';
import type { Db } from '../../platform/db/database.ts';
import { ticketComponents, ticketComponentStaff, ticketTypes } from './tickets.tables.ts';

/** Field labels in the four UI languages (English is also the fallback `label`). */
const FIELD_LABELS: Record<string, { vi: string; bg: string; zh: string }> = {
  System: { vi: 'Hệ thống', bg: 'Система', zh: '系统' },
  'Steps to reproduce': { vi: 'Các bước tái hiện', bg: 'Стъпки за възпроизвеждане', zh: '复现步骤' },
  Version: { vi: 'Phiên bản', bg: 'Версия', zh: '版本' },
  Module: { vi: 'Phân hệ', bg: 'Модул', zh: '模块' },
  'Expected behaviour': { vi: 'Kết quả mong đợi', bg: 'Очаквано поведение', zh: '预期行为' },
  'Asset tag': { vi: 'Mã tài sản', bg: 'Инвентарен номер', zh: '资产编号' },
  Location: { vi: 'Vị trí', bg: 'Местоположение', zh: '位置' },
  Room: { vi: 'Phòng', bg: 'Стая', zh: '房间' },
  Floor: { vi: 'Tầng', bg: 'Етаж', zh: '楼层' },
  Topic: { vi: 'Chủ đề', bg: 'Тема', zh: '主题' },
  Product: { vi: 'Sản phẩm', bg: 'Продукт', zh: '产品' },
  Quantity: { vi: 'Số lượng', bg: 'Количество', zh: '数量' },
  'Where did it happen?': { vi: 'Sự cố xảy ra ở đâu?', bg: 'Къде се случи?', zh: '问题发生在哪里？' },
  Severity: { vi: 'Mức độ nghiêm trọng', bg: 'Сериозност', zh: '严重程度' },
  Area: { vi: 'Lĩnh vực', bg: 'Област', zh: '方面' },
  Rating: { vi: 'Đánh giá', bg: 'Оценка', zh: '评分' },
};
const f = (key: string, label: string, type: string, required = false, options: string[] = []) => ({
  key,
  label,
  labels: { en: label, ...FIELD_LABELS[label] },
  type,
  options,
  required,
  active: true,
});

/** TKT-2 defaults: the six types of the spec, each with the fields it asks for. */
export const DEFAULT_TYPES = [
  { key: 'programming', name: 'Programming', labels: { en: 'Programming', vi: 'Lập trình', bg: 'Програмиране', zh: '编程' }, fields: [f('system', 'System', 'select', true, ['CRM', 'ERP', 'Website', 'Mobile app']), f('steps', 'Steps to reproduce', 'text', true), f('version', 'Version', 'text')] },
  { key: 'functional', name: 'Functional', labels: { en: 'Functional', vi: 'Chức năng', bg: 'Функционален', zh: '功能' }, fields: [f('module', 'Module', 'text', true), f('expected', 'Expected behaviour', 'text')] },
  { key: 'equipment', name: 'Equipment', labels: { en: 'Equipment', vi: 'Thiết bị', bg: 'Оборудване', zh: '设备' }, fields: [f('asset_tag', 'Asset tag', 'text', true), f('location', 'Location', 'text')] },
  { key: 'facility', name: 'Facility', labels: { en: 'Facility', vi: 'Cơ sở vật chất', bg: 'Сграден фонд', zh: '设施' }, fields: [f('room', 'Room', 'text', true), f('floor', 'Floor', 'number')] },
  { key: 'hr', name: 'HR', labels: { en: 'HR', vi: 'Nhân sự', bg: 'Човешки ресурси', zh: '人事' }, fields: [f('topic', 'Topic', 'select', true, ['Leave', 'Payroll', 'Contract', 'Other'])] },
  { key: 'sales_inquiry', name: 'Sales inquiry', labels: { en: 'Sales inquiry', vi: 'Yêu cầu bán hàng', bg: 'Търговско запитване', zh: '销售咨询' }, fields: [f('product', 'Product', 'text', true), f('quantity', 'Quantity', 'number')] },
  // TKT-13 portal forms ("Report a problem", "Feedback"): last, so the demo tickets (offset g % 6) keep using the six above.
  { key: 'problem_report', name: 'Problem report', labels: { en: 'Problem report', vi: 'Báo cáo sự cố', bg: 'Сигнал за проблем', zh: '问题报告' }, fields: [f('where', 'Where did it happen?', 'text', true), f('steps', 'Steps to reproduce', 'text'), f('severity', 'Severity', 'select', true, ['low', 'medium', 'high'])] },
  { key: 'feedback', name: 'Feedback', labels: { en: 'Feedback', vi: 'Góp ý', bg: 'Обратна връзка', zh: '意见反馈' }, fields: [f('area', 'Area', 'select', true, ['product', 'service', 'website', 'other']), f('rating', 'Rating', 'number')] },
];

const COMPONENTS = [
  { key: 'service_desk', name: 'Service desk', staff: ['agent1@demo.test', 'agent2@demo.test'] },
  { key: 'software', name: 'Software', staff: ['agent1@demo.test', 'agent3@demo.test'] },
  { key: 'hardware', name: 'Hardware & facilities', staff: ['agent3@demo.test', 'manager@demo.test'] },
  { key: 'sales_desk', name: 'Sales desk', staff: ['sales1@demo.test', 'sales2@demo.test'] },
];

/** Classic XSS payloads: the API must hand them back escaped, never as markup. */
export const XSS_PAYLOADS = ['<script>alert("xss")</script>', '<img src=x onerror="alert(1)">', '[click me](javascript:alert(document.cookie))', '<a href="javascript:alert(1)">link</a>'];

/**
 * Demo tickets: ~360 across types, statuses, components and customers — the demo clients' customers
 * included — with conversations and internal notes; one ticket holds XSS payloads. Insert…select:
 * a few statements whatever the count.
 */
export async function seedTickets(tx: Db, userIds: Map<string, string>, filesDir?: string): Promise<void> {
  await tx.insert(ticketTypes).values(DEFAULT_TYPES.map((t, i) => ({ ...t, position: i })));
  for (const c of COMPONENTS) {
    const [row] = await tx.insert(ticketComponents).values({ key: c.key, name: c.name }).returning({ id: ticketComponents.id });
    await tx.insert(ticketComponentStaff).values(c.staff.map((e) => ({ componentId: row.id, userId: userIds.get(e)! })));
  }
  const agents = ['agent1@demo.test', 'agent2@demo.test', 'agent3@demo.test', 'manager@demo.test'].map((e) => userIds.get(e)!);
  await tx.execute(sql`
    with picks as (
      select g, (select id from ticket_types order by position offset g % 6 limit 1) as type_id,
        (select key from ticket_types order by position offset g % 6 limit 1) as type_key,
        (select id from ticket_components order by key offset g % 4 limit 1) as component_id,
        (array['new', 'in_progress', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'])[1 + g % 6] as status,
        -- Finished tickets from the last three months; open ones from the last 30 days, spread so that no
        -- two open tickets of one customer, source and title fall within a day of each other (two hours per
        -- ticket number: only neighbours are close, and neighbours differ in title or customer; the
        -- consolidation sweep must find no duplicates in demo data). Derived times stay in the past.
        case when (array['new', 'in_progress', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'])[1 + g % 6] in ('resolved', 'closed')
          then now() - make_interval(days => 3 + g % 90, hours => g % 24)
          else now() - make_interval(hours => 4 + g * 2) end as created_at
      from generate_series(1, 360) g
    ), who as (
      select p.*, u.id as requester_id, coalesce(u.customer_id, c.id) as customer_id, coalesce(u.name, c.name) as contact_name,
        coalesce(u.email, c.email) as contact_email, coalesce(u.phone, c.phone) as contact_phone, u.location, u.time_zone
      from picks p
      left join lateral (select id, customer_id, name, email, phone, location, time_zone from users where role = 'client' order by email offset (p.g / 5) % 3 limit 1) u on p.g % 5 < 2
      left join lateral (select id, name, email, phone from customers where status <> 'INACTIVE' order by number offset (p.g * 7) % 200 limit 1) c on true
    )
    insert into tickets (number, title, description, type_id, category, priority, component_id, customer_id, requester_id, processor_id,
      status, source, tags, type_fields, contact_name, contact_phone, contact_email, contact_location, contact_time_zone, created_by,
      created_at, updated_at, last_activity_at, first_response_at, resolved_at, closed_at)
    select 'TCK-' || lpad(nextval('ticket_number_seq')::text, 6, '0'),
      (array['Cannot log in to the portal', 'Không in được hóa đơn', 'Принтерът на третия етаж не работи', '发票金额显示错误',
             'Export to Excel fails', 'Máy lạnh phòng họp bị hỏng', 'Нужен е нов лаптоп', '请求增加用户权限'])[1 + g % 8] || ' #' || g,
      (array['Since this morning the login page keeps loading.', 'Khi bấm In thì hệ thống báo lỗi.', 'Хартията засяда при всяко отпечатване.',
             '客户发票上的金额与订单不一致。'])[1 + g % 4],
      type_id, (array['QUESTION', 'PROBLEM', 'REQUEST', 'INCIDENT'])[1 + g % 4], 1 + g % 5, component_id, customer_id, requester_id,
      case when status = 'new' then null else (${sql.raw(`array[${agents.map((a) => `'${a}'::uuid`).join(', ')}]`)})[1 + g % 4] end,
      status, case when requester_id is not null then 'portal' else (array['email', 'phone', 'chat', 'web_form'])[1 + g % 4] end,
      case when g % 5 = 0 then array['vip'] when g % 7 = 0 then array['billing', 'urgent'] else '{}'::text[] end,
      case type_key
        when 'programming' then jsonb_build_object('system', (array['CRM', 'ERP', 'Website', 'Mobile app'])[1 + g % 4], 'steps', 'Open the page, press Save.')
        when 'functional' then jsonb_build_object('module', 'Invoices')
        when 'equipment' then jsonb_build_object('asset_tag', 'EQ-' || (1000 + g))
        when 'facility' then jsonb_build_object('room', 'R' || (100 + g % 50), 'floor', g % 5)
        when 'hr' then jsonb_build_object('topic', (array['Leave', 'Payroll', 'Contract', 'Other'])[1 + g % 4])
        else jsonb_build_object('product', 'Switchboard Cloud', 'quantity', 1 + g % 20) end,
      contact_name, contact_phone, contact_email, location, time_zone, coalesce(requester_id, ${userIds.get('agent1@demo.test')!}::uuid),
      -- A waiting ticket was last touched within the auto-close window (TKT-6), so none is closed at once.
      created_at, created_at, case when status = 'waiting_on_customer' then greatest(created_at + interval '2 hours', now() - make_interval(days => g % 5, hours => 1)) else created_at + interval '2 hours' end,
      case when status <> 'new' then created_at + interval '1 hour' end,
      case when status in ('resolved', 'closed') then created_at + interval '1 day' end,
      case when status = 'closed' then created_at + interval '2 days' end
    from who order by g`);
  // TKT-9: due dates from the priority's policy, and the breaches the SLA sweep would have flagged by now
  // (stamped here so the first sweep after seeding does not raise a burst of old alarms).
  await tx.execute(sql`
    update tickets t set first_response_due_at = t.created_at + make_interval(mins => p.first_response_minutes),
      resolution_due_at = t.created_at + make_interval(mins => p.resolution_minutes)
    from ticket_sla_policies p where p.priority = t.priority and p.active`);
  await tx.execute(sql`
    update tickets set first_response_breached_at = first_response_due_at, sla_warned_at = first_response_due_at
    where status not in ('resolved', 'closed') and first_response_due_at < now() and first_response_at is null`);
  await tx.execute(sql`
    update tickets set resolution_breached_at = resolution_due_at, sla_warned_at = coalesce(sla_warned_at, resolution_due_at)
    where status not in ('resolved', 'closed') and resolution_due_at < now()`);
  // A conversation per ticket: the description's follow-up, a staff reply, and an internal note.
  await tx.execute(sql`
    insert into ticket_messages (ticket_id, author_id, body, internal, created_at)
    select t.id, case when m.n = 1 then t.created_by else coalesce(t.processor_id, ${agents[0]}::uuid) end,
      case m.n when 1 then 'Any update? Cảm ơn / Благодаря / 谢谢' when 2 then 'We are looking into it and will reply soon.'
        else 'Internal: check the customer''s contract before replying (secret-note).' end,
      m.n = 3, t.created_at + make_interval(hours => m.n)
    from tickets t cross join generate_series(1, 3) m(n)
    where t.status <> 'new' or m.n = 1`);
  // The XSS showcase: on the first demo client's customer, payloads in the description and messages.
  const client = userIds.get('client1@demo.test')!;
  await tx.execute(sql`
    with t as (
      insert into tickets (number, title, description, type_id, type_fields, category, priority, customer_id, requester_id, status, source, contact_name, contact_email, created_by)
      select 'TCK-' || lpad(nextval('ticket_number_seq')::text, 6, '0'), 'XSS showcase <b>bold?</b>', ${XSS_PAYLOADS.join('\n')},
        (select id from ticket_types where key = 'functional'), '{"module":"Portal"}'::jsonb, 'PROBLEM', 3, u.customer_id, u.id, 'in_progress', 'portal', u.name, u.email, u.id
      from users u where u.id = ${client}::uuid
      returning id, created_by
    )
    insert into ticket_messages (ticket_id, author_id, body, internal, created_at)
    select t.id, t.created_by, p.body, false, now() + make_interval(secs => p.n)
    from t cross join unnest(${sql.raw(`array[${XSS_PAYLOADS.map((p) => `'${p.replace(/'/g, "''")}'`).join(', ')}]`)}) with ordinality p(body, n)`);
  // Their timelines: created, then each message or (internal) note.
  await tx.execute(sql`
    insert into history (entity_type, entity_id, actor_id, action, changes, internal, at)
    select 'ticket', t.id, t.created_by, 'created', jsonb_build_array(jsonb_build_object('field', 'status', 'from', null, 'to', 'new')), false, t.created_at from tickets t
    union all
    select 'ticket', m.ticket_id, m.author_id, case when m.internal then 'note' else 'message' end, '[]'::jsonb, m.internal, m.created_at from ticket_messages m`);
  if (filesDir) await seedAttachments(tx, userIds, filesDir);
}

/**
 * TKT-4 demo attachments, when the seed may write files: client1 sends a screenshot (previewed inline)
 * on their newest open ticket and the agent answers with a PDF (a download), each a message with its
 * history entry.
 */
async function seedAttachments(tx: Db, userIds: Map<string, string>, filesDir: string): Promise<void> {
  const client = userIds.get('client1@demo.test')!;
  const agent = userIds.get('agent1@demo.test')!;
  const [ticket] = (await tx.execute<{ id: string }>(sql`
    select id from tickets where requester_id = ${client}::uuid and status in ('in_progress', 'waiting_on_customer') and title not like 'XSS%'
    order by created_at desc limit 1`)) as unknown as { id: string }[];
  if (!ticket) return;
  const png = await storeBytes(tx, filesDir, { name: 'error-screenshot.png', bytes: demoScreenshotPng(), uploadedBy: client });
  const pdf = await storeBytes(tx, filesDir, { name: 'invoice-INV-2026-000042.pdf', bytes: demoInvoicePdf(), uploadedBy: agent });
  for (const [author, file, minutes] of [[client, png, 30], [agent, pdf, 20]] as const) {
    await tx.execute(sql`
      with m as (
        insert into ticket_messages (ticket_id, author_id, body, internal, file_id, created_at)
        values (${ticket.id}::uuid, ${author}::uuid, '', false, ${file.id}::uuid, now() - make_interval(mins => ${minutes}::int))
        returning created_at
      )
      insert into history (entity_type, entity_id, actor_id, action, changes, internal, at)
      select 'ticket', ${ticket.id}::uuid, ${author}::uuid, 'attachment', jsonb_build_array(jsonb_build_object('field', 'file', 'from', null, 'to', ${file.name}::text)), false, m.created_at from m`);
  }
  await tx.execute(sql`update tickets set last_activity_at = now() - interval '20 minutes' where id = ${ticket.id}::uuid`);
}
