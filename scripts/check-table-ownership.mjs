#!/usr/bin/env node
// Table ownership (issue 9): a module reads and writes only its own tables. Another module's data is
// reached through the intent-level functions and scope subqueries its index.ts exports
// (e.g. identity's `usersOfTeams`, customers' `customerIdsVisibleTo`).
//
// Every `pgTable('name', …)` in `server/src/modules/<m>/*.tables.ts` makes `name` a table of `<m>`.
// A non-test file of module X fails when it
//   1. imports another module's table object (except a `*.tables.ts` importing another `*.tables.ts`
//      for a foreign-key reference), or an index.ts re-exports its own table objects;
//   2. names another module's table in raw SQL: `from t`, `join t`, `into t`, `update t` inside a
//      sql`…` template,
// and the run fails when module folders import each other in a cycle (runtime imports; a tables
// file's foreign-key import and `import type` aside),
// unless the enclosing function's name starts with `unsafe` (see below) or the file is on the
// temporary allow-list.
//
// `unsafe…`: a deliberately unscoped read or write that only the owner may offer (the nightly sweeps,
// which run as no actor, and the like). The owner names it so, comments why, and exports it through
// index.ts; the prefix also exempts it here because such a function may need to join the tables of
// the modules whose subqueries it is handed. Platform tables (history, outbox, files, …) belong to
// no module and are not checked. Tests and demo seeds arrange their data directly and are not checked either.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const modulesDir = join(root, 'server/src/modules');


/**
 * Demo data (`seed.ts`, run once in the one seeding transaction) arranges rows across modules the way
 * test factories do, and is not checked: it is not a read or write path of the running product.
 */
const isSeed = (path) => /\/seed\.ts$/.test(path);

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
const rel = (path) => relative(root, path).split(sep).join('/');
const moduleOf = (path) => rel(path).match(/^server\/src\/modules\/([^/]+)\//)?.[1] ?? null;

const files = walk(modulesDir).filter((f) => f.endsWith('.ts') && !f.includes(`${sep}__tests__${sep}`) && !f.endsWith('.test.ts'));
const parse = (file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

// ── 1. who owns which table ──────────────────────────────────────────────────────────────────
/** sql name → owning module; exported identifier → { module, table } per module. */
const ownerOfTable = new Map();
const tableObjects = new Map(); // `${module}:${identifier}` → sql name
for (const file of files.filter((f) => f.endsWith('.tables.ts'))) {
  const mod = moduleOf(file);
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isCallExpression(node.initializer)) {
      const call = node.initializer;
      const [first] = call.arguments;
      if (ts.isIdentifier(call.expression) && call.expression.text === 'pgTable' && first && ts.isStringLiteral(first)) {
        ownerOfTable.set(first.text, mod);
        if (ts.isIdentifier(node.name)) tableObjects.set(`${mod}:${node.name.text}`, first.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
}

// ── 2. every module file ─────────────────────────────────────────────────────────────────────
const problems = [];
const tableNames = [...ownerOfTable.keys()].sort((a, b) => b.length - a.length);
const mention = new RegExp(`\\b(from|join|into|update)\\s+"?(${tableNames.join('|')})"?(?![\\w."])`, 'gi');

/** The names of the functions around a node, innermost first. */
function enclosingNames(node) {
  const names = [];
  for (let n = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) names.push(n.name.getText());
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && n.parent) {
      const p = n.parent;
      if ((ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) && p.name) names.push(p.name.getText());
    }
  }
  return names;
}

/** The static text of a sql`…` template (what is outside `${…}`). */
function sqlText(node) {
  const tag = node.tag;
  const tagName = ts.isIdentifier(tag) ? tag.text : ts.isPropertyAccessExpression(tag) ? tag.getText() : '';
  if (tagName !== 'sql') return null;
  const t = node.template;
  if (ts.isNoSubstitutionTemplateLiteral(t)) return t.text;
  return [t.head.text, ...t.templateSpans.map((s) => s.literal.text)].join(' ${…} ');
}

/** module → (module it imports → the first file that does). */
const moduleEdges = new Map();
for (const file of files) {
  const mod = moduleOf(file);
  const path = rel(file);
  if (!mod || isSeed(path)) continue;
  const source = parse(file);
  const at = (node) => `${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  for (const stmt of source.statements) {
    // The module graph: runtime imports into another module folder (a tables file's foreign-key import aside).
    if ((ts.isImportDeclaration(stmt) || ts.isExportDeclaration(stmt)) && stmt.moduleSpecifier?.text.startsWith('.') && !isSeed(path)) {
      const spec = stmt.moduleSpecifier.text;
      const target = moduleOf(join(file, '..', spec));
      const typeOnly = ts.isImportDeclaration(stmt) ? stmt.importClause?.isTypeOnly : stmt.isTypeOnly;
      const fk = path.endsWith('.tables.ts') && spec.endsWith('.tables.ts');
      if (target && target !== mod && !typeOnly && !fk) {
        if (!moduleEdges.has(mod)) moduleEdges.set(mod, new Map());
        if (!moduleEdges.get(mod).has(target)) moduleEdges.get(mod).set(target, path);
      }
    }
    const isImport = ts.isImportDeclaration(stmt);
    const isReExport = ts.isExportDeclaration(stmt) && stmt.moduleSpecifier;
    if (!isImport && !isReExport) continue;
    const spec = stmt.moduleSpecifier.text;
    // The module an import points at: '../customers/…', '../../customers/…' or './…' (own).
    const target = spec.startsWith('.') ? moduleOf(join(file, '..', spec)) : null;
    if (!target) continue;
    const names = isImport
      ? [...(stmt.importClause?.namedBindings && ts.isNamedImports(stmt.importClause.namedBindings) ? stmt.importClause.namedBindings.elements : [])]
      : [...(stmt.exportClause && ts.isNamedExports(stmt.exportClause) ? stmt.exportClause.elements : [])];
    for (const el of names) {
      const imported = (el.propertyName ?? el.name).text;
      const table = tableObjects.get(`${target}:${imported}`);
      if (!table) continue;
      if (isReExport && path.endsWith('/index.ts')) {
        problems.push(`${at(stmt)}  index.ts re-exports table \`${imported}\` (${table}); export intent-level functions or scope subqueries instead`);
      } else if (target !== mod && !(path.endsWith('.tables.ts') && spec.endsWith('.tables.ts'))) {
        problems.push(`${at(stmt)}  ${mod} imports table \`${imported}\` (${table}) of module ${target}; call a function its index.ts exports instead`);
      }
    }
  }

  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node)) {
      const text = sqlText(node);
      if (text) {
        for (const m of text.matchAll(mention)) {
          const table = m[2].toLowerCase();
          const owner = ownerOfTable.get(table);
          if (owner === mod) continue;
          if (enclosingNames(node).some((n) => n.startsWith('unsafe'))) continue;
          problems.push(`${at(node)}  ${mod} queries \`${table}\` of module ${owner} ("${m[0].trim()}"); call a function its index.ts exports instead`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

// ── 3. no cycle between module folders ──────────────────────────────────────────────────────
const seen = new Set();
const cycles = new Set();
const stack = [];
function dfs(m) {
  if (stack.includes(m)) {
    const cycle = [...stack.slice(stack.indexOf(m)), m];
    const key = [...cycle.slice(0, -1)].sort().join(',');
    if (!cycles.has(key)) {
      cycles.add(key);
      const via = cycle.slice(0, -1).map((from, k) => `${from} → ${cycle[k + 1]} (${moduleEdges.get(from).get(cycle[k + 1])})`);
      problems.push(`module cycle: ${via.join(', ')}; one side should learn of the other through an event or a parameter`);
    }
    return;
  }
  if (seen.has(m)) return;
  stack.push(m);
  for (const next of moduleEdges.get(m)?.keys() ?? []) dfs(next);
  stack.pop();
  seen.add(m);
}
for (const m of moduleEdges.keys()) dfs(m);

if (problems.length) {
  console.error(`Table ownership: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  console.error('\nA module queries only its own tables (scripts/check-table-ownership.mjs explains the rule and its exceptions).');
  process.exit(1);
}
const edgeCount = [...moduleEdges.values()].reduce((n, m) => n + m.size, 0);
console.log(`Table ownership: ${ownerOfTable.size} tables in ${new Set(ownerOfTable.values()).size} modules, ${files.length} files checked, no problems; ${edgeCount} module dependencies, no cycle.`);
