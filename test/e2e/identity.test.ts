// STS through the CLI (organization.md §28.4), credentials from the environment as scripts export
// them, the accounts' roles, CreateAccount and CloseAccount end to end, and orgsim run as `aws`.
import { execa } from 'execa';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, Sandbox } from './helpers.js';

let box: Sandbox;
beforeAll(async () => {
  box = new Sandbox();
  await box.run(['init']);
  await box.run(['roles', 'put', '--account', '222222222222', '--name', 'MigrationRole', '--trust', '111111111111']);
});
afterAll(() => box.cleanup());

const NOW = { ORGSIM_NOW: '2026-12-01T12:00:00Z' };

describe('sts get-caller-identity', () => {
  it('prints what the AWS CLI prints in every format (R-253)', async () => {
    const json = await box.json(['--profile', 'bill', 'sts', 'get-caller-identity']);
    expect(Object.keys(json)).toEqual(['UserId', 'Account', 'Arn']);
    expect(json).toEqual({ UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/), Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/bill' });
    expect((await box.run(['--profile', 'bill', 'sts', 'get-caller-identity', '--output', 'text'])).stdout).toBe(`111111111111\tarn:aws:iam::111111111111:user/bill\t${json.UserId}\n`);
    expect((await box.run(['--profile', 'bill', 'sts', 'get-caller-identity', '--query', 'Account', '--output', 'text'])).stdout).toBe('111111111111\n');
    const table = (await box.run(['--profile', 'bill', 'sts', 'get-caller-identity', '--output', 'table'])).stdout.split('\n');
    expect(table[1]).toMatch(/^\|\s+GetCallerIdentity\s+\|$/);
    expect(table.slice(3, 6).map((l) => l.split('|')[1]!.trim())).toEqual(['Account', 'Arn', 'UserId']);
    expect((await box.run(['--profile', 'bill', 'sts', 'get-caller-identity', '--output', 'yaml'])).stdout).toBe(`Account: '111111111111'\nArn: arn:aws:iam::111111111111:user/bill\nUserId: ${json.UserId}\n`);
  });

  it('an STS operation orgsim does not simulate, and a word STS does not have', async () => {
    const unserved = await box.run(['sts', 'get-session-token']);
    expect([unserved.exitCode, unserved.stderr]).toEqual([255, "\norgsim: [ERROR]: orgsim does not simulate sts get-session-token. The operations it simulates are listed by 'orgsim sts help' and in the README.\n"]);
    const typo = await box.run(['sts', 'asume-role']);
    expect(typo.exitCode).toBe(252);
    expect(typo.stderr).toContain("Found invalid choice 'asume-role'");
  });
});

describe('sts assume-role, and the credentials it prints', () => {
  async function assume(extra: string[] = [], env: Record<string, string> = NOW) {
    return box.run(['--profile', 'bill', 'sts', 'assume-role', '--role-arn', 'arn:aws:iam::222222222222:role/MigrationRole', '--role-session-name', 'migrate', ...extra], env);
  }

  it('json and text as the AWS CLI v2 prints them (R-254); the session acts as the role', async () => {
    const out = JSON.parse((await assume()).stdout);
    expect(Object.keys(out)).toEqual(['Credentials', 'AssumedRoleUser']);
    expect(Object.keys(out.Credentials)).toEqual(['AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']);
    expect(out.Credentials.Expiration).toBe('2026-12-01T13:00:00+00:00');
    expect(out.AssumedRoleUser.Arn).toBe('arn:aws:sts::222222222222:assumed-role/MigrationRole/migrate');
    const text = (await assume(['--output', 'text'])).stdout.split('\n');
    expect(text[0]).toMatch(/^ASSUMEDROLEUSER\tarn:aws:sts::222222222222:assumed-role\/MigrationRole\/migrate\tAROA[A-Z2-7]{17}:migrate$/);
    expect(text[1]).toMatch(/^CREDENTIALS\tASIA\w{16}\t2026-12-01T13:00:00\+00:00\t\S{40}\t\S+$/);

    const env = { ...NOW, AWS_ACCESS_KEY_ID: out.Credentials.AccessKeyId, AWS_SECRET_ACCESS_KEY: out.Credentials.SecretAccessKey, AWS_SESSION_TOKEN: out.Credentials.SessionToken };
    expect((await box.json(['sts', 'get-caller-identity'], env)).Arn).toBe('arn:aws:sts::222222222222:assumed-role/MigrationRole/migrate');
    // juan's account is standalone: the role sees what juan sees.
    const org = await box.run(['organizations', 'describe-organization'], env);
    expect([org.exitCode, org.stderr]).toEqual([254, '\norgsim: [ERROR]: An error occurred (AWSOrganizationsNotInUseException) when calling the DescribeOrganization operation: Your account is not a member of an organization.\n']);
    // --profile on the command line wins over the environment, as in botocore.
    expect((await box.json(['--profile', 'bill', 'sts', 'get-caller-identity'], env)).Account).toBe('111111111111');
    // AWS_PROFILE does not.
    expect((await box.json(['sts', 'get-caller-identity'], { ...env, AWS_PROFILE: 'bill' })).Account).toBe('222222222222');
  });

  it('a wrong token, a key nobody issued, a session past its expiry, a missing secret', async () => {
    const out = JSON.parse((await assume()).stdout);
    const env = { AWS_ACCESS_KEY_ID: out.Credentials.AccessKeyId, AWS_SECRET_ACCESS_KEY: out.Credentials.SecretAccessKey, AWS_SESSION_TOKEN: out.Credentials.SessionToken };
    const wrong = await box.run(['organizations', 'list-handshakes-for-account'], { ...NOW, ...env, AWS_SESSION_TOKEN: 'nope' });
    expect([wrong.exitCode, wrong.stderr]).toEqual([254, '\norgsim: [ERROR]: An error occurred (UnrecognizedClientException) when calling the ListHandshakesForAccount operation: The security token included in the request is invalid.\n']);
    const unknown = await box.run(['sts', 'get-caller-identity'], { AWS_ACCESS_KEY_ID: 'AKIANOBODY0000000000', AWS_SECRET_ACCESS_KEY: 'x' });
    expect([unknown.exitCode, unknown.stderr]).toEqual([254, '\norgsim: [ERROR]: An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid\n']);
    const later = await box.run(['sts', 'get-caller-identity'], { ...env, ORGSIM_NOW: '2026-12-01T13:00:00Z' });
    expect([later.exitCode, later.stderr]).toEqual([254, '\norgsim: [ERROR]: An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired\n']);
    const orgLater = await box.run(['organizations', 'list-handshakes-for-account'], { ...env, ORGSIM_NOW: '2026-12-01T13:00:00Z' });
    expect(orgLater.stderr).toContain('(ExpiredTokenException)');
    const partial = await box.run(['sts', 'get-caller-identity'], { AWS_ACCESS_KEY_ID: out.Credentials.AccessKeyId });
    expect([partial.exitCode, partial.stderr]).toEqual([255, '\norgsim: [ERROR]: Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\n']);
  });

  it('refusals: a role that does not trust the caller, and the CLI\'s own checks before sending', async () => {
    const denied = await box.run(['--profile', 'juan', 'sts', 'assume-role', '--role-arn', 'arn:aws:iam::222222222222:role/MigrationRole', '--role-session-name', 'self']);
    expect([denied.exitCode, denied.stderr]).toEqual([
      254,
      '\norgsim: [ERROR]: An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::222222222222:user/juan is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/MigrationRole\n',
    ]);
    const short = await assume(['--role-session-name', 'x']);
    expect([short.exitCode, short.stderr]).toEqual([252, '\norgsim: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid length for parameter RoleSessionName, value: 1, valid min length: 2\n']);
    const long = await assume(['--duration-seconds', '7200']);
    expect(long.stderr).toContain('(ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  });
});

describe('the roles and profiles of a rehearsal', () => {
  it('roles put changes the trust; roles remove ends the role and its sessions; a profile may stand for a role', async () => {
    const own = new Sandbox();
    try {
      await own.run(['init']);
      expect((await own.run(['roles', 'put', '--account', '222222222222', '--name', 'Ops'])).exitCode).toBe(0);
      const listed = await own.json(['roles', '--output', 'json']);
      expect(listed.Roles).toEqual([expect.objectContaining({ AccountId: '222222222222', RoleName: 'Ops', Arn: 'arn:aws:iam::222222222222:role/Ops', Trust: ['arn:aws:iam::222222222222:root'], MaxSessionDuration: 3600 })]);
      const bad = await own.run(['roles', 'put', '--account', '222222222222', '--name', 'Ops', '--trust', 'everyone']);
      expect([bad.exitCode, bad.stderr]).toEqual([252, "\norgsim: [ERROR]: An error occurred (ParamValidation): A trusted principal is an account id or an ARN such as arn:aws:iam::111111111111:root (not 'everyone').\n"]);
      expect((await own.run(['profiles', 'add', 'ops', '--account', '222222222222', '--role', 'Ops'])).exitCode).toBe(0);
      expect((await own.json(['--profile', 'ops', 'sts', 'get-caller-identity'])).Arn).toBe('arn:aws:sts::222222222222:assumed-role/Ops/ops');
      expect((await own.run(['profiles', 'add', 'x', '--account', '222222222222', '--role', 'Nope'])).exitCode).toBe(252);
      expect((await own.run(['roles', 'remove', '--account', '222222222222', '--name', 'Ops'])).exitCode).toBe(0);
      expect((await own.json(['roles', '--output', 'json'])).Roles).toEqual([]);
      expect((await own.json(['--profile', 'ops', 'sts', 'get-caller-identity'])).Arn).toBe('arn:aws:iam::222222222222:user/ops');
      expect((await own.run(['roles', 'remove', '--account', '222222222222', '--name', 'Ops'])).exitCode).toBe(252);
    } finally {
      own.cleanup();
    }
  });

  it('init --scenario rollout is sized by its parameters, and they belong to it alone', async () => {
    const own = new Sandbox();
    try {
      expect((await own.run(['init', '--scenario', 'rollout', '--accounts', '200', '--members', '3', '--feature-set', 'CONSOLIDATED_BILLING'])).exitCode).toBe(0);
      expect((await own.json(['describe-organization'])).Organization.FeatureSet).toBe('CONSOLIDATED_BILLING');
      expect((await own.json(['list-accounts'])).Accounts).toHaveLength(4);
      const world = await own.json(['accounts', '--output', 'json']);
      expect(world.Accounts).toHaveLength(204);
      expect(world.Accounts.at(-1)).toMatchObject({ Name: 'acct200', Profiles: 'acct200' });
      expect((await own.run(['invite-account-to-organization', '--target', 'Type=ACCOUNT,Id=100000000200'])).exitCode).toBe(0);
      const wrong = await own.run(['init', '--force', '--scenario', 'sample', '--accounts', '3']);
      expect([wrong.exitCode, wrong.stderr.split('\n')[1]]).toEqual([252, 'orgsim: [ERROR]: An error occurred (ParamValidation): --accounts: only the rollout scenario takes this']);
      expect((await own.run(['init', '--force', '--scenario', 'rollout', '--accounts', '-1'])).exitCode).toBe(252);
    } finally {
      own.cleanup();
    }
  });
});

describe('create-account and close-account through the CLI', () => {
  it('the request, its status, the account, its role; then its closure', async () => {
    const own = new Sandbox();
    try {
      await own.run(['init']);
      const created = await own.json(['create-account', '--email', 'dev@example.com', '--account-name', 'Dev']);
      expect(created.CreateAccountStatus.State).toBe('IN_PROGRESS');
      const done = await own.json(['describe-create-account-status', '--create-account-request-id', created.CreateAccountStatus.Id]);
      expect(done.CreateAccountStatus).toMatchObject({ State: 'SUCCEEDED', AccountId: expect.stringMatching(/^\d{12}$/) });
      const id = done.CreateAccountStatus.AccountId;
      const role = await own.json(['sts', 'assume-role', '--role-arn', `arn:aws:iam::${id}:role/OrganizationAccountAccessRole`, '--role-session-name', 'admin']);
      expect(role.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${id}:assumed-role/OrganizationAccountAccessRole/admin`);
      expect((await own.run(['list-create-account-status', '--states', 'SUCCEEDED', '--query', 'length(CreateAccountStatuses)', '--output', 'text'])).stdout).toBe('1\n');
      expect((await own.run(['close-account', '--account-id', id])).stdout).toBe('');
      expect((await own.run(['describe-account', '--account-id', id, '--query', 'Account.[State,Status]', '--output', 'text'])).stdout).toBe('CLOSED\tSUSPENDED\n');
    } finally {
      own.cleanup();
    }
  });
});

describe('world delays: a poll loop sees the request in progress until world time passes it', () => {
  it('create-account and close-account take the time the world gives them', async () => {
    const own = new Sandbox();
    try {
      await own.run(['init']);
      expect((await own.json(['world', 'delays', '--create-account', '60', '--close-account', '600', '--output', 'json'])).Delays).toEqual({ CreateAccountSeconds: 60, CloseAccountSeconds: 600 });
      const id = (await own.json(['create-account', '--email', 'poll@example.com', '--account-name', 'Poll'])).CreateAccountStatus.Id;
      const state = async () => (await own.run(['describe-create-account-status', '--create-account-request-id', id, '--query', 'CreateAccountStatus.State', '--output', 'text'])).stdout;
      expect(await state()).toBe('IN_PROGRESS\n');
      await own.run(['clock', 'advance', '61s']);
      expect(await state()).toBe('SUCCEEDED\n');
      const account = (await own.json(['describe-create-account-status', '--create-account-request-id', id])).CreateAccountStatus.AccountId;
      await own.run(['close-account', '--account-id', account]);
      const status = async () => (await own.run(['describe-account', '--account-id', account, '--query', 'Account.[State,Status]', '--output', 'text'])).stdout;
      expect(await status()).toBe('PENDING_CLOSURE\tPENDING_CLOSURE\n');
      expect((await own.run(['close-account', '--account-id', account])).stderr).toContain('(ConflictException)');
      await own.run(['clock', 'advance', '10m']);
      expect(await status()).toBe('CLOSED\tSUSPENDED\n');
      expect((await own.run(['world', 'delays', '--create-account', '86401'])).exitCode).toBe(252);
    } finally {
      own.cleanup();
    }
  });
});

describe('orgsim under the name aws', () => {
  it('speaks as aws, takes the global options scripts pass, and pages through AWS_PAGER on a terminal only', async () => {
    const bin = join(box.dir, 'bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(BIN, join(bin, 'aws'));
    const aws = (args: string[], env: Record<string, string> = {}) =>
      execa(join(bin, 'aws'), args, { env: box.env(env), extendEnv: false, reject: false, stripFinalNewline: false });
    const account = await aws(['sts', 'get-caller-identity', '--query', 'Account', '--output', 'text', '--region', 'us-east-1', '--no-cli-pager', '--endpoint-url', 'http://localhost:4566'], { AWS_PROFILE: 'bill', AWS_PAGER: 'false' });
    expect([account.exitCode, account.stdout]).toEqual([0, '111111111111\n']);
    const error = await aws(['describe-handshake', '--handshake-id', 'bad']);
    expect(error.stderr).toMatch(/^\naws: \[ERROR\]: An error occurred \(InvalidInputException\) when calling the DescribeHandshake operation/);
    const usage = await aws(['organizations']);
    expect(usage.stderr).toContain('usage: aws [options] <command> <subcommand>');
    expect((await aws(['ec2', 'describe-instances'])).stderr).toContain("listed by 'aws organizations help'");
    expect((await aws(['sts', 'help'])).stdout).toContain('aws [global options] sts <operation> [parameters]');
    expect((await aws(['organizations', 'nope'])).exitCode).toBe(252);
    // On a terminal (script(1) gives one) the output goes to the pager; --no-cli-pager keeps it on stdout.
    const paged = join(box.dir, 'paged.txt');
    await execa('script', ['-qc', `${join(bin, 'aws')} --profile bill sts get-caller-identity --query Account`, '/dev/null'], { env: box.env({ AWS_PAGER: `cat > ${paged}` }), extendEnv: false, reject: false });
    expect(readFileSync(paged, 'utf8')).toBe('"111111111111"\n');
    const unpaged = join(box.dir, 'unpaged.txt');
    await execa('script', ['-qc', `${join(bin, 'aws')} --no-cli-pager --profile bill sts get-caller-identity`, '/dev/null'], { env: box.env({ AWS_PAGER: `cat > ${unpaged}` }), extendEnv: false, reject: false });
    expect(existsSync(unpaged)).toBe(false);
  });
});
