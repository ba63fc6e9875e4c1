import sanitizeHtml from 'sanitize-html';

/**
 * Rich text written in the web editor (knowledge-base answers), stored as HTML that is safe to render
 * as it is. An allowlist, not a blocklist (sanitize-html, maintained): only the markup the editor
 * produces survives — headings, paragraphs, lists, tables, code, quotes, links and images — with no
 * attribute that can run or load anything else:
 * - no `style`, no `class`, no event handlers, no `<svg>`, `<iframe>`, `<object>`, `<form>`, `<script>`
 *   (their content is dropped, not kept as text);
 * - links keep http(s) and mailto targets only (no `javascript:`/`data:`), open in a new tab and carry
 *   `rel="noopener noreferrer nofollow"`;
 * - images only from the app's own files platform (`/api/v1/files/<id>`), never a third-party address a
 *   reader's browser would be made to fetch.
 */
export const FILE_IMAGE_SRC = /^\/api\/v1\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'u', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'target', 'rel'], img: ['src', 'alt', 'title'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed', 'template'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }),
    h1: 'h2',
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !FILE_IMAGE_SRC.test(frame.attribs.src ?? ''),
};

/** Any HTML → the allowlisted subset above. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** The text of sanitised HTML, for search and snippets: block ends become spaces, entities decoded. */
export function richTextToPlain(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h[1-6]|li|td|th|tr|pre|blockquote)>|<br\s*\/?>/gi, ' $&'), { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The files an answer shows (image sources on the files platform): who may see the article may see them. */
export function referencedFileIds(html: string): string[] {
  const ids = new Set<string>();
  for (const match of html.matchAll(/<img[^>]+src="([^"]+)"/g)) {
    const id = FILE_IMAGE_SRC.exec(match[1])?.[1];
    if (id) ids.add(id.toLowerCase());
  }
  return [...ids];
}
