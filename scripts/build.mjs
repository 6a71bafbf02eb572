// Bundles src/entry.ts into dist/ (one entry; YAML, JMESPath, tables, conf and commander
// split into chunks that load only when a command needs them).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { orgsim: 'src/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  define: { __ORGSIM_VERSION__: JSON.stringify(version) },
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __orgsimRequire } from 'node:module'; const require = __orgsimRequire(import.meta.url);" },
  logLevel: 'warning',
});
