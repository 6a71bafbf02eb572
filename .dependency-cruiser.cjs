// The layer rules of docs/architecture.md, checked by `npm run lint` (part of `npm test`).
// Each layer may import only the layers below it; no file imports itself through others.
const layer = (name, allowed, comment) => ({
  name: `layer-${name}`,
  comment,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}`)] },
});

module.exports = {
  forbidden: [
    layer('model', [], 'model/ is the APIs as data: it imports nothing of ours'),
    layer('output', ['model/'], 'output/ renders values: the model only'),
    layer('errors', ['model/', 'output/'], 'errors/ maps errors to exit codes and text, printed through output/'),
    layer('service', ['model/'], 'the service is pure: no store, no app, no output'),
    layer('store', ['model/', 'errors/classes.ts'], 'the store knows files and locks, not operations'),
    layer('app', ['model/', 'service/', 'store/', 'output/', 'errors/classes.ts'], 'app/ wires the service to the store for both front ends'),
    layer('server', ['model/', 'service/', 'store/', 'app/', 'output/', 'errors/'], 'the server never reaches into the command line'),
    {
      name: 'layer-cli',
      comment: 'the command line does not reach into the server, except the command that starts it',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: '^src/cli/commands/serve\\.ts$' },
      to: { path: '^src/server/' },
    },
    {
      name: 'no-circle',
      comment: 'no circle of imports, inside a folder or across folders',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: "an import of ours that leads nowhere (packages are the bundler's and tsc's to check)",
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^\\.' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$|^src/service/testing/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
