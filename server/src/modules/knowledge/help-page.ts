/**
 * The public help centre's HTML (KB-2): server-rendered, so a search engine and a link preview read the
 * title and the answer without running a script — and no script runs at all (its own CSP). The answer
 * is the sanitised HTML stored with the article; everything else is escaped here.
 */
type Language = 'en' | 'vi' | 'bg' | 'zh';

const TEXT: Record<Language, Record<string, string>> = {
  en: { title: 'Help centre', search: 'Search the help centre', go: 'Search', none: 'No article matches.', helpful: 'Was this helpful?', yes: 'Yes', no: 'No', comment: 'What was missing? (optional)', thanks: 'Thank you for your feedback.', stillNeed: 'Still need help? Open a ticket', fallback: 'This article is not available in your language yet; here is the original.', back: 'All articles', other: 'Other languages', results: 'Results for' },
  vi: { title: 'Trung tâm trợ giúp', search: 'Tìm trong trung tâm trợ giúp', go: 'Tìm', none: 'Không có bài viết phù hợp.', helpful: 'Bài viết có hữu ích không?', yes: 'Có', no: 'Không', comment: 'Còn thiếu điều gì? (không bắt buộc)', thanks: 'Cảm ơn bạn đã góp ý.', stillNeed: 'Vẫn cần trợ giúp? Tạo yêu cầu hỗ trợ', fallback: 'Bài viết chưa có bằng ngôn ngữ của bạn; đây là bản gốc.', back: 'Tất cả bài viết', other: 'Ngôn ngữ khác', results: 'Kết quả cho' },
  bg: { title: 'Помощен център', search: 'Търсене в помощния център', go: 'Търси', none: 'Няма подходяща статия.', helpful: 'Полезна ли беше статията?', yes: 'Да', no: 'Не', comment: 'Какво липсваше? (по желание)', thanks: 'Благодарим за обратната връзка.', stillNeed: 'Още имате нужда от помощ? Отворете заявка', fallback: 'Статията още не е преведена на вашия език; това е оригиналът.', back: 'Всички статии', other: 'Други езици', results: 'Резултати за' },
  zh: { title: '帮助中心', search: '搜索帮助中心', go: '搜索', none: '没有匹配的文章。', helpful: '这篇文章有帮助吗？', yes: '有', no: '没有', comment: '缺少什么？（可选）', thanks: '感谢您的反馈。', stillNeed: '仍需帮助？提交工单', fallback: '本文暂无您的语言版本，以下为原文。', back: '全部文章', other: '其他语言', results: '搜索结果：' },
};

export const HELP_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1a1b1e;background:#fff;line-height:1.6}
header{padding:16px 24px;border-bottom:1px solid #8883}main{max-width:820px;margin:0 auto;padding:24px}a{color:#1c7ed6}
form.search{display:flex;gap:8px;margin:16px 0}input[type=search]{flex:1;padding:8px;font-size:16px}button{padding:8px 14px;font-size:15px;cursor:pointer}
table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #ced4da;padding:6px 10px;text-align:left}img{max-width:100%}
li.hit{margin:10px 0}mark{background:#ffe066;color:inherit}.note{padding:8px 12px;border-left:4px solid #fab005;background:#fab00522}
.cat{margin-top:20px}nav.lang a{margin-right:12px}textarea{width:100%;min-height:60px}
@media (prefers-color-scheme:dark){body{color:#e9ecef;background:#1a1b1e}a{color:#74c0fc}table,th,td{border-color:#495057!important}input,textarea{background:#25262b;color:#e9ecef}mark{background:#e67700;color:#fff}}`;

export interface HelpLink {
  title: string;
  href: string;
  snippet?: { text: string; match: boolean }[];
}

function page(language: Language, title: string, description: string, body: string, canonical?: string): string {
  const t = TEXT[language];
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><meta name="description" content="${escapeHtml(description)}">
<meta property="og:title" content="${escapeHtml(title)}"><meta property="og:description" content="${escapeHtml(description)}"><meta property="og:type" content="article">
${canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}">` : ''}<style>${STYLE}</style></head>
<body><header><a href="/help/${language}"><strong>${escapeHtml(t.title)}</strong></a> · <nav class="lang" style="display:inline">${(['en', 'vi', 'bg', 'zh'] as Language[]).map((l) => `<a href="/help/${l}" hreflang="${l}">${l.toUpperCase()}</a>`).join('')}</nav></header>
<main>${body}</main></body></html>`;
}

const searchForm = (language: Language, q = '') =>
  `<form class="search" method="get" action="/help/${language}"><input type="search" name="q" value="${escapeHtml(q)}" aria-label="${escapeHtml(TEXT[language].search)}" placeholder="${escapeHtml(TEXT[language].search)}"><button type="submit">${escapeHtml(TEXT[language].go)}</button></form>`;

const snippetHtml = (parts: HelpLink['snippet']) => (parts ?? []).map((p) => (p.match ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');

/** The help centre's home or a search's results: categories with their articles. */
export function renderIndex(language: Language, q: string, groups: { name: string; links: HelpLink[] }[]): string {
  const t = TEXT[language];
  const lists = groups
    .filter((g) => g.links.length)
    .map((g) => `<section class="cat"><h2>${escapeHtml(g.name)}</h2><ul>${g.links.map((l) => `<li class="hit"><a href="${escapeHtml(l.href)}">${escapeHtml(l.title)}</a>${l.snippet?.length ? `<br><small>${snippetHtml(l.snippet)}</small>` : ''}</li>`).join('')}</ul></section>`)
    .join('');
  const heading = q ? `<h1>${escapeHtml(t.results)} “${escapeHtml(q)}”</h1>` : `<h1>${escapeHtml(t.title)}</h1>`;
  return page(language, q ? `${t.results} ${q} · ${t.title}` : t.title, t.search, `${heading}${searchForm(language, q)}${lists || `<p>${escapeHtml(t.none)}</p>`}`);
}

export interface HelpArticle {
  id: string;
  title: string;
  body: string;
  description: string;
  language: string;
  slug: string;
  fallbackFrom: string | null;
  translations: { language: string; slug: string; title: string }[];
}

/** One article at its stable address, with "was this helpful?" and the way to a ticket. */
export function renderArticle(reader: Language, a: HelpArticle, origin: string, thanked: boolean): string {
  const t = TEXT[reader];
  const href = `/help/${a.language}/${a.slug}`;
  const others = a.translations.length ? `<p>${escapeHtml(t.other)}: ${a.translations.map((x) => `<a href="/help/${x.language}/${escapeHtml(x.slug)}" hreflang="${x.language}">${escapeHtml(x.title)}</a>`).join(' · ')}</p>` : '';
  const feedback = thanked
    ? `<p class="note">${escapeHtml(t.thanks)}</p>`
    : `<form method="post" action="${escapeHtml(href)}/feedback"><p><strong>${escapeHtml(t.helpful)}</strong></p><textarea name="comment" maxlength="2000" aria-label="${escapeHtml(t.comment)}" placeholder="${escapeHtml(t.comment)}"></textarea><p><button name="helpful" value="yes">${escapeHtml(t.yes)}</button> <button name="helpful" value="no">${escapeHtml(t.no)}</button></p></form>`;
  const body = `<p><a href="/help/${reader}">← ${escapeHtml(t.back)}</a></p>${a.fallbackFrom ? `<p class="note">${escapeHtml(t.fallback)}</p>` : ''}
<article lang="${a.language}"><h1>${escapeHtml(a.title)}</h1>${a.body}</article>${others}<hr>${feedback}
<p><a href="/portal/tickets/new?article=${a.id}">${escapeHtml(t.stillNeed)}</a></p>`;
  return page(reader, `${a.title} · ${t.title}`, a.description.slice(0, 200), body, `${origin}${href}`);
}
