import MarkdownIt from 'markdown-it';

/**
 * The Markdown subset users type in messages, descriptions and articles, rendered to HTML that is
 * safe to hand to the browser as it is:
 * - `html: false`: any tag typed (`<script>`, `<img onerror>`) is escaped text, never markup;
 * - links and images keep only http(s) and mailto targets, so `javascript:`/`data:` never survive;
 * - images are not rendered (an `![x](url)` stays a link): a message cannot make the reader's browser
 *   fetch a third-party address; uploads show through the conversation's own previews instead;
 * - every link opens in a new tab with `rel="noopener noreferrer nofollow"`.
 */
const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false });
md.disable(['image', 'table', 'heading', 'lheading', 'hr', 'html_block', 'html_inline']);

const SAFE_LINK = /^(https?:|mailto:)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim());

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Markdown subset → safe HTML (see above). Empty text renders as an empty string. */
export function renderMarkdown(text: string): string {
  if (!text.trim()) return '';
  return md.render(text).trim();
}

/** Plain text for e-mails and previews: the same text with Markdown's markers left as typed. */
export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
