/**
 * The words of every ticket e-mail, per language (users.language: en, vi, bg, zh). Plain text only:
 * message text goes out exactly as typed, so nothing anyone writes is ever interpreted as markup.
 * Callers pass only public text here (a public message, the description, an escalation reason).
 */
export const MAIL_LANGUAGES = ['en', 'vi', 'bg', 'zh'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export function mailLanguage(value: string | null | undefined): MailLanguage {
  return (MAIL_LANGUAGES as readonly string[]).includes(value ?? '') ? (value as MailLanguage) : 'en';
}

/** A customer e-mail address has no language of its own: follow the country, as the handover mail does. */
export function languageForCountry(country: string | null): MailLanguage {
  const c = (country ?? '').toUpperCase();
  if (c === 'VN') return 'vi';
  if (c === 'BG') return 'bg';
  return ['CN', 'TW', 'HK', 'MO', 'SG'].includes(c) ? 'zh' : 'en';
}

export interface TicketRef {
  number: string;
  title: string;
}

/** What the client did to an escalated ticket. */
export type ClientChange =
  | { kind: 'message'; body: string }
  | { kind: 'attachment'; file: string }
  | { kind: 'status'; from: string; to: string }
  | { kind: 'edit'; fields: string[] };

interface Words {
  status: Record<string, string>;
  field: Record<string, string>;
  open: string;
  hello: (name: string) => string;
  regards: string;
  newTicket: { subject: (t: TicketRef, component: string) => string; intro: (component: string) => string; customer: string; priority: string };
  escalated: { subject: (t: TicketRef, level: number) => string; intro: (actor: string, level: number) => string; reason: string };
  clientUpdate: { subject: (t: TicketRef) => string; intro: (actor: string, level: number) => string; message: string; attachment: string; status: string; edit: string };
  reply: { subject: (t: TicketRef) => string; wrote: (author: string, t: TicketRef) => string; attached: (author: string, t: TicketRef, file: string) => string };
  waiting: { subject: (t: TicketRef) => string; body: (t: TicketRef) => string };
  resolved: { subject: (t: TicketRef) => string; body: (t: TicketRef) => string };
  autoClosed: { subject: (t: TicketRef) => string; body: (t: TicketRef) => string };
  /** One mail per component for a bulk import: `more` tickets beyond the listed numbers. */
  bulkDigest: { subject: (count: number, component: string) => string; body: (count: number, component: string, numbers: string, more: number) => string; list: string };
}

const WORDS: Record<MailLanguage, Words> = {
  en: {
    status: { new: 'New', in_progress: 'In progress', waiting_on_customer: 'Waiting on customer', resolved: 'Resolved', closed: 'Closed' },
    field: { title: 'title', description: 'description', typeFields: 'details' },
    open: 'Open the ticket:',
    hello: (name) => `Hello ${name},`,
    regards: 'Kind regards',
    newTicket: { subject: (t, c) => `[${t.number}] New ticket in ${c}: ${t.title}`, intro: (c) => `A new ticket is waiting in the queue ${c}.`, customer: 'Customer:', priority: 'Priority:' },
    escalated: { subject: (t, l) => `[${t.number}] Ticket escalated to level ${l}: ${t.title}`, intro: (a, l) => `${a} escalated the ticket to level ${l}.`, reason: 'Reason:' },
    clientUpdate: { subject: (t) => `[${t.number}] The client updated an escalated ticket: ${t.title}`, intro: (a, l) => `${a} updated the escalated ticket (level ${l}).`, message: 'Message:', attachment: 'Attached file:', status: 'Status:', edit: 'Edited:' },
    reply: { subject: (t) => `[${t.number}] New reply to your ticket: ${t.title}`, wrote: (a, t) => `${a} replied to your ticket ${t.number} "${t.title}":`, attached: (a, t, f) => `${a} attached the file ${f} to your ticket ${t.number} "${t.title}".` },
    waiting: { subject: (t) => `[${t.number}] We are waiting for your reply: ${t.title}`, body: (t) => `To continue with your ticket ${t.number} "${t.title}" we need more information from you. Please reply in the portal:` },
    resolved: { subject: (t) => `[${t.number}] Your ticket has been resolved: ${t.title}`, body: (t) => `Your ticket ${t.number} "${t.title}" has been marked as resolved. If the problem persists you can reopen it, and you can rate our service:` },
    autoClosed: { subject: (t) => `[${t.number}] Your ticket was closed: ${t.title}`, body: (t) => `Your ticket ${t.number} "${t.title}" was closed automatically because we had no reply from you for some time. You can reopen it in the portal:` },
    bulkDigest: {
      subject: (n, c) => `${n} new ticket${n === 1 ? '' : 's'} in ${c} from a bulk import`,
      body: (n, c, list, more) => `${n} new ticket${n === 1 ? '' : 's'} in ${c} from a bulk import: ${list}${more ? ` and ${more} more` : ''}.`,
      list: 'Open the queue:',
    },
  },
  vi: {
    status: { new: 'Mới', in_progress: 'Đang xử lý', waiting_on_customer: 'Chờ khách hàng', resolved: 'Đã giải quyết', closed: 'Đã đóng' },
    field: { title: 'tiêu đề', description: 'mô tả', typeFields: 'thông tin chi tiết' },
    open: 'Mở phiếu:',
    hello: (name) => `Kính gửi ${name},`,
    regards: 'Trân trọng',
    newTicket: { subject: (t, c) => `[${t.number}] Phiếu hỗ trợ mới trong ${c}: ${t.title}`, intro: (c) => `Có một phiếu hỗ trợ mới trong hàng đợi ${c}.`, customer: 'Khách hàng:', priority: 'Mức ưu tiên:' },
    escalated: { subject: (t, l) => `[${t.number}] Phiếu được chuyển lên cấp ${l}: ${t.title}`, intro: (a, l) => `${a} đã chuyển phiếu lên cấp ${l}.`, reason: 'Lý do:' },
    clientUpdate: { subject: (t) => `[${t.number}] Khách hàng đã cập nhật phiếu được chuyển cấp: ${t.title}`, intro: (a, l) => `${a} đã cập nhật phiếu đang được chuyển cấp (cấp ${l}).`, message: 'Nội dung:', attachment: 'Tệp đính kèm:', status: 'Trạng thái:', edit: 'Đã sửa:' },
    reply: { subject: (t) => `[${t.number}] Phản hồi mới cho phiếu của Quý khách: ${t.title}`, wrote: (a, t) => `${a} đã phản hồi phiếu ${t.number} "${t.title}" của Quý khách:`, attached: (a, t, f) => `${a} đã đính kèm tệp ${f} vào phiếu ${t.number} "${t.title}" của Quý khách.` },
    waiting: { subject: (t) => `[${t.number}] Chúng tôi đang chờ phản hồi của Quý khách: ${t.title}`, body: (t) => `Để tiếp tục xử lý phiếu ${t.number} "${t.title}", chúng tôi cần thêm thông tin từ Quý khách. Vui lòng trả lời trên cổng thông tin:` },
    resolved: { subject: (t) => `[${t.number}] Phiếu của Quý khách đã được giải quyết: ${t.title}`, body: (t) => `Phiếu ${t.number} "${t.title}" đã được đánh dấu là đã giải quyết. Nếu vấn đề vẫn còn, Quý khách có thể mở lại phiếu và đánh giá dịch vụ của chúng tôi:` },
    autoClosed: { subject: (t) => `[${t.number}] Phiếu của Quý khách đã được đóng: ${t.title}`, body: (t) => `Phiếu ${t.number} "${t.title}" đã được tự động đóng vì chúng tôi không nhận được phản hồi của Quý khách trong một thời gian. Quý khách có thể mở lại phiếu trên cổng thông tin:` },
    bulkDigest: {
      subject: (n, c) => `${n} phiếu hỗ trợ mới trong ${c} từ một lần nhập hàng loạt`,
      body: (n, c, list, more) => `${n} phiếu hỗ trợ mới trong ${c} từ một lần nhập hàng loạt: ${list}${more ? ` và ${more} phiếu khác` : ''}.`,
      list: 'Mở hàng đợi:',
    },
  },
  bg: {
    status: { new: 'Нов', in_progress: 'В процес', waiting_on_customer: 'Чака клиента', resolved: 'Решен', closed: 'Затворен' },
    field: { title: 'заглавие', description: 'описание', typeFields: 'подробности' },
    open: 'Отворете тикета:',
    hello: (name) => `Здравейте, ${name},`,
    regards: 'С уважение',
    newTicket: { subject: (t, c) => `[${t.number}] Нов тикет в ${c}: ${t.title}`, intro: (c) => `В опашката ${c} чака нов тикет.`, customer: 'Клиент:', priority: 'Приоритет:' },
    escalated: { subject: (t, l) => `[${t.number}] Тикетът е ескалиран до ниво ${l}: ${t.title}`, intro: (a, l) => `${a} ескалира тикета до ниво ${l}.`, reason: 'Причина:' },
    clientUpdate: { subject: (t) => `[${t.number}] Клиентът обнови ескалиран тикет: ${t.title}`, intro: (a, l) => `${a} обнови ескалирания тикет (ниво ${l}).`, message: 'Съобщение:', attachment: 'Прикачен файл:', status: 'Статус:', edit: 'Редактирано:' },
    reply: { subject: (t) => `[${t.number}] Нов отговор по Вашия тикет: ${t.title}`, wrote: (a, t) => `${a} отговори по Вашия тикет ${t.number} „${t.title}“:`, attached: (a, t, f) => `${a} прикачи файла ${f} към Вашия тикет ${t.number} „${t.title}“.` },
    waiting: { subject: (t) => `[${t.number}] Очакваме Вашия отговор: ${t.title}`, body: (t) => `За да продължим работата по тикет ${t.number} „${t.title}“, имаме нужда от още информация от Вас. Моля, отговорете в портала:` },
    resolved: { subject: (t) => `[${t.number}] Вашият тикет е решен: ${t.title}`, body: (t) => `Тикет ${t.number} „${t.title}“ е отбелязан като решен. Ако проблемът продължава, можете да го отворите отново, а също и да оцените нашето обслужване:` },
    autoClosed: { subject: (t) => `[${t.number}] Вашият тикет беше затворен: ${t.title}`, body: (t) => `Тикет ${t.number} „${t.title}“ беше затворен автоматично, защото известно време не получихме отговор от Вас. Можете да го отворите отново в портала:` },
    bulkDigest: {
      subject: (n, c) => `${n} ${n === 1 ? 'нов тикет' : 'нови тикета'} в ${c} от масов импорт`,
      body: (n, c, list, more) => `${n} ${n === 1 ? 'нов тикет' : 'нови тикета'} в ${c} от масов импорт: ${list}${more ? ` и още ${more}` : ''}.`,
      list: 'Отворете опашката:',
    },
  },
  zh: {
    status: { new: '新建', in_progress: '处理中', waiting_on_customer: '等待客户', resolved: '已解决', closed: '已关闭' },
    field: { title: '标题', description: '描述', typeFields: '详细信息' },
    open: '打开工单：',
    hello: (name) => `${name}，您好：`,
    regards: '此致敬礼',
    newTicket: { subject: (t, c) => `[${t.number}] ${c} 有新工单：${t.title}`, intro: (c) => `队列「${c}」中有一个新工单。`, customer: '客户：', priority: '优先级：' },
    escalated: { subject: (t, l) => `[${t.number}] 工单已升级至第 ${l} 级：${t.title}`, intro: (a, l) => `${a} 将工单升级至第 ${l} 级。`, reason: '原因：' },
    clientUpdate: { subject: (t) => `[${t.number}] 客户更新了已升级的工单：${t.title}`, intro: (a, l) => `${a} 更新了已升级的工单（第 ${l} 级）。`, message: '留言：', attachment: '附件：', status: '状态：', edit: '已修改：' },
    reply: { subject: (t) => `[${t.number}] 您的工单有新回复：${t.title}`, wrote: (a, t) => `${a} 回复了您的工单 ${t.number}「${t.title}」：`, attached: (a, t, f) => `${a} 在您的工单 ${t.number}「${t.title}」中附加了文件 ${f}。` },
    waiting: { subject: (t) => `[${t.number}] 我们正在等待您的回复：${t.title}`, body: (t) => `为继续处理工单 ${t.number}「${t.title}」，我们需要您提供更多信息。请在客户门户中回复：` },
    resolved: { subject: (t) => `[${t.number}] 您的工单已解决：${t.title}`, body: (t) => `工单 ${t.number}「${t.title}」已标记为已解决。如问题仍然存在，您可以重新打开工单，也欢迎您为我们的服务评分：` },
    autoClosed: { subject: (t) => `[${t.number}] 您的工单已关闭：${t.title}`, body: (t) => `由于一段时间内未收到您的回复，工单 ${t.number}「${t.title}」已自动关闭。您可以在客户门户中重新打开：` },
    bulkDigest: {
      subject: (n, c) => `${c} 有 ${n} 个来自批量导入的新工单`,
      body: (n, c, list, more) => `${c} 有 ${n} 个来自批量导入的新工单：${list}${more ? ` 等，另有 ${more} 个` : ''}。`,
      list: '打开队列：',
    },
  },
};

export interface MailText {
  subject: string;
  text: string;
}
const mail = (subject: string, lines: (string | null)[]): MailText => ({ subject, text: lines.filter((l) => l !== null).join('\n') });

/** TKT-8, to each responsible staff member of the component. */
export function newTicketMail(lang: MailLanguage, t: TicketRef & { component: string; customer: string; priority: number; description: string }, link: string) {
  const w = WORDS[lang];
  return mail(w.newTicket.subject(t, t.component), [w.newTicket.intro(t.component), `${w.newTicket.customer} ${t.customer}`, `${w.newTicket.priority} ${t.priority}`, '', t.description, '', `${w.open} ${link}`]);
}

/** TKT-7, to the processor and the component's managers when a ticket is escalated. */
export function escalatedMail(lang: MailLanguage, t: TicketRef, v: { actor: string; level: number; reason: string | null }, link: string) {
  const w = WORDS[lang];
  return mail(w.escalated.subject(t, v.level), [w.escalated.intro(v.actor, v.level), v.reason ? `${w.escalated.reason} ${v.reason}` : null, '', `${w.open} ${link}`]);
}

/** TKT-7, to the processor and the component's managers when the client touches an escalated ticket. */
export function clientUpdateMail(lang: MailLanguage, t: TicketRef, v: { actor: string; level: number; reason: string | null; change: ClientChange }, link: string) {
  const w = WORDS[lang];
  const c = v.change;
  const what =
    c.kind === 'message' ? [w.clientUpdate.message, c.body]
    : c.kind === 'attachment' ? [`${w.clientUpdate.attachment} ${c.file}`]
    : c.kind === 'status' ? [`${w.clientUpdate.status} ${w.status[c.from] ?? c.from} → ${w.status[c.to] ?? c.to}`]
    : [`${w.clientUpdate.edit} ${c.fields.map((f) => w.field[f] ?? f).join(', ')}`];
  return mail(w.clientUpdate.subject(t), [w.clientUpdate.intro(v.actor, v.level), v.reason ? `${w.escalated.reason} ${v.reason}` : null, '', ...what, '', `${w.open} ${link}`]);
}

/** To the client: a public staff reply (its text is public) or a public file (its name only). */
export function replyMail(lang: MailLanguage, t: TicketRef, v: { recipient: string; author: string; body: string; file: string | null }, link: string) {
  const w = WORDS[lang];
  const content = v.file ? [w.reply.attached(v.author, t, v.file)] : [w.reply.wrote(v.author, t), '', v.body];
  return mail(w.reply.subject(t), [w.hello(v.recipient), '', ...content, '', `${w.open} ${link}`, '', w.regards]);
}

/** To the client when the ticket waits on them, is resolved, or was auto-closed (TKT-6). */
export function clientStatusMail(lang: MailLanguage, kind: 'waiting' | 'resolved' | 'autoClosed', t: TicketRef, recipient: string, link: string) {
  const w = WORDS[lang];
  return mail(w[kind].subject(t), [w.hello(recipient), '', w[kind].body(t), link, '', w.regards]);
}

/** TKT-8 for a bulk import: one mail per component and staff member, naming the first numbers. */
export function bulkDigestMail(lang: MailLanguage, v: { count: number; component: string; numbers: string[] }, link: string) {
  const w = WORDS[lang].bulkDigest;
  const more = Math.max(0, v.count - v.numbers.length);
  return mail(w.subject(v.count, v.component), [w.body(v.count, v.component, v.numbers.join(', '), more), '', `${w.list} ${link}`]);
}
