/**
 * Search words and snippets, folded the way the database's search_fold() folds (lower case, accents
 * removed, đ → d), so "hoa don" marks "hóa đơn" in the snippet exactly where the search matched it.
 */

const folded = new Map<string, string>();

/**
 * One character folded: its base letters without marks (may be empty for a lone combining mark).
 * ASCII is lower-cased directly and other characters are remembered: a snippet folds a whole answer
 * character by character, and normalize() per character was most of a search's time.
 */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  let f = folded.get(c);
  if (f === undefined) {
    f = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/ß/g, 'ss');
    if (folded.size < 50_000) folded.set(c, f);
  }
  return f;
}

/** A whole string folded. */
export function fold(text: string): string {
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

/** The words of a question, folded; CJK runs stay whole (they are matched as substrings). */
export function wordsOf(q: string, max = 8): string[] {
  const words = fold(q).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2 || /\p{Script=Han}/u.test(w));
  return [...new Set(words)].slice(0, max);
}

/**
 * Words too common to say what a conversation is about (four languages, folded): left out of
 * suggestions, where every word of a ticket is a candidate. Han characters carry their own meaning.
 */
const STOPWORDS = new Set(
  (
    'the a an and or but to of in on at for from by with about as is are was were be been am it its this that these those ' +
    'i me my we our you your he she they them their can cannot cant could would should will not no yes do does did dont ' +
    'have has had please thanks thank hello hi dear any update there here what when how why which who get got need want still ' +
    'khong duoc khi thi la va co cua cho toi ban nay da se mot cac nhung voi de bi o ra vao len nao gi roi nhu cung rat lam ' +
    'duoi tren trong ngoai sau truoc minh chung chi anh em ong ba vui long cam on xin chao ' +
    'и в на за не се да е с от по че са ще как какво има няма ми ни ви то той тя те ако или но при към до след беше бъде моля благодаря здравейте'
  ).split(/\s+/),
);

/** A conversation's telling words and the adjacent pairs among them (phrases: "hoa don"), for suggestions. */
export function questionTerms(text: string, maxWords = 14, maxPhrases = 8): { words: string[]; phrases: string[] } {
  // Chinese is written without spaces: a run of Han characters counts as its overlapping pairs ("发票金额" → 发票, 票金, 金额).
  const hanPairs = (run: string) => (run.length <= 2 ? [run] : [...run].slice(0, -1).map((c, i) => c + [...run][i + 1]));
  const tokens = fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .flatMap((t) => t.split(/(\p{Script=Han}+)/u).filter(Boolean))
    .flatMap((t) => (/\p{Script=Han}/u.test(t) ? hanPairs(t) : [t]));
  const telling = (w: string) => !STOPWORDS.has(w) && (w.length >= 2 || /\p{Script=Han}/u.test(w)) && !/^\d+$/.test(w);
  const words = [...new Set(tokens.filter(telling))].slice(0, maxWords);
  const phrases = new Set<string>();
  for (let i = 0; i + 1 < tokens.length && phrases.size < maxPhrases; i++) {
    const latin = (w: string) => !/\p{Script=Han}/u.test(w);
    if (telling(tokens[i]) && telling(tokens[i + 1]) && latin(tokens[i]) && latin(tokens[i + 1])) phrases.add(`${tokens[i]} ${tokens[i + 1]}`);
  }
  return { words, phrases: [...phrases] };
}

/** One piece of snippet text, matched or not. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Up to `size` characters of `text` around its first match of any word, the matches marked. Without a
 * match, the text's beginning. Parts, not HTML: the client renders them as text (nothing to escape).
 */
export function snippet(text: string, words: string[], size = 220, wholeWords = false): SnippetPart[] {
  // The first matches are in the first pages of an answer, if anywhere: no need to fold a whole book.
  const chars = [...text.slice(0, 20_000)];
  // folded[i] comes from chars[origin[i]]
  let folded = '';
  const origin: number[] = [];
  chars.forEach((c, i) => {
    const f = foldChar(c);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
  });
  const ranges: [number, number][] = [];
  for (const word of words) {
    if (!word) continue;
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      const bounded = !wholeWords || /\p{Script=Han}/u.test(word) || (!/[\p{L}\p{N}]/u.test(folded[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(folded[at + word.length] ?? ' '));
      if (bounded) ranges.push([origin[at], origin[at + word.length - 1] + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(size / 4), chars.length - size));
  const end = Math.min(chars.length, start + size);
  const parts: SnippetPart[] = [];
  let cursor = start;
  const push = (from: number, to: number, match: boolean) => {
    if (to > from) parts.push({ text: chars.slice(from, to).join(''), match });
  };
  if (start > 0) parts.push({ text: '…', match: false });
  for (const [from, to] of ranges) {
    if (to <= cursor || from >= end) continue;
    push(cursor, Math.max(cursor, from), false);
    push(Math.max(cursor, from), Math.min(to, end), true);
    cursor = Math.min(to, end);
  }
  push(cursor, end, false);
  if (end < chars.length) parts.push({ text: '…', match: false });
  return parts;
}
