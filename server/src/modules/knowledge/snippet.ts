/**
 * Search words and snippets, folded the way the database's search_fold() folds (lower case, accents
 * removed, đ → d), so "hoa don" marks "hóa đơn" in the snippet exactly where the search matched it.
 */

/** One character folded: its base letters without marks (may be empty for a lone combining mark). */
function foldChar(c: string): string {
  return c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/ß/g, 'ss');
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

/** A piece of snippet text, matched or not. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Up to `size` characters of `text` around its first match of any word, the matches marked. Without a
 * match, the text's beginning. Parts, not HTML: the client renders them as text (nothing to escape).
 */
export function snippet(text: string, words: string[], size = 220): SnippetPart[] {
  const chars = [...text];
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
      ranges.push([origin[at], origin[at + word.length - 1] + 1]);
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
