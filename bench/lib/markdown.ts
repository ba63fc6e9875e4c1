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
  /** Rendered sections (renderSection), in report order. */
  sections: string[];
}

const MARKER = /^<!-- scenario:([\w-]+) -->$/m;

/** One scenario's section, marked so a later `--only` run can replace it and keep the others. */
export function renderSection(scenario: string, section: Section, runLine: string): string {
  return [`<!-- scenario:${scenario} -->`, `## ${section.title}`, `_${runLine}_`, section.body.trim()].join('\n\n');
}

/** The marked sections of an existing report, by scenario name. */
export function parseSections(report: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = report.split(/(?=^<!-- scenario:[\w-]+ -->$)/m);
  for (const part of parts) {
    const match = MARKER.exec(part);
    if (match && part.startsWith('<!--')) sections.set(match[1], part.trim());
  }
  return sections;
}

export function renderReport(input: ReportInput): string {
  const parts = [`# ${input.title}`, input.meta.map(([k, v]) => `- **${k}:** ${v}`).join('\n')];
  if (input.preface) parts.push(input.preface);
  parts.push(...input.sections);
  return `${parts.join('\n\n')}\n`;
}
