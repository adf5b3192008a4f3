/**
 * The layers of src/, lowest first. A module may import from its own layer and the ones below
 * it, never from one above; and no import cycle, type-only imports included.
 * docs/architecture.md draws the same picture. test/architecture/layers.test.ts runs this in
 * `npm test`; by hand: `npx depcruise src`.
 */
/**
 * A feature's GraphQL adapter (its resolvers and mappers), its module (which bundles them)
 * and the list of feature modules sit in the graphql layer.
 */
const featureApi = '^src/features/([^/]+/[a-z-]*(resolvers|mappers|module)|feature-modules)[.]ts$';
/** The evaluation tooling, and every feature's eval/ folder, sit above everything but the root. */
const tooling = '^src/(eval/|features/[^/]+/eval/)';

const layers = [
  // Language-level helpers with no knowledge of the service (src/support/object-spread.ts).
  { name: 'support', paths: ['^src/support/'] },
  { name: 'errors', paths: ['^src/errors/'] },
  { name: 'config', paths: ['^src/config/'] },
  { name: 'resilience', paths: ['^src/resilience/'] },
  { name: 'store', paths: ['^src/store/'] },
  { name: 'incidents', paths: ['^src/incidents/'] },
  { name: 'guard', paths: ['^src/guard/'] },
  { name: 'llm', paths: ['^src/llm/'] },
  { name: 'streams', paths: ['^src/streams/'] },
  { name: 'telemetry', paths: ['^src/telemetry/'] },
  { name: 'features', paths: ['^src/features/'] },
  { name: 'graphql', paths: ['^src/graphql/', '^src/generated/', featureApi] },
  { name: 'http-slack', paths: ['^src/http/', '^src/slack/'] },
  { name: 'eval', paths: [tooling] },
  { name: 'root', paths: ['^src/[^/]+\\.ts$'] },
];

/** One rule per layer: its modules may not import a module of any higher layer. */
const layerRules = layers.slice(0, -1).map((layer, index) => {
  const higher = layers.slice(index + 1).flatMap((above) => above.paths);
  return {
    name: `layer-${layer.name}`,
    comment: `${layer.name} may import only from ${layers.slice(0, index + 1).map((below) => below.name).join(', ')}`,
    severity: 'error',
    from: { path: layer.paths, pathNot: higher },
    to: { path: higher },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'resolvable',
      comment: 'Every import resolves; an unresolved one would slip past the layer rules.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'An import cycle (type-only imports count): break it with a narrow interface in the lower module.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'], exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
  },
};
