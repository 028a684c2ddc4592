/**
 * `npm run lint` (1 of 2): import cycles and layer rules, from dependency-cruiser.
 * Layers: library code (harness/, mocks/, schemas/, index.ts) never imports the CLI; emulators never
 * import the bridge or the control plane; the bridge never imports an emulator.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle (type-only ones too): one side must get the other injected.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'library-not-cli',
      severity: 'error',
      comment: 'Library code never imports harness/cli/: the CLI is a thin shell over the library.',
      from: { path: '^(harness|mocks|schemas)/', pathNot: '^harness/cli/' },
      to: { path: '^harness/cli/' },
    },
    {
      name: 'emulator-not-bridge',
      severity: 'error',
      comment: 'An ATS emulator talks to the bridge over HTTP only.',
      from: { path: '^mocks/(?!msw/)' },
      to: { path: '^harness/(bridge|control-plane|scenarios|cli)/' },
    },
    {
      name: 'bridge-not-emulator',
      severity: 'error',
      comment: 'The bridge talks to an ATS over HTTP only.',
      from: { path: '^harness/bridge/' },
      to: { path: '^mocks/' },
    },
    {
      name: 'cli-loads-on-demand',
      severity: 'error',
      comment:
        'The CLI entry (so --help) and the light modules it loads import no server code at load time: each command imports what it needs when it runs (dynamic import).',
      from: { path: '^harness/(cli/(main|endpoint)\\.ts|names\\.ts|ats/(registry|manifest)\\.ts|plain-text\\.ts|errors\\.ts|control-plane/client\\.ts|http/request-guard\\.ts)$|^mocks/[^/]+/manifest\\.ts$' },
      to: {
        path: '^(harness/(bridge|emulator|scenarios|store|schemas|services\\.ts|sandbox\\.ts|control-plane/(app|troubleshooting)\\.ts|ats/sides\\.ts)|mocks/(?![^/]+/manifest\\.ts$))|(^|/)node_modules/(express|ajv|lowdb|@pact-foundation)/',
        dependencyTypesNot: ['dynamic-import', 'type-only', 'type-import'],
      },
    },
    {
      name: 'not-to-tests',
      severity: 'error',
      comment: 'Shipped code never imports tests or test fixtures.',
      from: { path: '^(harness|mocks|schemas|index\\.ts)', pathNot: '\\.test\\.ts$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|schemas/generated/.*\\.json)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['ats-sandbox-source', 'import', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
