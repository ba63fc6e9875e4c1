/** Small markdown helpers so every benchmark writes the same kind of tables into docs/benchmarks.md. */
export type Cell = string | number;
export type Align = 'left' | 'right';

function escapeCell(value: Cell): string {
  return String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A GitHub-flavoured table; numbers right-aligned unless told otherwise. */
export function table(headers: string[], rows: Cell[][], align?: Align[]): string {
  const alignment = headers.map((_, i) => align?.[i] ?? (rows.every((r) => typeof r[i] === 'number' || /^[\d.,×%+-]/.test(String(r[i]))) ? 'right' : 'left'));
  const head = `| ${headers.map(escapeCell).join(' | ')} |`;
  const rule = `|${alignment.map((a) => (a === 'right' ? '---:' : ':---')).join('|')}|`;
  const body = rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

export const fmt = {
  /** 12 345 */
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  /** Milliseconds with a precision that suits the size. */
  ms: (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)),
  ratio: (n: number) => `${n.toFixed(2)}×`,
  percent: (n: number) => `${(n * 100).toFixed(0)} %`,
  us: (n: number) => `${n.toFixed(0)} µs`,
};

export interface Section {
  title: string;
  /** Markdown: what was measured, the tables, and the reading. */
  body: string;
}

export interface ReportInput {
  title: string;
  /** "key: value" lines of the header (date, machine, versions, …). */
  meta: [string, string][];
  preface?: string;
  sections: Section[];
}

export function renderReport(input: ReportInput): string {
  const parts = [`# ${input.title}`, input.meta.map(([k, v]) => `- **${k}:** ${v}`).join('\n')];
  if (input.preface) parts.push(input.preface);
  for (const section of input.sections) parts.push(`## ${section.title}`, section.body.trim());
  return `${parts.join('\n\n')}\n`;
}
