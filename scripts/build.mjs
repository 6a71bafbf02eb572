// Bundles orgsim into dist/ (docs/architecture.md explains each bundle and why):
// - orgsim.cjs, the entry: the core (model, service, store, app, the AWS operations' command
//   line, JSON output, errors), once. It exports `door`, the core modules the lazy bundles use.
// - extras.cjs (help, completion, own commands, server) and formats.cjs (text, table, YAML),
//   loaded when first needed. Every core module they import is taken through the door, so the
//   core is never bundled twice and `instanceof` holds across bundles.
// - vendor/*.cjs: one bundle per dependency that only some commands use.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const LAZY = ['yaml', 'cli-table3', 'conf', 'commander', 'chalk', 'zod'];
// conf is an ES module with a default export; hand its class over as the CommonJS export.
const EXPORTS = { conf: "require('conf').default" };
const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: true, logLevel: 'warning' };
const BUNDLES = { extras: 'src/cli/extras.ts', formats: 'src/output/formats.ts', docs: 'src/model/documentation.ts', query: 'src/output/query.ts', operations: 'src/service/organization-operations.ts' };

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const key = (path) => relative(root, path).split('\\').join('/');

/** Points `import('yaml')` and friends at their own bundle instead of inlining them. */
const lazyDependencies = {
  name: 'lazy-dependencies',
  setup(b) {
    const filter = new RegExp(`^(${LAZY.join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: `./vendor/${args.path}.cjs`, external: true }));
  },
};

/** Imports of a lazy bundle's entry become a require() of that bundle. */
const lazyBundles = {
  name: 'lazy-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.{1,2}\// }, (args) => {
      const target = key(resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
      const name = Object.keys(BUNDLES).find((n) => BUNDLES[n] === target);
      return name && args.kind !== 'entry-point' ? { path: `./${name}.cjs`, external: true } : undefined;
    });
  },
};

/** In a lazy bundle, a core module is the entry's, reached through its door. */
function throughTheDoor(core) {
  return {
    name: 'through-the-door',
    setup(b) {
      b.onResolve({ filter: /^\.\/orgsim\.cjs$/, namespace: 'door' }, () => ({ path: './orgsim.cjs', external: true }));
      b.onResolve({ filter: /^\.{1,2}\// }, (args) => {
        const target = key(resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
        return core.has(target) && args.kind !== 'entry-point' ? { path: target, namespace: 'door' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'door' }, (args) => ({ contents: `module.exports = require('./orgsim.cjs').door[${JSON.stringify(args.path)}];`, loader: 'js' }));
    },
  };
}

/** `import text from './file?raw'` is the file's text, as Vitest reads it too (the page's script and style). */
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};

const entryOptions = {
  ...common,
  sourcemap: 'linked',
  define: { __ORGSIM_VERSION__: JSON.stringify(version) },
  // import() of a lazy part becomes a plain require() when first needed (no ES module loader).
  supported: { 'dynamic-import': false },
  plugins: [rawText, lazyDependencies, lazyBundles],
};

/** The entry's source: main, and the door to the modules named. */
const entrySource = (doorModules) =>
  [
    `export { main } from './src/entry.js';`,
    ...doorModules.map((m, i) => `import * as m${i} from './${m}';`),
    `export const door = {${doorModules.map((m, i) => `${JSON.stringify(m)}: m${i}`).join(', ')}};`,
  ].join('\n');

const entryBuild = (doorModules, write = true) =>
  build({ ...entryOptions, stdin: { contents: entrySource(doorModules), resolveDir: root, sourcefile: 'orgsim-entry.ts', loader: 'ts' }, outfile: 'dist/orgsim.cjs', metafile: true, write });

// 1. What the core is: every source module the entry bundles.
const first = await entryBuild([], false);
const core = new Set(Object.keys(first.metafile.inputs).filter((p) => p.startsWith('src/')));

// 2. The lazy bundles, with the core through the door; what they take from it.
const doorModules = new Set();
const bundles = {};
for (const [name, source] of Object.entries(BUNDLES)) {
  const result = await build({ ...entryOptions, entryPoints: [source], outfile: `dist/${name}.cjs`, metafile: true, plugins: [rawText, throughTheDoor(core), lazyDependencies, lazyBundles] });
  for (const [path, input] of Object.entries(result.metafile.inputs)) {
    if (path.startsWith('door:')) doorModules.add(path.slice('door:'.length));
    for (const imported of input.imports) if (imported.path.startsWith('door:')) doorModules.add(imported.path.slice('door:'.length));
  }
  bundles[`${name}.cjs`] = Object.keys(result.metafile.inputs).filter((p) => p.startsWith('src/'));
}

// 3. The entry, with its door.
const entry = await entryBuild([...doorModules].sort());
bundles['orgsim.cjs'] = Object.keys(entry.metafile.inputs).filter((p) => p.startsWith('src/'));
// Which source modules each bundle holds: a test checks that none is in two.
writeFileSync(new URL('../dist/bundles.json', import.meta.url), JSON.stringify({ door: [...doorModules].sort(), bundles }, null, 2) + '\n');

await Promise.all(
  LAZY.map((name) =>
    build({
      ...common,
      stdin: { contents: `module.exports = ${EXPORTS[name] ?? `require(${JSON.stringify(name)})`};`, resolveDir: '.', loader: 'js' },
      outfile: `dist/vendor/${name}.cjs`,
    }),
  ),
);

// A V8 code cache of the entry, used by bin/orgsim when this Node accepts it.
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, [new URL('./code-cache.cjs', import.meta.url).pathname], { stdio: 'inherit' });

// The man pages come from the same source as `help`; they are checked in (a test keeps them current).
const { mkdirSync, readdirSync, unlinkSync } = await import('node:fs');
const { loadBundle } = (await import('node:module')).createRequire(import.meta.url)('../bin/load-bundle.cjs');
loadBundle(fileURLToPath(new URL('../dist', import.meta.url)));
const { manPages } = (await import('node:module')).createRequire(import.meta.url)('../dist/extras.cjs');
const manDir = new URL('../man/', import.meta.url);
mkdirSync(manDir, { recursive: true });
const pages = manPages();
for (const old of readdirSync(manDir)) if (old.endsWith('.1') && !pages.some((p) => p.file === old)) unlinkSync(new URL(old, manDir));
for (const { file, roff } of pages) writeFileSync(new URL(file, manDir), roff);
