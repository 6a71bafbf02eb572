#!/usr/bin/env node
// Scale budget: reads and writes on worlds of 1,000, 10,000 and 100,000 open invitations, as
// ratios to `node -e 0`; at 100,000 also wall time, the full listing and peak memory against the
// state file's size; at 10,000 the requests per second `orgsim serve` answers.
// Targets (issue "Never report a change that is then lost"):
//   1k: reads ≤ 1.5×, writes ≤ 2×;  10k: reads ≤ 3×, writes ≤ 4.5×, serve ≥ 500 reads/s, ≥ 50 writes/s;
//   100k: first page ≤ 0.7 s, a write ≤ 1.2 s, listing all ≤ 10 s, peak memory ≤ 2.5× the file.
// Usage: node bench/scale.mjs [sizes, default 1000,10000,100000] [bin/orgsim]
// Runs without NODE_EXTRA_CA_CERTS, as users run orgsim. Commands run one after another on the
// world the last one left, as a script runs them (each write invites, or accepts as, an account of
// its own); "first command on a copied file" times a write on a world orgsim did not write last
// (restored from a copy, imported, edited), which has no index yet (store/world-index.ts). At
// 50,000 and more, every handshake is listed twice: on the world the runs left, and on a copied file.
// Wall time is taken from runs of their own: peak memory comes from /usr/bin/time, whose own start
// (about 2 ms) would otherwise count against orgsim and not against `node -e 0`.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
const bin = process.argv[3] ?? fileURLToPath(new URL('../bin/orgsim', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'orgsim-scale-'));
const env = { ...process.env, ORGSIM_HOME: home, ORGSIM_NOW: '2026-11-21T12:00:00Z', AWS_PROFILE: '' };
delete env.NODE_EXTRA_CA_CERTS;
const state = join(home, 'state.json');
const template = join(home, 'template.json');
const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

function spawnTimed(command, label) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${label.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 2000)}`);
  return { ms, result };
}

/** A run under /usr/bin/time: its wall time, output, and peak memory in KB (the last line time prints). */
function timed(args) {
  const { ms, result } = spawnTimed(['/usr/bin/time', '-f', '%M', ...args], args);
  return { ms, stdout: result.stdout, kb: Number(String(result.stderr).trim().split('\n').pop()) };
}

/**
 * A run's wall time and output. Peak memory only when asked: a read's from a run of its own, or,
 * for a run that cannot be repeated alike (the first listing of a copied file), from this one.
 */
function run(args, { memory = false } = {}) {
  if (memory === 'wrapped' && hasTime) return timed(args);
  const { ms, result } = spawnTimed(args, args);
  return { ms, stdout: result.stdout, kb: memory ? peakKb(args) : undefined };
}

const peakKb = (args) => (hasTime ? timed(args).kb : undefined);
const orgsim = (...args) => [bin, ...args];

// One invitation made by orgsim itself, cloned n times (each to an account of its own), with the
// event log as full as those calls would leave it.
function buildWorld(n, profiles) {
  rmSync(state, { force: true });
  run(orgsim('init'));
  run(orgsim('--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT'));
  const world = JSON.parse(readFileSync(state, 'utf8'));
  world.Organizations[0].Quotas = { Accounts: 10_000_000, InvitationsPerDay: 10_000_000 };
  const [record] = world.Handshakes;
  const [event] = world.Events;
  const account = world.Accounts.find((a) => a.Id === '222222222222');
  const hex = (i) => i.toString(16).padStart(32, '0');
  for (let i = 1; i < n; i++) {
    const id = String(600000000000 + i);
    const text = JSON.stringify(record).replaceAll(record.Handshake.Id.slice(2), hex(i)).replaceAll('222222222222', id);
    world.Handshakes.push(JSON.parse(text));
    world.Accounts.push({ ...account, Id: id, Name: `Account ${i}`, Email: `account${i}@example.com` });
    if (world.Events.length < 10_000) world.Events.push(JSON.parse(JSON.stringify(event).replaceAll(record.Handshake.Id.slice(2), hex(i)).replaceAll('222222222222', id)));
  }
  // A profile for each account a run accepts as.
  for (let i = 1; i <= profiles; i++) world.Profiles.push({ Name: `run${i}`, AccountId: String(600000000000 + i), AccessKeyId: `AKIAORGSIMRUN${String(i).padStart(7, '0')}` });
  writeFileSync(state, JSON.stringify(world, null, 2) + '\n', { mode: 0o600 });
  // Let orgsim write it once in its own layout.
  run(orgsim('--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', 'Id=first@example.com,Type=EMAIL'));
  copyFileSync(state, template);
  return { middle: `h-${hex(Math.floor(n / 2))}`, handshakeOf: (i) => `h-${hex(i)}` };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function serveRate(seconds, body, target, write) {
  const child = spawn(bin, ['serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(/http:\/\/\S+/.exec(String(d))[0])));
  const key = JSON.parse(readFileSync(state, 'utf8')).Profiles.find((p) => p.Name === 'bill').AccessKeyId;
  const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSOrganizationsV20161128.${target}`, authorization: `AWS4-HMAC-SHA256 Credential=${key}/20261121/us-east-1/organizations/aws4_request` };
  let count = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  while (Date.now() < deadline) {
    const reply = await fetch(url, { method: 'POST', headers, body: body(count) });
    if (reply.status !== 200) throw new Error(`${target}: ${reply.status} ${await reply.text()}`);
    await reply.arrayBuffer();
    count++;
  }
  const rate = count / ((Date.now() - started) / 1000);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return rate;
}

const RUNS = { 1000: 15, 10000: 7, 100000: 3 };
const lines = [];
const say = (line) => (console.log(line), lines.push(line));
for (const n of sizes) {
  const runs = RUNS[n] ?? 5;
  const { middle, handshakeOf } = buildWorld(n, 2 * runs);
  const bytes = statSync(template).size;
  const reads = {
    'list-handshakes-for-organization --max-items 20': orgsim('--profile', 'bill', 'organizations', 'list-handshakes-for-organization', '--max-items', '20'),
    'describe-handshake': orgsim('--profile', 'bill', 'organizations', 'describe-handshake', '--handshake-id', middle),
    'list-handshakes-for-account (juan)': orgsim('--profile', 'juan', 'organizations', 'list-handshakes-for-account'),
    'describe-organization': orgsim('--profile', 'bill', 'organizations', 'describe-organization'),
  };
  const writes = {
    'invite-account-to-organization': (i) => orgsim('--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', `Id=new${i}@example.com,Type=EMAIL`),
    'accept-handshake': (i) => orgsim('--profile', `run${i}`, 'organizations', 'accept-handshake', '--handshake-id', handshakeOf(i)),
  };
  const times = { 'node -e 0': [] };
  const memory = {};
  for (const name of [...Object.keys(reads), ...Object.keys(writes)]) times[name] = [];
  for (let i = 0; i < runs; i++) {
    times['node -e 0'].push(run([process.execPath, '-e', '0']).ms);
    for (const [name, args] of Object.entries(reads)) {
      const r = run(args, { memory: true });
      times[name].push(r.ms);
      memory[name] = Math.max(memory[name] ?? 0, r.kb ?? 0);
    }
    for (const [name, args] of Object.entries(writes)) {
      times[name].push(run(args(i + 1)).ms);
      // A write cannot be repeated alike: its memory is measured on the same write as another account.
      memory[name] = Math.max(memory[name] ?? 0, peakKb(args(runs + i + 1)) ?? 0);
    }
  }
  // Every handshake: on the world the runs left (with its index), then on a copied file (without).
  const listAll = () => {
    const all = run(orgsim('--profile', 'bill', 'organizations', 'list-handshakes-for-organization'), { memory: 'wrapped' });
    return { ...all, listed: JSON.parse(all.stdout).Handshakes.length };
  };
  const listedAll = n >= 50000 ? [['', listAll()]] : [];
  const cold = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    copyFileSync(template, state);
    cold.push(run(writes['invite-account-to-organization'](1)).ms);
  }
  copyFileSync(template, state);
  if (n >= 50000) {
    listedAll.push([', copied file', listAll()]);
    copyFileSync(template, state);
  }
  const base = median(times['node -e 0']);
  say(`\n${n} handshakes, state file ${(bytes / 1e6).toFixed(1)} MB, ${runs} runs, node -e 0 = ${base.toFixed(1)} ms`);
  const [readTarget, writeTarget] = n <= 1000 ? [1.5, 2] : n <= 10000 ? [3, 4.5] : [undefined, undefined];
  for (const [name, xs] of Object.entries(times)) {
    if (name === 'node -e 0') continue;
    const m = median(xs);
    const isWrite = name in writes;
    const target = isWrite ? writeTarget : readTarget;
    const limitS = n >= 100000 ? (isWrite ? 1.2 : name.includes('max-items') ? 0.7 : undefined) : undefined;
    const verdict = target ? ` (≤ ${target}×: ${m / base <= target ? 'met' : 'MISSED'})` : limitS ? ` (≤ ${limitS} s: ${m / 1000 <= limitS ? 'met' : 'MISSED'})` : '';
    const mem = memory[name] ? `  peak ${(memory[name] / 1024).toFixed(0)} MB = ${((memory[name] * 1024) / bytes).toFixed(2)}× file` : '';
    say(`  ${name.padEnd(50)} ${m.toFixed(0).padStart(6)} ms ${(m / base).toFixed(2).padStart(6)}×${verdict}${mem}`);
  }
  say(`  invite, first command on a copied file                ${median(cold).toFixed(0).padStart(6)} ms ${(median(cold) / base).toFixed(2).padStart(6)}×`);
  for (const [where, all] of listedAll) {
    const ratio = ((all.kb ?? 0) * 1024) / bytes;
    const label = `list all (${all.listed})${where}`;
    say(`  ${label.padEnd(50)} ${all.ms.toFixed(0).padStart(6)} ms (≤ 10 s: ${all.ms <= 10000 ? 'met' : 'MISSED'})  peak ${((all.kb ?? 0) / 1024).toFixed(0)} MB = ${ratio.toFixed(2)}× file (≤ 2.5×: ${ratio <= 2.5 ? 'met' : 'MISSED'})`);
  }
  if (n === 10000) {
    const reads = await serveRate(3, () => JSON.stringify({ MaxResults: 20 }), 'ListHandshakesForOrganization');
    copyFileSync(template, state);
    const writes = await serveRate(3, (i) => JSON.stringify({ Target: { Id: `serve${i}@example.com`, Type: 'EMAIL' } }), 'InviteAccountToOrganization');
    copyFileSync(template, state);
    say(`  serve: ${reads.toFixed(0)} reads/s (≥ 500: ${reads >= 500 ? 'met' : 'MISSED'}), ${writes.toFixed(0)} writes/s (≥ 50: ${writes >= 50 ? 'met' : 'MISSED'})`);
  }
}
rmSync(home, { recursive: true, force: true });
