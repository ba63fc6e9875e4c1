import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { platformProblems, type ProblemDefinition } from '../src/platform/http/problems.ts';
import { filesUnder } from './source-files.ts';

export const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

export interface CataloguedProblem extends ProblemDefinition {
  code: string;
  /** The catalogue file, relative to server/src. */
  file: string;
}

/** Every module's `modules/<m>/<m>.problems.ts`: a module with codes and no such file is caught by the source scan. */
export function catalogueFiles(): string[] {
  const modules = path.join(serverSrc, 'modules');
  return fs
    .readdirSync(modules, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .flatMap((m) => fs.readdirSync(path.join(modules, m)).filter((f) => f.endsWith('.problems.ts')).map((f) => path.join('modules', m, f)));
}

/** The platform's catalogue and every module's, merged; a code declared by two catalogues is an error. */
export async function loadProblemCatalogues(): Promise<Map<string, CataloguedProblem>> {
  const all = new Map<string, CataloguedProblem>();
  const add = (file: string, catalogue: Record<string, ProblemDefinition>) => {
    for (const [code, definition] of Object.entries(catalogue)) {
      const existing = all.get(code);
      if (existing) throw new Error(`problem code "${code}" is declared in ${existing.file} and in ${file}`);
      all.set(code, { ...definition, code, file });
    }
  };
  add('platform/http/problems.ts', platformProblems);
  for (const file of catalogueFiles()) {
    const exports = (await import(pathToFileURL(path.join(serverSrc, file)).href)) as Record<string, unknown>;
    const catalogues = Object.entries(exports).filter(([name]) => name.endsWith('Problems'));
    if (catalogues.length !== 1) throw new Error(`${file} must export exactly one <name>Problems catalogue`);
    add(file, catalogues[0][1] as Record<string, ProblemDefinition>);
  }
  return all;
}

const sourceFiles = (dir: string) => filesUnder(dir, (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'), ['__tests__']);

/**
 * The codes the server's sources answer with, found by their shapes: `new AppError('x', …)`,
 * `conflict('x', …)`, `unprocessable('x', …)`, `problem(request, 404, 'x', …)` and the error
 * handler's `{ status, code: 'x' }` — with the status each is thrown with where it is written.
 */
export function thrownCodes(): Map<string, { statuses: Set<number>; files: Set<string> }> {
  const found = new Map<string, { statuses: Set<number>; files: Set<string> }>();
  const note = (code: string, status: number | null, file: string) => {
    const entry = found.get(code) ?? { statuses: new Set(), files: new Set() };
    if (status !== null) entry.statuses.add(status);
    entry.files.add(path.relative(serverSrc, file));
    found.set(code, entry);
  };
  for (const file of sourceFiles(serverSrc)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new AppError\(\s*'([a-z_]+)',\s*(\d{3})/g)) note(m[1], Number(m[2]), file);
    for (const m of text.matchAll(/\b(conflict|unprocessable)\(\s*'([a-z_]+)'/g)) note(m[2], m[1] === 'conflict' ? 409 : 422, file);
    for (const m of text.matchAll(/\bproblem\(\s*\w+,\s*(\d{3}),\s*'([a-z_]+)'/g)) note(m[2], Number(m[1]), file);
    for (const m of text.matchAll(/\{\s*status:\s*(\d{3}),\s*code:\s*'([a-z_]+)'/g)) note(m[2], Number(m[1]), file);
  }
  return found;
}
