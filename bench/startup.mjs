#!/usr/bin/env node
// Start-up budget: median wall time of `node -e 0`, a read (list-handshakes-for-organization),
// the same read with a --query in text output (as scripts read one field), and a write
// (accept-handshake) on the sample world, and their ratios to `node -e 0`.
// Targets: reads ≤ 1.25×, writes ≤ 1.35×. Usage: node bench/startup.mjs [runs] [other bin/orgsim ...]
// Other orgsim binaries (an older checkout's bin/orgsim) are measured in the same interleaved run.
// Runs as users run orgsim: without NODE_EXTRA_CA_CERTS, which some machines set and which adds
// tens of milliseconds to every Node start, hiding orgsim's own cost.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 40);
const bin = fileURLToPath(new URL('../bin/orgsim', import.meta.url));
const others = process.argv.slice(3);
const home = mkdtempSync(join(tmpdir(), 'orgsim-bench-'));
const env = { ...process.env, ORGSIM_HOME: home, ORGSIM_NOW: '2026-11-21T12:00:00Z', AWS_PROFILE: '' };
delete env.NODE_EXTRA_CA_CERTS;
const template = join(home, 'template.json');
const state = join(home, 'state.json');

function run(args, extraEnv = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(args[0], args.slice(1), { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, stdout: String(result.stdout) };
}

// The sample world with one open invitation from bill to juan, saved as a template.
run([bin, 'init']);
const invited = JSON.parse(run([bin, '--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT']).stdout);
copyFileSync(state, template);
const id = invited.Handshake.Id;

const READ = 'orgsim organizations list-handshakes-for-organization';
const QUERY = 'orgsim ... --query ... --output text';
const WRITE = 'orgsim organizations accept-handshake';
const cases = { 'node -e 0': { args: [process.execPath, '-e', '0'] } };
for (const [i, b] of [bin, ...others].entries()) {
  const tag = i === 0 ? '' : ` [${b}]`;
  cases[READ + tag] = { args: [b, 'organizations', 'list-handshakes-for-organization'], target: 1.25 };
  cases[QUERY + tag] = { args: [b, 'organizations', 'list-handshakes-for-organization', '--query', "Handshakes[?State=='OPEN'].Id", '--output', 'text'] };
  cases[WRITE + tag] = { args: [b, '--profile', 'juan', 'organizations', 'accept-handshake', '--handshake-id', id], prepare: () => copyFileSync(template, state), target: 1.35 };
}

const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let i = 0; i < 3; i++) for (const c of Object.values(cases)) (c.prepare?.(), run(c.args)); // warm-up
// Interleaved, so that drift in the machine's load hits every case alike.
for (let i = 0; i < runs; i++) {
  for (const [name, c] of Object.entries(cases)) {
    c.prepare?.();
    times[name].push(run(c.args).ms);
  }
}
rmSync(home, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = median(times['node -e 0']);
console.log(`runs per case: ${runs} (median wall time, interleaved)`);
for (const name of Object.keys(cases)) {
  const m = median(times[name]);
  const ratio = m / base;
  const target = cases[name].target;
  const verdict = target ? ` (target ≤ ${target.toFixed(2)}×: ${ratio <= target ? 'met' : 'MISSED'})` : '';
  console.log(`${name.padEnd(56)} ${m.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}×${verdict}`);
}
