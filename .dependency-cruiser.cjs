// Import boundaries (issue 9; docs/ARCHITECTURE.md "Boundaries"). `npm run lint` runs this with
// `depcruise server web/src e2e bench scripts`. Table ownership (who may query which table) is
// scripts/check-table-ownership.mjs: imports alone cannot tell.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      severity: 'error',
      comment:
        'A module imports another module only through its index.ts (what it chose to offer). ' +
        'Exception: a *.tables.ts may import another module\'s *.tables.ts for a foreign-key reference.',
      from: { path: '^server/src/modules/([^/]+)/', pathNot: ['^server/src/modules/[^/]+/[^/]+[.]tables[.]ts$', '/__tests__/'] },
      to: { path: '^server/src/modules/([^/]+)/', pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index[.]ts$'] },
    },
    {
      name: 'module-internals',
      severity: 'error',
      comment: 'A test reaches another module through its index.ts, or shares that module\'s test helpers (__tests__/).',
      from: { path: '^server/src/modules/([^/]+)/__tests__/' },
      to: { path: '^server/src/modules/([^/]+)/', pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index[.]ts$', '^server/src/modules/[^/]+/__tests__/'] },
    },
    {
      name: 'tables-only-reference-tables',
      severity: 'error',
      comment: 'A *.tables.ts reaches into another module only for a foreign key: it imports nothing but that module\'s *.tables.ts.',
      from: { path: '^server/src/modules/([^/]+)/[^/]+[.]tables[.]ts$' },
      to: { path: '^server/src/modules/([^/]+)/', pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/[^/]+[.]tables[.]ts$'] },
    },
    {
      name: 'platform-imports-no-module',
      severity: 'error',
      comment: 'platform/ is cross-cutting: modules plug into it (module.ts, registry.ts), it never imports them.',
      from: { path: '^server/src/platform/' },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'routes-no-sql',
      severity: 'error',
      comment: 'A *.routes.ts validates, calls one use case and shapes the answer: no SQL, so no drizzle-orm.',
      from: { path: '[.]routes[.]ts$' },
      to: { path: '(^|/)node_modules/drizzle-orm/' },
    },
    {
      name: 'routes-use-no-repository',
      severity: 'error',
      comment: 'A *.routes.ts validates, calls one use case and shapes the answer: no repository, no SQL (drizzle-orm).',
      from: { path: '[.]routes[.]ts$' },
      to: { path: '[.]repository[.]ts$' },
    },
    {
      name: 'index-exports-no-tables',
      severity: 'error',
      comment:
        'index.ts offers intent-level functions and scope subqueries, never its table objects ' +
        '(another module\'s tables file imports the *.tables.ts directly for a foreign key).',
      from: { path: '^server/src/modules/[^/]+/index[.]ts$' },
      to: { path: '[.]tables[.]ts$', dependencyTypes: ['export'] },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      comment:
        'No import cycle that runs code: files (and, in scripts/check-table-ownership.mjs, module folders) depend on each other ' +
        'in one direction. Cycles made only of `import type` (erased at run time) are tolerated: 2 today, platform/context.ts with module.ts and notifications.ts.',
      from: { path: '^(server|web|e2e|bench|scripts)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'web-imports-no-server',
      severity: 'error',
      comment:
        'The web talks to the server over HTTP only; shared shapes come from the API types, not from server/. ' +
        'Tests run in Node and may read server catalogues (every problem code translated, one language list).',
      from: { path: '^web/', pathNot: '[.]test[.]tsx?$' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^web/dist/', '^server/migrations/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
