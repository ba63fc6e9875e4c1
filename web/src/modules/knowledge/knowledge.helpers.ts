/**
 * Pure helpers of the knowledge base pages (no React): the category tree as select options, a
 * category's name in the reader's language, and the snippet parts of a search result.
 */

export interface CategoryLike {
  id: string;
  parentId: string | null;
  slug: string;
  names: Record<string, string | undefined>;
  position: number;
}

/** A category's name in `language`, else English, else its slug. */
export function categoryName(category: CategoryLike, language: string): string {
  return category.names[language]?.trim() || category.names.en?.trim() || category.slug;
}

export interface CategoryOption {
  value: string;
  label: string;
  depth: number;
}

const byPosition = (language: string) => (a: CategoryLike, b: CategoryLike) =>
  a.position - b.position || categoryName(a, language).localeCompare(categoryName(b, language));

/**
 * The categories in tree order: each top-level category (by position, then name) followed by its
 * children (`depth` 1: the select indents them). A child whose parent is missing is shown at the top level rather than lost.
 */
export function categoryOptions(categories: readonly CategoryLike[], language: string): CategoryOption[] {
  const ids = new Set(categories.map((c) => c.id));
  const sort = byPosition(language);
  const roots = categories.filter((c) => !c.parentId || !ids.has(c.parentId)).sort(sort);
  const out: CategoryOption[] = [];
  const seen = new Set<string>();
  const visit = (category: CategoryLike, depth: number) => {
    if (seen.has(category.id)) return;
    seen.add(category.id);
    out.push({ value: category.id, label: categoryName(category, language), depth });
    for (const child of categories.filter((c) => c.parentId === category.id).sort(sort)) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return out;
}

/**
 * The siblings of a category (the same parent) in their shown order, with the category moved `step`
 * places (-1 up, 1 down, 0 where it is); it stays put at either end.
 */
export function siblingOrder<T extends CategoryLike>(categories: readonly T[], id: string, step: -1 | 0 | 1, language = 'en'): T[] {
  const self = categories.find((c) => c.id === id);
  if (!self) return [];
  const siblings = categories.filter((c) => c.parentId === self.parentId).sort(byPosition(language));
  const from = siblings.indexOf(self);
  const to = Math.min(siblings.length - 1, Math.max(0, from + step));
  siblings.splice(from, 1);
  siblings.splice(to, 0, self);
  return siblings;
}

/** A readable address from a name: lower case, accents and punctuation gone ("Hóa đơn & VAT" → "hoa-don-vat"). */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Snippet parts ready to render: empty parts dropped and neighbours of the same kind joined, so the
 * page makes one <mark> per matched run. The text is rendered as React text, never as HTML.
 */
export function snippetRuns(parts: readonly SnippetPart[]): SnippetPart[] {
  const out: SnippetPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = out[out.length - 1];
    if (last && last.match === part.match) last.text += part.text;
    else out.push({ text: part.text, match: part.match });
  }
  return out;
}

/** The share of "helpful" votes, 0–100, or null without votes. */
export function helpfulPercent(yes: number, no: number): number | null {
  const total = yes + no;
  return total > 0 ? Math.round((yes / total) * 100) : null;
}

/** The URL search params of the list page, without empty values (so the URL stays short). */
export function withParam(params: URLSearchParams, key: string, value: string | null | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((item, i) => item === b[i]) : a === b;

/**
 * A three-way merge of flat records (after a 412): each field the user changed from `base` keeps the
 * user's value; every field they left alone takes `theirs` (what someone else saved meanwhile), so
 * saving again does not silently undo the other person's edit of a field the user never touched.
 */
export function mergeChanged<T extends object>(base: T, mine: T, theirs: T): T {
  const out = { ...mine };
  for (const key of Object.keys(mine) as (keyof T)[]) if (sameValue(mine[key], base[key])) out[key] = theirs[key];
  return out;
}
