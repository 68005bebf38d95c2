/**
 * The layer map, checked in `npm test` (scripts/test.cjs runs `depcruise electron renderer`). Each rule names
 * the wall a wrong import crosses. Runtime layers:
 *
 *   renderer ──► electron/api (contract, result types) ──► electron/core
 *            └─► electron/core/common (the shared schemas, messages, text and formula)
 *   electron/main, electron/server, electron/cli (composition roots) ──► electron/host ──► api, store, core
 *   electron/store (files on disk) ──► core
 *   electron/core (the domain: no disk, no Node, no Electron, no lowdb)
 *
 * Inside electron/core, capabilities sit in the ordered layers of `coreLayers` below: a folder imports only
 * its own layer's folder and the layers under it (never a sibling of its layer, never one above). The assembled
 * service bag (electron/core/services.ts) sits above them all and only the api, the store and the hosts import
 * it. Type-only imports count (tsPreCompilationDeps).
 *
 * The globals each runtime may use are the typecheck's business, one tsconfig per runtime (tsconfig.json
 * lists them): core ES2023 only, renderer the DOM, main/preload/server/cli/host/store/api Node.
 */

/** The core's layers, lowest first. Folders in the same layer are independent of each other. */
const coreLayers = [
  ['common'],
  ['profiles', 'templates', 'search', 'import', 'seeds'],
  ['reports', 'calendar'],
  ['insight'],
  ['review'],
  ['exchange', 'export'],
  ['settings', 'sync', 'backup'],
  ['demo'],
];
const coreFolders = coreLayers.flat();

/** One rule per wall: core layer `from` may not import `to` (higher, or a sibling in the same layer). */
const coreLayerRules = coreLayers.flatMap((layer, level) =>
  layer.flatMap((from) =>
    coreLayers.flatMap((other, otherLevel) =>
      otherLevel < level
        ? []
        : other
            .filter((to) => to !== from)
            .map((to) => ({
              name: `core layer '${from}' may not import '${to}' (${otherLevel > level ? 'higher' : 'same layer'})`,
              severity: 'error',
              comment: `Move the function to a lower layer, or inject it through a port in core/${from}/ports.ts.`,
              from: { path: `^electron/core/${from}/` },
              to: { path: `^electron/core/${to}/` },
            })),
    ),
  ),
);

const roots = '^electron/(main|server|cli|preload)/';
module.exports = {
  forbidden: [
    ...coreLayerRules,
    {
      name: 'core folder without a layer (imported; add it to coreLayers)',
      severity: 'error',
      comment: `every folder in electron/core belongs to one layer of coreLayers in .dependency-cruiser.cjs (${coreFolders.join(', ')}); add a new capability there.`,
      from: { path: '^electron/' },
      to: { path: '^electron/core/[^/]+/', pathNot: `^electron/core/(${coreFolders.join('|')})/` },
    },
    {
      name: 'core folder without a layer (importing; add it to coreLayers)',
      severity: 'error',
      comment: `every folder in electron/core belongs to one layer of coreLayers in .dependency-cruiser.cjs (${coreFolders.join(', ')}); add a new capability there.`,
      from: { path: '^electron/core/[^/]+/', pathNot: `^electron/core/(${coreFolders.join('|')})/` },
      to: {},
    },
    {
      name: 'core-services-on-top',
      severity: 'error',
      comment: 'electron/core/services.ts assembles every capability\'s services: no capability imports it (each names its own narrow services in <capability>/ports.ts).',
      from: { path: '^electron/core/[^/]+/' },
      to: { path: '^electron/core/services\\.ts$' },
    },
    {
      name: 'renderer-sees-common-and-api-only',
      severity: 'error',
      comment: 'The renderer imports only electron/core/common and the API (electron/api): a capability\'s code reaches it re-exported by electron/api/domain.ts.',
      from: { path: '^renderer/' },
      to: { path: '^electron/core/', pathNot: '^electron/core/common/' },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'electron/core is the domain: it imports no runtime layer (api, store, main, server, cli, preload, renderer).',
      from: { path: '^electron/core/' },
      to: { path: '^(electron/(api|store|host|main|server|cli|preload)|renderer)/' },
    },
    {
      name: 'core-has-no-io',
      severity: 'error',
      comment: 'electron/core touches no disk, process, network or OS: those Node built-ins belong to the store and the roots (pure computation such as crypto, zlib and stream is allowed).',
      from: { path: '^electron/core/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|path|child_process|os|net|http|https|http2|dgram|tls|dns|cluster|worker_threads|readline|process|v8|vm)$' },
    },
    {
      name: 'core-has-no-runtime-packages',
      severity: 'error',
      comment: 'electron/core runs anywhere: no electron, lowdb or steno (the store and the main process own them).',
      from: { path: '^electron/core/' },
      to: { path: '(^|/)node_modules/(electron|lowdb|steno)/' },
    },
    {
      name: 'api-above-core-only',
      severity: 'error',
      comment: 'electron/api (contract and dispatcher) sits on the core; the store, the transports and the UI sit above it.',
      from: { path: '^electron/api/' },
      to: { path: '^(electron/(store|host|main|server|cli|preload)|renderer)/' },
    },
    {
      name: 'host-below-roots',
      severity: 'error',
      comment: 'electron/host (the store host and identity every program shares) is built by the roots and never imports them.',
      from: { path: '^electron/host/' },
      to: { path: '^(electron/(main|server|cli|preload)|renderer)/' },
    },
    {
      name: 'store-below-roots',
      severity: 'error',
      comment: 'electron/store implements the core ports on disk; only the host and the composition roots build it.',
      from: { path: '^electron/store/' },
      to: { path: '^(electron/(host|main|server|cli|preload)|renderer)/' },
    },
    {
      name: 'renderer-through-the-api',
      severity: 'error',
      comment: 'The renderer reaches the domain through the API only: never the store, the main process, the server or the CLI.',
      from: { path: '^renderer/' },
      to: { path: '^electron/(store|host|main|server|cli|preload)/' },
    },
    {
      name: 'renderer-has-no-node',
      severity: 'error',
      comment: 'The renderer runs in a browser: no Node built-ins, no electron.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'roots-stay-apart',
      severity: 'error',
      comment: 'The composition roots are separate programs: main, server and cli share code through api, store and core.',
      from: { path: roots },
      to: { path: roots, pathNot: '^electron/$1/' },
    },
    {
      name: 'no-import-cycles',
      severity: 'error',
      comment: 'No file imports itself through others.',
      from: { path: '^(electron|renderer)/' },
      to: { circular: true },
    },
    {
      name: 'nothing-imports-tests',
      severity: 'error',
      comment: 'Product code never imports tests, scripts or seeds generators.',
      from: { path: '^(electron|renderer)/' },
      to: { path: '^(tests|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(out|dist|\\.tmp)/' },
    tsPreCompilationDeps: true,
    // The shared compiler options (tsconfig.json itself only lists the per-runtime projects).
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
