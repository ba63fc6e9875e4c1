import { DEFAULT_TYPES } from '../../server/src/modules/tickets/seed.ts';
import type { Engine } from './engine.ts';

/**
 * Bulk tickets and their conversations for the ticket benchmarks, generated inside the database
 * (insert … select generate_series, one statement per batch writes a batch of tickets and all their
 * messages): a realistic spread over the six default types, the components (a few unassigned),
 * statuses that depend on age (old tickets are mostly closed), priorities, sources, tags, the demo
 * customers (skewed: some customers have far more tickets than others), the staff as processors, and
 * titles, descriptions and messages in English, Vietnamese, Bulgarian and Chinese. Numbers continue
 * the demo's TCK sequence and the sequence is advanced past them, so tickets created afterwards
 * through the app get the next free number.
 *
 * The non-constraint indexes of tickets and ticket_messages are dropped before the load and rebuilt
 * from their own definitions (pg_get_indexdef) after it: building a trigram GIN index once is far
 * cheaper than maintaining it row by row, and the result is the same index the migrations create.
 */
export interface BulkTickets {
  tickets: number;
}

export interface GeneratedTickets {
  /** The number of the first generated ticket minus one (the demo tickets come before it). */
  base: number;
  tickets: number;
  messages: number;
  /** g % this = 0: tickets with exactly 50 messages, for the conversation benchmark. */
  longEvery: number;
  /** Planted rare words: in the messages of every RARE_EVERY-th ticket. */
  rareWords: string[];
  seconds: { tickets: number; indexes: number; vacuum: number };
}

const BATCH = 20_000;
export const LONG_CONVERSATION = 50;
const RARE_EVERY = 25_000;
export const RARE_WORDS = ['espresso', 'кофемашина'];

export async function generateTickets(engine: Engine, size: BulkTickets, log: (m: string) => void): Promise<GeneratedTickets> {
  const executor = engine.database.executor;
  const q = async <R>(text: string, params: unknown[] = []) => (await executor.query<R>(text, params)).rows;
  const [before] = await q<{ n: number }>('select count(*)::int as n from ticket_messages');
  const [seq] = await q<{ last: string; called: boolean }>('select last_value::text as last, is_called as called from ticket_number_seq');
  const base = Number(seq.last) - (seq.called ? 0 : 1);
  // About 200 long conversations whatever the size, so the benchmark can cycle through many of them.
  const longEvery = Math.max(10, Math.floor(size.tickets / 200));

  const indexes = await q<{ name: string; def: string }>(`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i
    where i.indrelid in ('tickets'::regclass, 'ticket_messages'::regclass)
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`);
  for (const index of indexes) await executor.exec(`drop index ${index.name}`);

  const started = performance.now();
  for (let from = 1; from <= size.tickets; from += BATCH) {
    const to = Math.min(size.tickets, from + BATCH - 1);
    await executor.transaction(async (session) => {
      // JIT would compile this big statement afresh for every batch: seconds each on a busy machine.
      await session.query('set local jit = off');
      await session.query(TICKETS_SQL, [from, to, base, size.tickets, longEvery, DEFAULT_TYPES.map((t) => t.key)]);
    });
    if (to % (BATCH * 10) === 0 || to === size.tickets) log(`    ${to.toLocaleString('en-US')} tickets…`);
  }
  await q(`select setval('ticket_number_seq', $1::bigint)`, [base + size.tickets]);
  const ticketSeconds = (performance.now() - started) / 1000;

  const indexStarted = performance.now();
  for (const index of indexes) {
    await executor.transaction(async (session) => {
      // PGlite lives in a 32-bit WebAssembly heap: keep its sort memory modest.
      await session.query(`set local maintenance_work_mem = '${engine.kind === 'postgres' ? '256MB' : '64MB'}'`);
      await session.query(index.def);
    });
  }
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  // Autovacuum would otherwise wake up on the fresh rows in the middle of the measurements.
  const vacuumStarted = performance.now();
  await executor.exec('vacuum (analyze) tickets');
  await executor.exec('vacuum (analyze) ticket_messages');
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
  const [after] = await q<{ n: number }>('select count(*)::int as n from ticket_messages');
  const messages = after.n - before.n;
  log(`  ${size.tickets.toLocaleString('en-US')} tickets + ${messages.toLocaleString('en-US')} messages in ${ticketSeconds.toFixed(1)} s, ` +
    `${indexes.length} indexes rebuilt in ${indexSeconds.toFixed(1)} s, vacuum analyze ${vacuumSeconds.toFixed(1)} s`);
  return { base, tickets: size.tickets, messages, longEvery, rareWords: RARE_WORDS, seconds: { tickets: ticketSeconds, indexes: indexSeconds, vacuum: vacuumSeconds } };
}

/** TCK-NNNNNN as the app writes it (padStart: seven digits once past 999,999). */
export const ticketNumber = (n: number) => `TCK-${String(n).padStart(6, '0')}`;

// $1..$2: the batch's g range; $3: base number; $4: total generated (g = $4 is the newest ticket);
// $5: every $5-th ticket has a 50-message conversation; $6: the type keys to use.
const TICKETS_SQL = `
with ctx as (
  -- small arrays only: a row carrying a 3,000-element array would be copied once per generated ticket
  select
    (select array_agg(id order by key) from ticket_types where key = any($6::text[])) as types,
    (select array_agg(key order by key) from ticket_types where key = any($6::text[])) as type_keys,
    (select array_agg(id order by key) from ticket_components) as comps,
    (select array_agg(id order by email) from users where role in ('agent', 'manager') and email like '%@demo.test') as staff,
    (select array_agg(id order by email) from users where role = 'client' and customer_id is not null) as clients,
    (select array_agg(customer_id order by email) from users where role = 'client' and customer_id is not null) as client_custs,
    (select count(*)::int from customers) as n_custs
), custs as (
  select row_number() over (order by number)::int as rn, id, name, phone, email from customers
), src as (
  select g, abs(hashtext('t' || g)) as h, g % 4 as lang,
    -- three years of tickets, oldest first: g = $4 is about now
    now() - make_interval(secs => ($4::int - g)::float8 * 94608000 / $4::int + (abs(hashtext('s' || g)) % 1000) / 1000.0) as created_at,
    ($4::int - g)::float8 * 1095 / $4::int as age_days
  from generate_series($1::int, $2::int) g
), pick as (
  select s.*,
    case when s.age_days > 30
      -- no old ticket waits on the customer: the auto-close sweep would have closed it
      then (array['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'resolved', 'resolved', 'in_progress', 'in_progress'])[1 + (s.h / 3) % 10]
      else (array['new', 'new', 'in_progress', 'in_progress', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'])[1 + (s.h / 3) % 8] end as status,
    (array[1, 2, 2, 3, 3, 3, 3, 4, 4, 5])[1 + (s.h / 5) % 10] as priority,
    x.types[1 + (s.h / 7) % array_length(x.types, 1)] as type_id,
    x.type_keys[1 + (s.h / 7) % array_length(x.types, 1)] as type_key,
    case when (s.h / 31) % 20 = 0 then null else x.comps[1 + (s.h / 37) % array_length(x.comps, 1)] end as component_id,
    x.staff[1 + (s.h / 41) % array_length(x.staff, 1)] as staff_id,
    x.staff[1 + (s.h / 71) % array_length(x.staff, 1)] as creator_id,
    -- one in ten is a portal ticket of a demo client's customer; the others are skewed towards some customers
    case when s.g % 10 = 0 then x.client_custs[1 + (s.g / 10) % array_length(x.client_custs, 1)] end as client_customer_id,
    case when s.g % 10 = 0 then x.clients[1 + (s.g / 10) % array_length(x.clients, 1)] end as requester_id,
    1 + floor((x.n_custs - 1) * power(((s.h / 11) % 10000) / 10000.0, 2))::int as customer_rn
  from src s cross join ctx x
), who as (
  select p.*, coalesce(p.client_customer_id, c.id) as customer_id,
    coalesce(u.name, c.name) as name, coalesce(u.phone, c.phone) as phone, coalesce(u.email, c.email) as email
  from pick p join custs c on c.rn = p.customer_rn left join users u on u.id = p.requester_id
), ins as (
  insert into tickets (number, title, description, type_id, category, priority, component_id, customer_id, requester_id, processor_id,
    status, source, tags, type_fields, contact_name, contact_phone, contact_email, escalation_level, first_response_due_at, resolution_due_at,
    first_response_breached_at, resolution_breached_at, satisfaction_rating, created_by, created_at, updated_at, last_activity_at, first_response_at, resolved_at, closed_at)
  select
    'TCK-' || lpad(($3::int + p.g)::text, greatest(6, length(($3::int + p.g)::text)), '0'),
    (array[
      array['Cannot log in to the portal', 'Printer on the third floor keeps jamming', 'Invoice total is wrong', 'VPN drops every hour',
            'Export to Excel fails', 'Laptop battery drains fast', 'Access to the shared drive', 'Meeting room projector is broken'],
      array['Không đăng nhập được cổng thông tin', 'Máy in tầng ba bị kẹt giấy', 'Tổng tiền hóa đơn bị sai', 'VPN mất kết nối mỗi giờ',
            'Xuất ra Excel bị lỗi', 'Pin máy tính xách tay hao nhanh', 'Cấp quyền truy cập ổ đĩa chung', 'Máy chiếu phòng họp bị hỏng'],
      array['Не мога да вляза в портала', 'Принтерът на третия етаж засяда', 'Сумата във фактурата е грешна', 'VPN връзката прекъсва всеки час',
            'Експортът към Excel не работи', 'Батерията на лаптопа пада бързо', 'Достъп до общия диск', 'Проекторът в заседателната зала е повреден'],
      array['无法登录客户门户', '三楼打印机经常卡纸', '发票金额错误', 'VPN每小时断开一次', '导出到Excel失败', '笔记本电脑电池耗电快', '申请共享盘访问权限', '会议室投影仪坏了']
    ])[1 + p.lang][1 + (p.h / 13) % 8] || ' — ' ||
    (array[array['Hanoi office', 'Sofia office', 'London office', 'warehouse', 'front desk', 'finance team'],
           array['văn phòng Hà Nội', 'chi nhánh Đà Nẵng', 'kho hàng', 'quầy lễ tân', 'phòng kế toán', 'văn phòng Sài Gòn'],
           array['офиса в София', 'склада в Пловдив', 'рецепцията', 'счетоводството', 'офиса във Варна', 'отдел продажби'],
           array['上海办公室', '北京分公司', '仓库', '前台', '财务部', '深圳办事处']])[1 + p.lang][1 + (p.h / 17) % 6],
    (array[
      array['Since this morning it fails every time I try.', 'Several colleagues see the same problem.', 'It worked fine until last week''s update.', 'Please call me back when you can.'],
      array['Từ sáng nay lần nào thử cũng bị lỗi.', 'Nhiều đồng nghiệp cũng gặp vấn đề này.', 'Trước bản cập nhật tuần trước vẫn bình thường.', 'Vui lòng gọi lại cho tôi khi có thể.'],
      array['От тази сутрин не става нито веднъж.', 'Няколко колеги имат същия проблем.', 'Работеше добре до обновяването миналата седмица.', 'Моля, обадете ми се, когато можете.'],
      array['从今天早上开始每次都失败。', '好几个同事也遇到同样的问题。', '上周更新之前一切正常。', '方便时请给我回电话。']
    ])[1 + p.lang][1 + (p.h / 19) % 4] || E'\\n\\n' ||
    (array[
      array['Error code shown on screen.', 'Screenshot attached in the next message.', 'The customer is waiting for an answer.', 'Steps: open the page, press Save.'],
      array['Màn hình hiện mã lỗi.', 'Ảnh chụp màn hình ở tin nhắn sau.', 'Khách hàng đang chờ phản hồi.', 'Các bước: mở trang, bấm Lưu.'],
      array['На екрана се показва код за грешка.', 'Снимка на екрана в следващото съобщение.', 'Клиентът чака отговор.', 'Стъпки: отворете страницата, натиснете Запис.'],
      array['屏幕上显示错误代码。', '截图在下一条消息中。', '客户正在等待答复。', '步骤：打开页面，点击保存。']
    ])[1 + p.lang][1 + (p.h / 23) % 4] || case when p.g % ${RARE_EVERY} = 11 then ' ${RARE_WORDS[1]}' else '' end,
    p.type_id,
    (array['QUESTION', 'PROBLEM', 'PROBLEM', 'REQUEST', 'INCIDENT'])[1 + (p.h / 29) % 5],
    p.priority,
    p.component_id,
    p.customer_id, p.requester_id,
    case when p.status = 'new' then null else p.staff_id end,
    p.status,
    case when p.requester_id is not null then 'portal' else (array['email', 'email', 'phone', 'chat', 'web_form', 'api'])[1 + (p.h / 43) % 6] end,
    case (p.h / 47) % 12 when 0 then array['vip'] when 1 then array['billing', 'urgent'] when 2 then array['vpn'] when 3 then array['hardware', 'onsite']
      when 4 then array['refund'] else '{}'::text[] end,
    case p.type_key
      when 'programming' then jsonb_build_object('system', (array['CRM', 'ERP', 'Website', 'Mobile app'])[1 + p.g % 4], 'steps', 'Open the page, press Save.')
      when 'functional' then jsonb_build_object('module', 'Invoices')
      when 'equipment' then jsonb_build_object('asset_tag', 'EQ-' || (1000 + p.g % 9000))
      when 'facility' then jsonb_build_object('room', 'R' || (100 + p.g % 50), 'floor', p.g % 5)
      when 'hr' then jsonb_build_object('topic', (array['Leave', 'Payroll', 'Contract', 'Other'])[1 + p.g % 4])
      else jsonb_build_object('product', 'Switchboard Cloud', 'quantity', 1 + p.g % 20) end,
    p.name, p.phone, p.email,
    case when p.priority >= 4 and (p.h / 53) % 10 = 0 then 1 else 0 end,
    p.created_at + make_interval(hours => 2 * (6 - p.priority)), p.created_at + make_interval(days => 8 - p.priority),
    -- breaches as the SLA sweep would have flagged them: unanswered past the target, or one in eight answered late
    case when p.status = 'new' and p.created_at + make_interval(hours => 2 * (6 - p.priority)) <= now()
           or p.status not in ('new', 'resolved', 'closed') and (p.h / 59) % 8 = 0 then p.created_at + make_interval(hours => 2 * (6 - p.priority)) end,
    case when p.status not in ('resolved', 'closed') and p.created_at + make_interval(days => 8 - p.priority) <= now() then p.created_at + make_interval(days => 8 - p.priority) end,
    case when p.status = 'closed' and (p.h / 61) % 3 = 0 then 1 + (p.h / 67) % 5 end,
    coalesce(p.requester_id, p.creator_id),
    p.created_at, p.created_at,
    -- a waiting ticket was answered within the auto-close window (7 days), or the sweep would have closed it
    case when p.status = 'waiting_on_customer' then greatest(p.created_at, now() - make_interval(hours => (p.h / 73) % 144))
      else least(now(), p.created_at + make_interval(hours => (p.h / 73) % 72)) end,
    case when p.status <> 'new' then p.created_at + interval '1 hour' end,
    case when p.status in ('resolved', 'closed') then least(now(), p.created_at + interval '1 day') end,
    case when p.status = 'closed' then least(now(), p.created_at + interval '2 days') end
  from who p
  returning id, number, created_at, created_by, processor_id
)
insert into ticket_messages (ticket_id, author_id, body, internal, created_at)
select t.id,
  case when k % 2 = 1 then t.created_by else coalesce(t.processor_id, t.created_by) end,
  case when k % 4 = 3 then (array['Internal: check the contract before replying.', 'Nội bộ: kiểm tra hợp đồng trước khi trả lời.',
                                  'Вътрешно: проверете договора преди отговор.', '内部：回复前请核对合同。'])[1 + s.g % 4]
    when k % 2 = 1 then (array[
      array['Any update on this? The problem is still there.', 'It happened again after a restart.', 'Thanks, I will try that now.'],
      array['Có cập nhật gì không? Lỗi vẫn còn.', 'Sau khi khởi động lại vẫn bị.', 'Cảm ơn, tôi sẽ thử ngay.'],
      array['Има ли новини? Проблемът още е тук.', 'Случи се пак след рестарт.', 'Благодаря, ще опитам сега.'],
      array['有进展吗？问题仍然存在。', '重启后又出现了。', '谢谢，我现在就试。']])[1 + s.g % 4][1 + (k / 2) % 3]
    else (array[
      array['We are looking into it and will reply soon.', 'Please restart the application and try again.', 'A technician will visit tomorrow morning.'],
      array['Chúng tôi đang kiểm tra và sẽ trả lời sớm.', 'Vui lòng khởi động lại ứng dụng và thử lại.', 'Kỹ thuật viên sẽ đến vào sáng mai.'],
      array['Проверяваме и ще отговорим скоро.', 'Моля, рестартирайте приложението и опитайте пак.', 'Техник ще дойде утре сутринта.'],
      array['我们正在处理，会尽快回复。', '请重启应用后再试一次。', '技术员明天上午上门。']])[1 + s.g % 4][1 + (k / 2) % 3] end
  || case when k = 1 and s.g % ${RARE_EVERY} = 7 then ' ${RARE_WORDS[0]}' else '' end,
  k % 4 = 3,
  least(now(), t.created_at + make_interval(mins => 20 * k))
from ins t
cross join lateral (select substr(t.number, 5)::int - $3::int as g) s
cross join lateral generate_series(1, case when s.g % $5::int = 0 then ${LONG_CONVERSATION} else 1 + (abs(hashtext('m' || s.g)) % 9) end) k`;
