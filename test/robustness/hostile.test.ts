// Property-based hostile input, run in-process through the same entry as bin/orgsim: argv,
// --cli-input-json/yaml documents, --starting-token values and damaged state files.
// Only exit codes 0, 252–255; never a stack trace without --debug; a failing command changes nothing.
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { operationsOf, SERVICE } from '../../src/model/operations.js';
import { Sandbox } from '../e2e/helpers.js';

const CASES = { argv: 4000, documents: 3000, tokens: 1500, states: 1500 };
const EXIT_CODES = [0, 252, 253, 254, 255];
const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|<anonymous>)$/m;
// 255 is for what the AWS CLI also ends with 255 — never for orgsim tripping over its own feet.
const EXPECTED_255 = /The config profile \(.*\) could not be found|slice indices must be integers|Starting token has too many elements|In function \w+\(\), invalid type|Unknown function: |The same next token was received twice/s;

let box: Sandbox;
let pristine: string;
const stateFile = () => join(box.home, 'state.json');
const figures = { cases: 0, exits: new Map<number, number>() };

beforeAll(async () => {
  box = new Sandbox();
  await run(['init', '--scenario', 'docs-example']);
  pristine = readFileSync(stateFile(), 'utf8');
  writeFileSync(join(box.dir, 'notes.txt'), 'notes from a file\n');
});
afterAll(() => {
  console.log(`figures: ${figures.cases} hostile cases run in-process; exit codes ${JSON.stringify(Object.fromEntries([...figures.exits].sort()))}; 0 stack traces; 0 changes by failing commands`);
  box.cleanup();
});

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: { ORGSIM_HOME: box.home, ORGSIM_NOW: '2026-11-21T12:00:00Z', TZ: 'UTC', PATH: process.env.PATH, ORGSIM_LOCK_TIMEOUT_MS: '2000' },
    cwd: box.dir,
  });
  return { code, stdout, stderr };
}

/** Runs one hostile command and checks the three promises; restores the world afterwards. */
async function check(argv: string[], world = pristine): Promise<void> {
  writeFileSync(stateFile(), world);
  const out = await run(argv);
  figures.cases++;
  figures.exits.set(out.code, (figures.exits.get(out.code) ?? 0) + 1);
  const context = `argv: ${JSON.stringify(argv).slice(0, 300)}\nstderr: ${out.stderr.slice(0, 500)}`;
  expect(EXIT_CODES, context).toContain(out.code);
  expect(STACK_TRACE.test(out.stderr), context).toBe(false);
  if (out.code === 255) expect(EXPECTED_255.test(out.stderr), context).toBe(true);
  if (out.code !== 0) expect(readFileSync(stateFile(), 'utf8') === world, context).toBe(true);
}

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '-', '--', '{}', '[]', '{"a":', 'Id=,Type=', 'Id=1,Type=ACCOUNT', 'ActionType=INVITE', '__proto__', 'constructor', '\u0000', 'h-00000000', 'x'.repeat(100_000)),
  fc.constantFrom('file://nope.txt', 'file://notes.txt', 'fileb://notes.txt', 'file://', 'file://.', '-1', '0', '99999999999999999999', '1e9', 'NaN'),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
);

const flags = ['--handshake-id', '--filter', '--target', '--notes', '--tags', '--account-id', '--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton', '--max-items', '--page-size', '--starting-token', '--next-token', '--max-results', '--output', '--query', '--profile', '--color', '--cli-error-format', '--region'];
const operation = fc.constantFrom(...operationsOf(SERVICE).map((op) => op.cliName));

const argvCase = fc
  .tuple(
    fc.constantFrom<string[]>([], ['organizations']),
    operation,
    fc.array(fc.tuple(fc.constantFrom(...flags, '--no-paginate', '--bogus'), nasty), { maxLength: 6 }),
    fc.array(nasty, { maxLength: 2 }),
  )
  .map(([prefix, op, options, junk]) => [...prefix, op, ...options.flat(), ...junk]);

const key = fc.oneof(fc.constantFrom('HandshakeId', 'Filter', 'Target', 'Notes', 'Tags', 'AccountId', 'MaxResults', 'NextToken', '__proto__', 'constructor', 'prototype', 'Id', 'Type', 'ActionType'), fc.string({ maxLength: 8 }));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.array(tie('tree'), { maxLength: 3 }), fc.dictionary(key, tie('tree'), { maxKeys: 4 })),
}));
// Deep nesting is made as text, so that only orgsim has to cope with it.
const deep = fc.tuple(fc.integer({ min: 100, max: 20_000 }), key).map(([n, k]) => `{"${k}": ${'['.repeat(n)}${']'.repeat(n)}}`);
const documentCase = fc
  .tuple(operation, fc.oneof(fc.dictionary(key, tree, { maxKeys: 5 }), tree), fc.boolean(), fc.option(deep, { freq: 5 }))
  .map(([op, doc, yaml, nested]) => {
    let text = nested ?? '';
    if (nested === null) {
      try {
        text = yaml ? toYaml(doc) : JSON.stringify(doc);
      } catch {
        text = JSON.stringify(doc);
      }
    }
    return [op, yaml ? '--cli-input-yaml' : '--cli-input-json', text ?? 'null'];
  });

const b64 = (s: string) => Buffer.from(s).toString('base64');
const tokenCase = fc
  .tuple(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.jsonValue({ maxDepth: 2 }).map((v) => b64(JSON.stringify(v))),
      fc.tuple(fc.jsonValue({ maxDepth: 1 }), fc.jsonValue({ maxDepth: 1 })).map(([t, n]) => b64(JSON.stringify({ NextToken: t, boto_truncate_amount: n }))),
      fc.constantFrom('a___b___c', 'abc___2', 'None___-5', b64('{"boto_truncate_amount": 1e309}'), b64('{"__proto__": {"polluted": 1}}')),
    ),
    fc.option(fc.integer({ min: -3, max: 30 })),
  )
  .map(([token, max]) => ['list-handshakes-for-organization', '--starting-token', token, ...(max === null ? [] : ['--max-items', String(max)])]);

const damage = fc.oneof(
  fc.nat().map((n) => (text: string) => text.slice(0, n % text.length)),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 8 })).map(([n, junk]) => (text: string) => text.slice(0, n % text.length) + junk + text.slice(n % text.length)),
  fc.tuple(fc.constantFrom('Organizations', 'Accounts', 'Handshakes', 'Profiles', 'Events', 'SchemaVersion', 'ClockOffsetMs', 'IdSequence'), fc.jsonValue({ maxDepth: 2 })).map(
    ([k, v]) => (text: string) => JSON.stringify({ ...JSON.parse(text), [k]: v }),
  ),
  fc.jsonValue({ maxDepth: 2 }).map((v) => (text: string) => JSON.stringify({ ...JSON.parse(text), __proto__: v, constructor: v })),
  fc.jsonValue({ maxDepth: 2 }).map((v) => () => JSON.stringify(v)),
);
const stateCase = fc.tuple(damage, fc.constantFrom<string[]>(['list-handshakes-for-organization'], ['invite-account-to-organization', '--target', 'Id=x@example.com,Type=EMAIL'], ['--profile', 'juan', 'accept-handshake', '--handshake-id', 'h-12345678'], ['describe-organization'], ['list-accounts']));

describe('hostile input', () => {
  it(`argv (${CASES.argv} cases)`, async () => {
    await fc.assert(fc.asyncProperty(argvCase, (argv) => check(argv)), { numRuns: CASES.argv });
  }, 600_000);

  it(`--cli-input-json / --cli-input-yaml documents (${CASES.documents} cases)`, async () => {
    await fc.assert(fc.asyncProperty(documentCase, (argv) => check(argv)), { numRuns: CASES.documents });
  }, 600_000);

  it(`--starting-token values (${CASES.tokens} cases)`, async () => {
    await fc.assert(fc.asyncProperty(tokenCase, (argv) => check(argv)), { numRuns: CASES.tokens });
  }, 600_000);

  it(`damaged state files (${CASES.states} cases)`, async () => {
    await fc.assert(fc.asyncProperty(stateCase, ([spoil, argv]) => check(argv, spoil(pristine))), { numRuns: CASES.states });
  }, 600_000);

  it('pollutes no prototype', () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
