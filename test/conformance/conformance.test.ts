// The real AWS CLI (Debian's awscli, /usr/bin/aws) and orgsim side by side on one world, through
// `orgsim serve`: the same stdout and exit codes, and the same error lines where the versions agree.
import { execa, execaSync } from 'execa';
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, Sandbox, type Run } from '../e2e/helpers.js';
import { startServer, type RunningServer } from '../e2e/server-helpers.js';

const AWS = process.env.ORGSIM_AWS_CLI ?? '/usr/bin/aws';
const NOW = { ORGSIM_NOW: '2026-11-21T12:00:00Z' };

let box: Sandbox;
let server: RunningServer;
let credentials: string;
const ids: Record<string, string> = {};

type Stdin = { input?: string; inputFile?: string };

const awsEnv = () => ({
  PATH: process.env.PATH ?? '',
  HOME: box.dir,
  TZ: 'UTC',
  AWS_SHARED_CREDENTIALS_FILE: credentials,
  AWS_CONFIG_FILE: '/dev/null',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
});

async function aws(args: string[], stdin: Stdin = {}): Promise<Run> {
  const result = await execa(AWS, ['--endpoint-url', server.url, ...args], {
    ...stdin,
    env: awsEnv(),
    extendEnv: false,
    reject: false,
    stripFinalNewline: false,
  });
  return { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? -1 };
}

const orgsim = async (args: string[], stdin: Stdin = {}): Promise<Run> => {
  if (stdin.inputFile === undefined) return box.run(['--cli-error-format', 'legacy', ...args], NOW, stdin.input);
  const result = await execa(BIN, ['--cli-error-format', 'legacy', ...args], { env: box.env(NOW), extendEnv: false, reject: false, stripFinalNewline: false, ...stdin });
  return { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? -1 };
};

/** The 2.9.19 error line is the current one without the "aws: [ERROR]: " prefix. */
const comparableError = (stderr: string) => stderr.replace('orgsim: [ERROR]: ', '');
/** 2.9.19 prints a client-side error alone; 2.36 as a ParamValidation error (cli-behaviour.md §13). */
const comparableParamError = (stderr: string) => comparableError(stderr).replace('An error occurred (ParamValidation): ', '');

beforeAll(async () => {
  if (!existsSync(AWS)) throw new Error(`${AWS} is missing: install Debian's awscli (apt-get install awscli), as .ci/run does`);
  box = new Sandbox();
  await box.run(['quota', 'set', '--accounts', '500', '--invitations-per-day', '500'], NOW);
  const notes = ['Welcome', '', 'Hi Juan: tab\there, unicode éè ☃', 'A long note that the YAML emitter folds because it runs on past the eightieth column of output.'];
  for (let i = 0; i < 25; i++) {
    const at = { ORGSIM_NOW: `2026-11-21T11:${String(30 + i).padStart(2, '0')}:00Z` };
    const args = ['invite-account-to-organization', '--target', `Id=user${i}@example.com,Type=EMAIL`];
    if (i % 3 === 0) args.push('--notes', notes[(i / 3) % notes.length]!);
    ids[`user${i}`] = (await box.json(args, at)).Handshake.Id;
  }
  for (const name of ['juan', 'anika', 'susan']) {
    const account = { juan: '222222222222', anika: '333333333333', susan: '444444444444' }[name]!;
    ids[name] = (await box.json(['invite-account-to-organization', '--target', `Id=${account},Type=ACCOUNT`], { ORGSIM_NOW: '2026-11-21T11:59:00Z' })).Handshake.Id;
  }
  await box.json(['--profile', 'juan', 'accept-handshake', '--handshake-id', ids.juan!], NOW);
  await box.run(['roles', 'put', '--account', '333333333333', '--name', 'Conformance', '--trust', '111111111111']);
  credentials = join(box.dir, 'credentials');
  writeFileSync(credentials, (await box.run(['profiles', '--aws-credentials'])).stdout);
  server = await startServer(box, NOW);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  box?.cleanup();
});

const same: [string, () => string[]][] = [
  ...['json', 'text', 'table', 'yaml', 'yaml-stream'].map((f): [string, () => string[]] => [`list, ${f}`, () => ['organizations', 'list-handshakes-for-organization', '--output', f]]),
  ...['json', 'text', 'table', 'yaml', 'yaml-stream'].map((f): [string, () => string[]] => [`describe, ${f}`, () => ['organizations', 'describe-handshake', '--handshake-id', ids.user0!, '--output', f]]),
  ['describe-organization json', () => ['organizations', 'describe-organization']],
  ['describe-organization table', () => ['organizations', 'describe-organization', '--output', 'table']],
  ...['json', 'text', 'table'].map((f): [string, () => string[]] => [`list-roots, ${f}`, () => ['organizations', 'list-roots', '--output', f]]),
  ['list-accounts text', () => ['organizations', 'list-accounts', '--output', 'text', '--query', 'Accounts[].[Id, Name, Email, JoinedMethod, JoinedTimestamp]']],
  ['list-for-account yaml', () => ['--profile', 'anika', 'organizations', 'list-handshakes-for-account', '--output', 'yaml']],
  ['list-for-account of a member', () => ['--profile', 'juan', 'organizations', 'list-handshakes-for-account']],
  ['query ids, text', () => ['organizations', 'list-handshakes-for-organization', '--output', 'text', '--query', 'Handshakes[].Id']],
  ['query scalar', () => ['organizations', 'describe-handshake', '--handshake-id', ids.user3!, '--query', 'Handshake.Resources[2].Value']],
  ['query list of lists, table', () => ['organizations', 'list-handshakes-for-organization', '--output', 'table', '--query', 'Handshakes[].[Id, State]']],
  ['query null', () => ['organizations', 'list-handshakes-for-organization', '--query', 'Handshakes[0].Missing']],
  ['query per page, text', () => ['organizations', 'list-handshakes-for-organization', '--output', 'text', '--page-size', '7', '--query', 'length(Handshakes)']],
  ['max-items 2', () => ['organizations', 'list-handshakes-for-organization', '--max-items', '2']],
  ['max-items 2, text', () => ['organizations', 'list-handshakes-for-organization', '--max-items', '2', '--output', 'text']],
  ['max-items 20 (page boundary)', () => ['organizations', 'list-handshakes-for-organization', '--max-items', '20', '--query', 'NextToken']],
  ['page-size 3', () => ['organizations', 'list-handshakes-for-organization', '--page-size', '3', '--query', 'Handshakes[].Id']],
  ['page-size 3, yaml-stream', () => ['organizations', 'list-handshakes-for-organization', '--page-size', '3', '--max-items', '7', '--output', 'yaml-stream', '--query', 'Handshakes[].State']],
  ['no-paginate', () => ['organizations', 'list-handshakes-for-organization', '--no-paginate', '--query', '{N: length(Handshakes), T: NextToken}']],
  ['filter and max-items, text', () => ['organizations', 'list-handshakes-for-organization', '--filter', 'ActionType=INVITE', '--max-items', '3', '--output', 'text']],
  ['filter by unknown parent', () => ['organizations', 'list-handshakes-for-organization', '--filter', 'ParentHandshakeId=h-12345678']],
  ['skeleton output, yaml', () => ['organizations', 'describe-handshake', '--handshake-id', 'h-12345678', '--generate-cli-skeleton', 'output', '--output', 'yaml']],
  ['max-items 0', () => ['organizations', 'list-handshakes-for-organization', '--max-items', '0']],
  ...['json', 'text', 'table', 'yaml'].map((f): [string, () => string[]] => [`sts get-caller-identity, ${f}`, () => ['sts', 'get-caller-identity', '--output', f]]),
  ['sts get-caller-identity of a member, query', () => ['--profile', 'juan', 'sts', 'get-caller-identity', '--query', 'Account', '--output', 'text']],
  ...['json', 'text', 'table'].map((f): [string, () => string[]] => [
    `sts assume-role, the assumed role, ${f}`,
    () => ['sts', 'assume-role', '--role-arn', 'arn:aws:iam::333333333333:role/Conformance', '--role-session-name', 'side-by-side', '--query', 'AssumedRoleUser', '--output', f],
  ]),
  ['list-children of the root, text', () => ['organizations', 'list-children', '--parent-id', 'r-exam', '--child-type', 'ACCOUNT', '--output', 'text']],
  ['list-accounts-for-parent, table (2.9.19 predates State: Status only)', () => ['organizations', 'list-accounts-for-parent', '--parent-id', 'r-exam', '--output', 'table', '--query', 'Accounts[].[Id, Name, Status]']],
  ['list-create-account-status, none yet', () => ['organizations', 'list-create-account-status']],
  ...['json', 'text', 'table', 'yaml'].map((f): [string, () => string[]] => [`describe-policy FullAWSAccess, ${f}`, () => ['organizations', 'describe-policy', '--policy-id', 'p-FullAWSAccess', '--output', f]]),
  ['list-policies, text', () => ['organizations', 'list-policies', '--filter', 'SERVICE_CONTROL_POLICY', '--output', 'text']],
  ['list-aws-service-access-for-organization, none yet', () => ['organizations', 'list-aws-service-access-for-organization']],
  ['list-delegated-administrators, none yet, table', () => ['organizations', 'list-delegated-administrators', '--output', 'table']],
];

describe('the same stdout and exit code from aws and orgsim', () => {
  it.each(same)('%s', async (_name, args) => {
    const [real, ours] = await Promise.all([aws(args()), orgsim(args())]);
    expect(real.exitCode).toBe(0);
    expect(ours.stdout).toBe(real.stdout);
    expect(ours.exitCode).toBe(real.exitCode);
  });

  it('a resume token from one tool works in the other', async () => {
    const first = await aws(['organizations', 'list-handshakes-for-organization', '--max-items', '7', '--query', 'NextToken', '--output', 'text']);
    const token = first.stdout.trim();
    for (const more of [['--max-items', '7'], ['--max-items', '30'], []]) {
      const args = ['organizations', 'list-handshakes-for-organization', '--starting-token', token, ...more];
      const [real, ours] = await Promise.all([aws(args), orgsim(args)]);
      expect(ours).toEqual({ ...real, stderr: ours.stderr });
    }
    const service = (await orgsim(['organizations', 'list-handshakes-for-organization', '--no-paginate', '--query', 'NextToken', '--output', 'text'])).stdout.trim();
    const args = ['organizations', 'list-handshakes-for-organization', '--no-paginate', '--next-token', service];
    const [real, ours] = await Promise.all([aws(args), orgsim(args)]);
    expect(ours.stdout).toBe(real.stdout);
  });
});

const errors: [string, () => string[]][] = [
  ['a role that does not trust the caller', () => ['--profile', 'juan', 'sts', 'assume-role', '--role-arn', 'arn:aws:iam::333333333333:role/Conformance', '--role-session-name', 'nope']],
  ['a role that does not exist', () => ['sts', 'assume-role', '--role-arn', 'arn:aws:iam::333333333333:role/Nobody', '--role-session-name', 'nope']],
  ['describe an unknown create-account request', () => ['organizations', 'describe-create-account-status', '--create-account-request-id', 'car-00000000']],
  ['register a delegate without trusted access', () => ['organizations', 'register-delegated-administrator', '--account-id', '222222222222', '--service-principal', 'sso.amazonaws.com']],
  ['an unrecognised service principal', () => ['organizations', 'enable-aws-service-access', '--service-principal', 'stacksets.cloudformation.amazonaws.com']],
  ['delete FullAWSAccess', () => ['organizations', 'delete-policy', '--policy-id', 'p-FullAWSAccess']],
  ['attach a policy of a type not enabled', () => ['organizations', 'attach-policy', '--policy-id', 'p-FullAWSAccess', '--target-id', '222222222222']],
  ['close the management account', () => ['organizations', 'close-account', '--account-id', '111111111111']],
  ['unknown handshake', () => ['organizations', 'describe-handshake', '--handshake-id', 'h-00000000']],
  ['member lists roots', () => ['--profile', 'juan', 'organizations', 'list-roots']],
  ['standalone lists roots', () => ['--profile', 'anika', 'organizations', 'list-roots']],
  ['bad id pattern', () => ['--profile', 'juan', 'organizations', 'accept-handshake', '--handshake-id', 'h-BADID12345']],
  ['sender accepts', () => ['--profile', 'bill', 'organizations', 'accept-handshake', '--handshake-id', ids.susan!]],
  ['recipient cancels', () => ['--profile', 'susan', 'organizations', 'cancel-handshake', '--handshake-id', ids.susan!]],
  ['non-party describes', () => ['--profile', 'anika', 'organizations', 'describe-handshake', '--handshake-id', ids.susan!]],
  ['accept twice', () => ['--profile', 'juan', 'organizations', 'accept-handshake', '--handshake-id', ids.juan!]],
  ['decline accepted', () => ['--profile', 'juan', 'organizations', 'decline-handshake', '--handshake-id', ids.juan!]],
  ['cancel accepted', () => ['organizations', 'cancel-handshake', '--handshake-id', ids.juan!]],
  ['duplicate invitation', () => ['organizations', 'invite-account-to-organization', '--target', 'Id=444444444444,Type=ACCOUNT']],
  ['member by id', () => ['organizations', 'invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT']],
  ['bad party type', () => ['organizations', 'invite-account-to-organization', '--target', 'Id=x,Type=FOO']],
  ['bad email', () => ['organizations', 'invite-account-to-organization', '--target', 'Id=nobody,Type=EMAIL']],
  ['notes too long', () => ['organizations', 'invite-account-to-organization', '--target', 'Id=long@example.com,Type=EMAIL', '--notes', 'x'.repeat(1025)]],
  ['duplicate tags', () => ['organizations', 'invite-account-to-organization', '--target', 'Id=tags@example.com,Type=EMAIL', '--tags', 'Key=a,Value=1', 'Key=a,Value=2']],
  ['standalone lists the organization', () => ['--profile', 'anika', 'organizations', 'list-handshakes-for-organization']],
  ['member lists the organization', () => ['--profile', 'juan', 'organizations', 'list-handshakes-for-organization']],
  ['member lists accounts', () => ['--profile', 'juan', 'organizations', 'list-accounts']],
  ['standalone describes the organization', () => ['--profile', 'susan', 'organizations', 'describe-organization']],
  ['standalone invites', () => ['--profile', 'susan', 'organizations', 'invite-account-to-organization', '--target', 'Id=333333333333,Type=ACCOUNT']],
  ['both filters', () => ['organizations', 'list-handshakes-for-organization', '--filter', 'ActionType=INVITE,ParentHandshakeId=h-12345678']],
  ['unknown action type', () => ['organizations', 'list-handshakes-for-organization', '--filter', 'ActionType=BOGUS']],
  ['bad parent id', () => ['organizations', 'list-handshakes-for-organization', '--filter', 'ParentHandshakeId=nope']],
  ['page size 25', () => ['organizations', 'list-handshakes-for-organization', '--page-size', '25']],
  ['corrupt starting token', () => ['organizations', 'list-handshakes-for-organization', '--starting-token', 'garbage']],
  ['legacy starting token', () => ['organizations', 'list-handshakes-for-organization', '--starting-token', 'abc___2']],
];

describe('every service error: exit 254 and the same error line', () => {
  it.each(errors)('%s', async (_name, args) => {
    const [real, ours] = await Promise.all([aws(args()), orgsim(args())]);
    expect(real.exitCode).toBe(254);
    expect(ours.exitCode).toBe(254);
    expect(ours.stdout).toBe(real.stdout);
    expect(comparableError(ours.stderr)).toBe(real.stderr);
  });
});

// jmespath.py refuses these while compiling: no call may be made.
const badQueries = ['`bad', 'a..b', 'Handshake..Id', "'abc", 'a. .b', '', '@@', 'length(', '"a"(@)', 'a[1:2:3:4]', 'a = b', '{a}', '☃', '`{"a": }`', '('.repeat(490) + 'a' + ')'.repeat(490)];

describe('a --query the AWS CLI refuses: exit 252, the same message, and nothing sent', () => {
  it.each(badQueries)('%s', async (query) => {
    const count = async () => (await orgsim(['organizations', 'list-handshakes-for-organization', '--query', 'length(Handshakes)'])).stdout;
    const before = await count();
    const args = ['organizations', 'invite-account-to-organization', '--target', 'Id=refused@example.com,Type=EMAIL', '--query', query];
    const [real, ours] = await Promise.all([aws(args), orgsim(args)]);
    expect([real.exitCode, ours.exitCode]).toEqual([252, 252]);
    expect(ours.stdout).toBe(real.stdout);
    expect(comparableParamError(ours.stderr)).toBe(real.stderr);
    expect(await count()).toBe(before);
  });
});

// What a query gives, in every format: floats stay floats, the by-functions take strings.
const results = [
  '`1.0`',
  'avg(`[2, 2]`)',
  '[`1e16`, `0.00001`, `-0.0`, `1e400`]',
  'max_by(Handshakes, &Id).Id',
  'min_by(Handshakes, &Parties[1].Id).Parties[1].Id',
  'sort_by(Handshakes, &Parties[1].Id)[].Parties[1].Id',
  'to_string(Handshakes[0].Resources[2])',
  '{a: b c: d}',
  '{s: sum(`[1, 2.5]`), f: floor(`1.5`), n: to_number(`"1e3"`)}',
  "Handshakes[?contains(Parties[1].Id, 'user1')].Parties[1].Id",
];
describe('query results, as jmespath.py gives them, in every format', () => {
  it.each(results.flatMap((q) => ['json', 'text', 'yaml', 'table'].map((f) => [q, f])))('%s, %s', async (query, format) => {
    const args = ['organizations', 'list-handshakes-for-organization', '--output', format!, '--query', query!];
    const [real, ours] = await Promise.all([aws(args), orgsim(args)]);
    expect(real.exitCode).toBe(0);
    expect(ours.stdout).toBe(real.stdout);
    expect(ours.exitCode).toBe(0);
  });
});

// Failing while searching (after the call): exit 255 and jmespath.py's (or Python's) own words.
const failing = [
  'length()',
  'abs(Handshakes[0].Id)',
  'sort_by(Handshakes, &Parties)',
  'sort(`[1, "a"]`)',
  '`1` < `"a"`',
  'contains(Handshakes[0].Id, `1`)',
  'Handshakes[::0]',
  'nope(@)',
  'max_by(Handshakes, &Parties)',
];
describe('a query that fails while searching', () => {
  it("nested past what Python's stack holds", async () => {
    const args = ['organizations', 'describe-organization', '--query', 'a|'.repeat(490) + 'a'];
    const [real, ours] = await Promise.all([aws(args), orgsim(args)]);
    expect([real.exitCode, ours.exitCode]).toEqual([255, 255]);
    expect(comparableError(ours.stderr)).toBe(real.stderr);
  });

  it.each(failing)('%s', async (query) => {
    const args = ['organizations', 'list-handshakes-for-organization', '--query', query];
    const [real, ours] = await Promise.all([aws(args), orgsim(args)]);
    expect([real.exitCode, ours.exitCode]).toEqual([255, 255]);
    expect(ours.stdout).toBe(real.stdout);
    expect(comparableError(ours.stderr)).toBe(real.stderr);
  });
});

// A structure parameter's JSON is read by Python's json module; a value starting with [ is JSON too.
const badJson: [string, string[]][] = [
  ['unquoted key', ['list-handshakes-for-organization', '--filter', '{bad']],
  ['trailing comma', ['list-handshakes-for-organization', '--filter', '{"ActionType": "INVITE",}']],
  ['extra data', ['list-handshakes-for-organization', '--filter', '{"ActionType": "INVITE"} x']],
  ['bad escape', ['list-handshakes-for-organization', '--filter', '{"ActionType": "b\\c"}']],
  ['bad \\u escape', ['list-handshakes-for-organization', '--filter', '{"ActionType": "a\\u12"}']],
  ['control character', ['list-handshakes-for-organization', '--filter', '{"ActionType": "a\nb"}']],
  ['missing colon', ['list-handshakes-for-organization', '--filter', '{"ActionType" 1}']],
  ['unclosed', ['list-handshakes-for-organization', '--filter', '{"ActionType": "x"']],
  ['a second line', ['list-handshakes-for-organization', '--filter', '{\n  "ActionType": ]\n}']],
  ['a float', ['list-handshakes-for-organization', '--filter', '{"ActionType": 1.0}']],
  ['NaN', ['list-handshakes-for-organization', '--filter', '{"ActionType": NaN}']],
  ['a structure given as a list', ['list-handshakes-for-organization', '--filter', '[1']],
  ['a structure given as a JSON list', ['invite-account-to-organization', '--target', '[{"Id": "x@example.com", "Type": "EMAIL"}]']],
  ['a list that is not JSON', ['invite-account-to-organization', '--target', 'Id=x@example.com,Type=EMAIL', '--tags', '[1']],
  ['JSON first, shorthand after', ['invite-account-to-organization', '--target', 'Id=x@example.com,Type=EMAIL', '--tags', '{"Key": "a", "Value": "b"}', 'Key=c,Value=d']],
];
describe('the JSON of a parameter, as Python reads it', () => {
  it.each(badJson)('%s', async (_name, rest) => {
    const args = ['organizations', ...rest];
    const [real, ours] = await Promise.all([aws(args), orgsim(args)]);
    expect(real.exitCode).toBe(252);
    expect(ours.exitCode).toBe(252);
    expect(comparableParamError(ours.stderr)).toBe(real.stderr);
  });
});

describe('--cli-input-json file:///dev/stdin', () => {
  const args = () => ['organizations', 'describe-handshake', '--cli-input-json', 'file:///dev/stdin'];
  /** Runs `run` with its stdin a real pipe from a shell (execa's own input is a socket). */
  const piped = (run: (stdin: { inputFile: string }) => Promise<Run>) => {
    const fifo = join(box.dir, `stdin-${Math.random().toString(36).slice(2)}`);
    execaSync('mkfifo', [fifo]);
    const writer = execa('sh', ['-c', `printf '%s' "$1" > "$2"`, 'sh', JSON.stringify({ HandshakeId: ids.user1 }), fifo]);
    return Promise.all([run({ inputFile: fifo }), writer]).then(([result]) => result);
  };
  it('from a pipe: the second read finds nothing, Invalid JSON received (exit 252)', async () => {
    const real = await piped((stdin) => aws(args(), stdin));
    const ours = await piped((stdin) => orgsim(args(), stdin));
    expect([real.exitCode, ours.exitCode]).toEqual([252, 252]);
    expect(comparableParamError(ours.stderr)).toBe(real.stderr);
  });
  it('from a socket, as a parent process may give it: the AWS CLI cannot open it', async () => {
    const input = JSON.stringify({ HandshakeId: ids.user1 });
    const [real, ours] = await Promise.all([aws(args(), { input }), orgsim(args(), { input })]);
    expect([real.exitCode, ours.exitCode]).toEqual([252, 252]);
    expect(comparableParamError(ours.stderr)).toBe(real.stderr);
  });
  it('from a file (< input.json): read again from its start, so it works', async () => {
    const file = join(box.dir, 'input.json');
    writeFileSync(file, JSON.stringify({ HandshakeId: ids.user1 }));
    // The file itself as stdin, as `< input.json` gives it (execa would pipe it).
    const run = (bin: string, more: string[], env: Record<string, string>) => {
      const result = spawnSync(bin, [...more, ...args()], { env, stdio: [openSync(file, 'r'), 'pipe', 'pipe'] });
      return { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.status ?? -1 };
    };
    const real = run(AWS, ['--endpoint-url', server.url], awsEnv());
    const ours = run(BIN, ['--cli-error-format', 'legacy'], box.env(NOW));
    expect([real.exitCode, ours.exitCode]).toEqual([0, 0]);
    expect(ours.stdout).toBe(real.stdout);
  });
});

describe('a coloured table whose call or query fails', () => {
  const cases: [string, string[]][] = [
    ['a paginated call the service refuses', ['list-handshakes-for-organization', '--page-size', '25']],
    ['a paginated call with a bad starting token', ['list-handshakes-for-organization', '--starting-token', 'bad']],
    ['a query failing after a plain call', ['describe-organization', '--query', 'abs(@)']],
    ['a plain call the service refuses (no reset)', ['describe-handshake', '--handshake-id', 'h-123']],
  ];
  it.each(cases)('%s: the error written as the AWS CLI writes it', async (_name, rest) => {
    const args = ['organizations', ...rest, '--output', 'table', '--color', 'on'];
    const [real, ours] = await Promise.all([aws(args), orgsim(args)]);
    expect(ours.exitCode).toBe(real.exitCode);
    // 2.36 adds "Additional error details" after a Reason (cli-behaviour.md): compare the error line.
    const line = (stderr: string) => stderr.replace(/\n\nAdditional error details:\nReason: [^\n\x1b]*/, '');
    expect(line(comparableError(ours.stderr))).toBe(real.stderr);
  });
});

describe('a query that fails on a later page of text output', () => {
  it('leaves the pages before it printed, and exits 255', async () => {
    const args = ['organizations', 'list-handshakes-for-organization', '--output', 'text', '--max-items', '1', '--query', 'length(Handshakes)'];
    const [real, ours] = await Promise.all([aws(args), orgsim(args)]);
    expect([real.exitCode, ours.exitCode]).toEqual([255, 255]);
    expect(real.stdout).toBe('1\n');
    expect(ours.stdout).toBe(real.stdout);
  });
});

describe('mutations through one tool, read back through the other', () => {
  it('aws accepts; orgsim describes the same handshake', async () => {
    const accept = await aws(['--profile', 'susan', 'organizations', 'accept-handshake', '--handshake-id', ids.susan!]);
    const read = await orgsim(['organizations', 'describe-handshake', '--handshake-id', ids.susan!]);
    expect(accept.exitCode).toBe(0);
    expect(read.stdout).toBe(accept.stdout);
  });

  it('orgsim declines; aws describes the same handshake', async () => {
    const decline = await orgsim(['--profile', 'anika', 'organizations', 'decline-handshake', '--handshake-id', ids.anika!, '--output', 'yaml']);
    const read = await aws(['organizations', 'describe-handshake', '--handshake-id', ids.anika!, '--output', 'yaml']);
    expect(read.exitCode).toBe(0);
    expect(decline.stdout).toBe(read.stdout);
  });

  it('aws invites; orgsim describes the new handshake', async () => {
    const invite = await aws(['organizations', 'invite-account-to-organization', '--target', 'Id=new@example.com,Type=EMAIL', '--notes', 'via aws']);
    const id = JSON.parse(invite.stdout).Handshake.Id as string;
    expect((await orgsim(['organizations', 'describe-handshake', '--handshake-id', id])).stdout).toBe(invite.stdout);
  });
});

describe('client-side errors: the same exit code, nothing on stdout', () => {
  it.each([
    ['missing required option', ['organizations', 'accept-handshake']],
    ['page size 0', ['organizations', 'list-handshakes-for-organization', '--page-size', '0']],
    ['unknown option', ['organizations', 'list-accounts', '--foo']],
    ['missing member', ['organizations', 'invite-account-to-organization', '--target', 'Id=222222222222']],
  ])('%s', async (_name, args) => {
    const [real, ours] = await Promise.all([aws(args as string[]), orgsim(args as string[])]);
    expect(real.exitCode).toBe(252);
    expect(ours.exitCode).toBe(252);
    expect(ours.stdout).toBe(real.stdout);
  });
});
