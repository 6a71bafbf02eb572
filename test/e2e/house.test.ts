// How orgsim is built, checked on the built package: the core is bundled once (so errors are
// recognised by class across bundles), the V8 code cache is accepted, own commands come from
// one registry and print through the same formatters as the AWS operations.
import { execa } from 'execa';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, Sandbox } from './helpers.js';
import { operationsOf, SERVICE, STS } from '../../src/model/operations.js';

const dist = new URL('../../dist/', import.meta.url);
let box: Sandbox;

beforeAll(async () => {
  box = new Sandbox();
  await box.run(['init']);
});
afterAll(() => box.cleanup());

describe('the bundles', () => {
  it('hold each source module in one bundle only', () => {
    const { bundles, door } = JSON.parse(readFileSync(new URL('bundles.json', dist), 'utf8')) as { bundles: Record<string, string[]>; door: string[] };
    const owners = new Map<string, string[]>();
    for (const [bundle, modules] of Object.entries(bundles)) for (const m of modules) owners.set(m, [...(owners.get(m) ?? []), bundle]);
    const twice = [...owners].filter(([, b]) => b.length > 1).map(([m, b]) => `${m}: ${b.join(', ')}`);
    expect(twice).toEqual([]);
    // What the lazy bundles take from the core is in the entry, behind its door.
    for (const m of door) expect(bundles['orgsim.cjs']).toContain(m);
    expect(bundles['extras.cjs']!.length).toBeGreaterThan(10);
  });

  it('carry a core-only text in the entry alone', () => {
    const files = readdirSync(dist).filter((f) => f.endsWith('.cjs'));
    for (const text of ['Cannot write the state file', 'is not a valid orgsim world', 'Parameter validation failed']) {
      const holders = files.filter((f) => readFileSync(new URL(f, dist), 'utf8').includes(text));
      expect(holders.length, text).toBe(1);
    }
  });

  it('share one error class: a ConfigurationError raised in an own command exits 253', async () => {
    const result = await box.run(['world', 'import', 'no-such-file.json']);
    expect(result.stderr).toContain('Cannot read no-such-file.json');
    expect(result.exitCode).toBe(253);
  });

  it('come with a V8 code cache that the Node which built it accepts', async () => {
    const probe = `const { loadBundle, readCache } = require('./bin/load-bundle.cjs');
      const cache = readCache('dist');
      if (!cache) throw new Error('no dist/orgsim.cache');
      process.stdout.write(String(loadBundle(require('node:path').resolve('dist'), cache).script.cachedDataRejected));`;
    const result = await execa(process.execPath, ['-e', probe], { cwd: new URL('../..', import.meta.url).pathname });
    expect(result.stdout).toBe('false');
  });
});

describe('start-up', () => {
  // Creating process.stdout loads Node's stream modules, milliseconds of every command: output
  // goes to the descriptor directly wherever that is what a script points it at.
  it.each([
    ['a pipe', 'pipe'],
    ['a file', 'file'],
    ['/dev/null', 'null'],
  ])('writes a command\'s output to %s without loading the stream modules', (_, where) => {
    const probe = join(box.dir, 'probe.cjs');
    const loaded = join(box.dir, `loaded-${where}.txt`);
    const file = join(box.dir, 'out.json');
    writeFileSync(probe, "process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, process.moduleLoadList.join('\\n')));");
    // The descriptor itself, as a shell's redirection hands it over: 'ignore' opens /dev/null.
    const fd = where === 'file' ? openSync(file, 'w') : undefined;
    const result = spawnSync(BIN, ['organizations', 'describe-organization', '--query', 'Organization.Id'], {
      env: box.env({ NODE_OPTIONS: `--require ${probe}`, PROBE_OUT: loaded }),
      stdio: ['ignore', fd ?? (where === 'pipe' ? 'pipe' : 'ignore'), 'pipe'],
      encoding: 'utf8',
    });
    if (fd !== undefined) closeSync(fd);
    expect(result.status).toBe(0);
    if (where === 'pipe') expect(result.stdout).toBe('"o-exampleorgid"\n');
    if (where === 'file') expect(readFileSync(file, 'utf8')).toBe('"o-exampleorgid"\n');
    const modules = readFileSync(loaded, 'utf8').split('\n');
    expect(modules).toContain('NativeModule fs');
    expect(modules.filter((m) => /internal\/streams\/writable|sync_write_stream|^NativeModule net$/.test(m))).toEqual([]);
  });
});

describe('own commands from the registry', () => {
  it.each([['clock', 'help'], ['explain', 'help'], ['world'], ['configure'], ['quota', 'set', 'help'], ['clock', '--help']])('orgsim %s %s prints its help', async (...words) => {
    const result = await box.run(words.filter(Boolean));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^NAME\\n {7}orgsim ${words.filter((w) => w !== 'help' && w !== '--help').join(' ')} - `));
    expect(result.stdout).not.toContain('outputHelp');
  });

  it('print through the output registry with --output and --query', async () => {
    const text = await box.run(['profiles', '--output', 'text', '--query', 'Profiles[?Name==`juan`].[Name, AccountId]']);
    expect(text.stdout).toBe('juan\t222222222222\n');
    expect((await box.run(['quota', '--query', 'Accounts.Quota'])).stdout).toBe('10\n');
    const yaml = await box.run(['clock', '--output', 'yaml'], { ORGSIM_NOW: '2026-11-21T12:00:00Z' });
    expect(yaml.stdout).toBe('OffsetSeconds: 0\nPinnedByOrgsimNow: true\nWorldTime: \'2026-11-21T12:00:00.000Z\'\n');
    await box.invite('Id=222222222222,Type=ACCOUNT');
    const explained = await box.run(['explain', '--query', 'Handshakes[0].[State, Party]', '--output', 'text']);
    expect(explained.stdout).toBe('OPEN\t222222222222\n');
    expect((await box.run(['events', '--output', 'text', '--query', 'length(Events)'])).stdout).toBe('1\n');
    const table = await box.run(['events', '--output', 'table', '--query', 'Events[].{Name: eventName}']);
    expect(table.stdout).toMatch(/^-+\n\|\s+events\s+\|\n\+-+\+\n\|\s+Name\s+\|\n\+-+\+\n\|\s+InviteAccountToOrganization\s+\|\n\+-+\+\n$/);
  });

  it('refuse a bad --query before doing anything', async () => {
    const result = await box.run(['quota', 'set', '--accounts', '50', '--query', 'Accounts[']);
    expect(result.exitCode).toBe(252);
    expect((await box.run(['quota', '--query', 'Accounts.Quota'])).stdout).toBe('10\n');
  });

  it('complete from the registry: scenario names, formats, handshake ids', async () => {
    const complete = async (line: string) => (await box.run(['__complete', line])).stdout.trim().split('\n');
    expect(await complete('orgsim init --scenario ')).toContain('rollout-50');
    expect(await complete('orgsim init --sc')).toEqual(['--scenario']);
    expect(await complete('orgsim explain --format ')).toEqual(['text', 'mermaid']);
    const ids = JSON.parse((await box.run(['organizations', 'list-handshakes-for-organization', '--query', 'Handshakes[].Id'])).stdout) as string[];
    expect(await complete('orgsim explain ')).toEqual(expect.arrayContaining(ids));
  });
});

describe('operations of the service that orgsim does not simulate', () => {
  it('get one clear message and exit 255, never "invalid choice"', async () => {
    const result = await box.run(['organizations', 'describe-effective-policy', '--policy-type', 'TAG_POLICY']);
    expect(result.stderr).toBe("\norgsim: [ERROR]: orgsim does not simulate organizations describe-effective-policy. The operations it simulates are listed by 'orgsim organizations help' and in the README.\n");
    expect(result.exitCode).toBe(255);
    const service = await box.run(['ec2', 'describe-instances']);
    expect([service.exitCode, service.stderr]).toEqual([
      255,
      "\norgsim: [ERROR]: orgsim does not simulate the AWS service ec2; it simulates organizations and sts. The operations it simulates are listed by 'orgsim organizations help' and in the README.\n",
    ]);
    const sts = await box.run(['sts', 'get-session-token']);
    expect([sts.exitCode, sts.stderr]).toEqual([255, "\norgsim: [ERROR]: orgsim does not simulate sts get-session-token. The operations it simulates are listed by 'orgsim sts help' and in the README.\n"]);
    expect((await box.run(['organisations', 'list-roots'])).exitCode).toBe(252);
    const typo = await box.run(['organizations', 'describe-polcy']);
    expect(typo.stderr).toContain('Found invalid choice');
    expect(typo.exitCode).toBe(252);
  });
});

describe('the README', () => {
  it('names every operation orgsim simulates, and the aws one-liner', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const missing = [...operationsOf(SERVICE).map((op) => `\`${op.cliName}\``), ...operationsOf(STS).map((op) => `\`sts ${op.cliName}\``)].filter((name) => !readme.includes(name));
    expect(missing).toEqual([]);
    expect(readme).toContain('ln -sf "$(command -v orgsim)" ~/.orgsim-aws/aws');
  });
});

describe('a command that writes its own output', () => {
  it('prints it alone: the credentials file parses as the AWS CLI reads it', async () => {
    const result = await box.run(['profiles', '--aws-credentials']);
    expect(result.stdout).toMatch(/^\[default\]\naws_access_key_id = AKIA\w+\naws_secret_access_key = .+\n\n\[bill\]/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^aws_secret_access_key = /);
  });
});

describe('an operation added through the generated model', () => {
  it('list-roots: options, skeleton, paging and help come from the model', async () => {
    const roots = await box.json(['organizations', 'list-roots']);
    expect(roots.Roots).toEqual([{ Id: 'r-exam', Arn: 'arn:aws:organizations::111111111111:root/o-exampleorgid/r-exam', Name: 'Root', PolicyTypes: [] }]);
    expect((await box.run(['organizations', 'list-roots', '--generate-cli-skeleton'])).stdout).toBe('{\n    "NextToken": "",\n    "MaxResults": 0\n}\n');
    expect((await box.run(['organizations', 'list-roots', '--max-items', '1', '--output', 'text'])).stdout).toBe('ROOTS\tarn:aws:organizations::111111111111:root/o-exampleorgid/r-exam\tr-exam\tRoot\n');
    expect((await box.run(['organizations', 'list-roots', 'help'])).stdout).toContain('list-roots - ');
    expect((await box.run(['__complete', 'orgsim organizations list-r'])).stdout).toBe('list-roots\n');
    // Ids come from the world, by the kind of id the parameter takes.
    const invited = await box.invite('Id=444444444444,Type=ACCOUNT');
    expect((await box.run(['__complete', 'orgsim organizations accept-handshake --handshake-id '])).stdout.split('\n')).toContain(invited);
    expect((await box.run(['__complete', 'orgsim organizations describe-account --account-id 44'])).stdout).toBe('444444444444\n');
    expect((await box.run(['__complete', 'orgsim organizations list-children --parent-id '])).stdout).toBe('r-exam\n');
  });
});
