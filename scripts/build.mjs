// Bundles orgsim into dist/: one CommonJS entry with all of orgsim's own code (CommonJS
// starts faster than ES modules on Node 20), and one bundle per dependency that only some
// commands use (YAML, JMESPath, tables, conf, commander), required when first needed.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const LAZY = ['yaml', 'jmespath', 'cli-table3', 'conf', 'commander', 'chalk', 'zod'];
// conf is an ES module with a default export; hand its class over as the CommonJS export.
const EXPORTS = { conf: "require('conf').default" };
const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: true, logLevel: 'warning' };

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

/** Points `import('yaml')` and friends at their own bundle instead of inlining them. */
const lazyDependencies = {
  name: 'lazy-dependencies',
  setup(b) {
    const filter = new RegExp(`^(${LAZY.join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: `./vendor/${args.path}.cjs`, external: true }));
  },
};

/** In the entry, orgsim's own commands, manuals and completion come from the extras bundle. */
const EXTRAS = /^\.\/(commands\/index|help|complete)\.js$/;
const FORMATS = /^(\.\/|\.\.\/output\/)formats\.js$/;
const extras = {
  name: 'extras',
  setup(b) {
    b.onResolve({ filter: EXTRAS }, (args) => (args.importer.endsWith('src/cli/main.ts') ? { path: './extras.cjs', external: true } : undefined));
    b.onResolve({ filter: FORMATS }, () => ({ path: './formats.cjs', external: true }));
  },
};

const entry = {
  ...common,
  sourcemap: 'linked',
  define: { __ORGSIM_VERSION__: JSON.stringify(version) },
  // import() of a lazy part becomes a plain require() when first needed (no ES module loader).
  supported: { 'dynamic-import': false },
};
await build({ ...entry, entryPoints: ['src/entry.ts'], outfile: 'dist/orgsim.cjs', plugins: [lazyDependencies, extras] });
await build({ ...entry, entryPoints: ['src/extras.ts'], outfile: 'dist/extras.cjs', plugins: [lazyDependencies] });
await build({ ...entry, entryPoints: ['src/output/formats.ts'], outfile: 'dist/formats.cjs', plugins: [lazyDependencies] });

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
const { createRequire } = await import('node:module');
const { writeFileSync, mkdirSync, readdirSync, unlinkSync } = await import('node:fs');
const { manPages } = createRequire(import.meta.url)('../dist/extras.cjs');
const manDir = new URL('../man/', import.meta.url);
mkdirSync(manDir, { recursive: true });
const pages = manPages();
for (const old of readdirSync(manDir)) if (old.endsWith('.1') && !pages.some((p) => p.file === old)) unlinkSync(new URL(old, manDir));
for (const { file, roff } of pages) writeFileSync(new URL(file, manDir), roff);
