// Rehearsing what goes wrong and who has not answered, as scripts meet it: bash retry loops
// against injected throttling, the CLI's own retries, pagination through empty pages (the SDK's
// paginator and a hand-written NextToken loop), polling until simulated responders have answered,
// status naming who never did, world diff of two rehearsals, and a run repeated byte for byte.
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OrganizationsClient, paginateListHandshakesForOrganization } from '@aws-sdk/client-organizations';
import { BIN, Sandbox } from './helpers.js';
import { post, startServer } from './server-helpers.js';

const boxes: Sandbox[] = [];
afterEach(() => boxes.splice(0).forEach((b) => b.cleanup()));

function sandbox(): Sandbox {
  const box = new Sandbox();
  boxes.push(box);
  return box;
}

/** A world of one organization that has invited `accounts` standalone accounts. */
async function invited(box: Sandbox, accounts: number, env: Record<string, string> = {}): Promise<void> {
  expect((await box.run(['init', '--scenario', 'rollout', '--accounts', String(accounts)], env)).exitCode).toBe(0);
  const script = `for a in $(${BIN} accounts --output text --query 'Accounts[?OrganizationId==\`\`].Id'); do ${BIN} organizations invite-account-to-organization --target Id=$a,Type=ACCOUNT >/dev/null || exit 1; done`;
  expect((await bash(box, script, env)).exitCode).toBe(0);
}

const bash = (box: Sandbox, script: string, env: Record<string, string> = {}) => execa('bash', ['-c', script], { env: box.env(env), extendEnv: false, reject: false });

// Retries really wait in these tests only as long as it takes to count them.
const NO_WAIT = { ORGSIM_RETRY_DELAY_SCALE: '0' };

describe('injected throttling', () => {
  it('a bash retry loop on exit code 254 and the error code gets through', async () => {
    const box = sandbox();
    await invited(box, 3);
    // Every call throttled but each fourth: the CLI's own three attempts cannot absorb that.
    expect((await box.run(['faults', 'set', 'throttle', '--rate', '0.75', '--seed', 'loop'])).exitCode).toBe(0);
    const script = `
      tries=0
      while :; do
        tries=$((tries+1))
        out=$(${BIN} organizations list-handshakes-for-organization --query 'length(Handshakes)' 2>err)
        rc=$?
        if [ $rc -eq 0 ]; then echo "$out after $tries"; break; fi
        if [ $rc -eq 254 ] && grep -q TooManyRequestsException err; then sleep 0; continue; fi
        cat err; exit 9
      done`;
    const run = await bash(box, script, { ...NO_WAIT, AWS_MAX_ATTEMPTS: '1' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const [count, , tries] = run.stdout.trim().split(' ');
    expect(count).toBe('3');
    const throttled = await box.json(['events', '--output', 'json', '--query', 'Events[?orgsimFault==`throttle`] | length(@)']);
    expect(throttled).toBe(Number(tries) - 1);
  });

  it("the CLI's own retries absorb a low rate, and give up at the AWS CLI's three attempts", async () => {
    const box = sandbox();
    await invited(box, 2);
    await box.run(['faults', 'set', 'throttle', '--rate', '0.25', '--operations', 'describe-organization', '--seed', 'a']);
    for (let i = 0; i < 8; i++) expect((await box.run(['organizations', 'describe-organization'], NO_WAIT)).exitCode).toBe(0);
    // The seed struck some of those calls; each was answered by a retry.
    expect(await box.json(['events', '--output', 'json', '--query', 'Events[?orgsimFault==`throttle`] | length(@)'])).toBeGreaterThan(0);

    await box.run(['faults', 'set', 'throttle', '--rate', '1', '--operations', 'describe-organization']);
    const before = await box.json(['events', '--output', 'json', '--query', 'length(Events)']);
    const failed = await box.run(['--debug', 'organizations', 'describe-organization'], NO_WAIT);
    expect(failed.exitCode).toBe(254);
    expect(failed.stderr).toContain('An error occurred (TooManyRequestsException) when calling the DescribeOrganization operation (reached max retries: 2): You have sent too many requests in too short a period of time. Try again later.');
    expect(failed.stderr.match(/botocore\.retries\.standard - DEBUG - Retry needed, retrying request after delay of: [\d.]+/g)).toHaveLength(2);
    expect(failed.stderr).toContain('Max attempts of 3 reached.');
    expect(await box.json(['events', '--output', 'json', '--query', 'length(Events)'])).toBe(before + 3);

    const five = await box.run(['organizations', 'describe-organization'], { ...NO_WAIT, AWS_MAX_ATTEMPTS: '5' });
    expect(five.stderr).toContain('(reached max retries: 4)');
    expect(await box.json(['events', '--output', 'json', '--query', 'length(Events)'])).toBe(before + 8);
    // AWS CLI v2 has no legacy mode.
    const legacy = await box.run(['organizations', 'describe-organization'], { AWS_RETRY_MODE: 'legacy' });
    expect(legacy.exitCode).toBe(255);
    expect(legacy.stderr).toContain('Invalid value provided to "mode": "legacy" must be one of: "standard" or "adaptive"');
  });

  it('ORGSIM_FAULTS switches faults on for one process only, and a conflict is not retried', async () => {
    const box = sandbox();
    await invited(box, 1);
    const run = await box.run(['organizations', 'describe-organization'], { ORGSIM_FAULTS: 'conflict:every=1,operations=describe-organization' });
    expect(run.exitCode).toBe(254);
    expect(run.stderr).toContain('An error occurred (ConcurrentModificationException) when calling the DescribeOrganization operation: ');
    expect((await box.run(['organizations', 'describe-organization'])).exitCode).toBe(0);
    expect((await box.run(['faults'], { ORGSIM_FAULTS: 'bogus:every=1' })).stderr).toContain("ORGSIM_FAULTS: unknown fault 'bogus'");
  });
});

describe('empty pages', () => {
  it('the SDK paginator and a hand-written NextToken loop both get every handshake', async () => {
    const box = sandbox();
    await invited(box, 12);
    await box.run(['faults', 'set', 'empty-page', '--every', '2', '--operations', 'list-handshakes-for-organization']);
    const all = (await box.json(['organizations', 'list-handshakes-for-organization', '--output', 'json', '--query', 'Handshakes[].Id'])) as string[];
    expect(all).toHaveLength(12);

    // The CLI's own paging: per page, the empty ones show.
    const perPage = await box.run(['organizations', 'list-handshakes-for-organization', '--page-size', '5', '--output', 'text', '--query', 'length(Handshakes)']);
    expect(perPage.stdout.trim().split('\n')).toContain('0');

    const hand = await bash(
      box,
      `token=""; while :; do
         if [ -z "$token" ]; then page=$(${BIN} organizations list-handshakes-for-organization --max-results 5 --output json); else page=$(${BIN} organizations list-handshakes-for-organization --max-results 5 --next-token "$token" --output json); fi || exit 1
         echo "$page" | /usr/bin/env node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for (const h of JSON.parse(s).Handshakes) console.log(h.Id)})'
         token=$(echo "$page" | /usr/bin/env node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).NextToken ?? ""))')
         [ -z "$token" ] && break
       done`,
    );
    expect(hand.exitCode, hand.stderr).toBe(0);
    expect(hand.stdout.trim().split('\n').sort()).toEqual([...all].sort());

    const server = await startServer(box);
    try {
      const client = new OrganizationsClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'AKIAORGSIMDEFAULT000', secretAccessKey: 'x' } });
      const ids: string[] = [];
      let pages = 0;
      for await (const page of paginateListHandshakesForOrganization({ client, pageSize: 5 }, {})) {
        pages++;
        ids.push(...(page.Handshakes ?? []).map((h) => h.Id!));
      }
      expect(ids.sort()).toEqual([...all].sort());
      expect(pages).toBeGreaterThan(3);
    } finally {
      await server.stop();
    }
    expect(await box.json(['events', '--output', 'json', '--query', 'Events[?orgsimFault==`empty-page`] | length(@) > `3`'])).toBe(true);
  });

  it('a repeated token stops the CLI as botocore does', async () => {
    const box = sandbox();
    await invited(box, 6);
    await box.run(['faults', 'set', 'repeated-token', '--every', '2']);
    const run = await box.run(['organizations', 'list-handshakes-for-organization', '--page-size', '2']);
    expect(run.exitCode).toBe(255);
    expect(run.stderr).toMatch(/^\norgsim: \[ERROR\]: Error during pagination: The same next token was received twice: \{'NextToken': '[A-Za-z0-9+/=]+'\}\n$/);
  });
});

/** Invites every standalone account and polls, as a script with sleep would, until none is OPEN but those that never answer. */
const POLL = (never: number) => `
  ${BIN} clock step 6h >/dev/null
  for a in $(${BIN} accounts --output text --query 'Accounts[?OrganizationId==\`\`].Id'); do
    ${BIN} organizations invite-account-to-organization --target Id=$a,Type=ACCOUNT >/dev/null || exit 1
  done
  for i in $(seq 1 200); do
    open=$(${BIN} organizations list-handshakes-for-organization --query 'length(Handshakes[?State==\`OPEN\`])')
    [ "$open" -le ${never} ] && break
    sleep 0
  done
  echo "$open open after $i polls"`;

describe('simulated responders', () => {
  it('a poll-until-accepted script finishes with the expected members; status names the five who never answered', async () => {
    const box = sandbox();
    expect((await box.run(['init', '--scenario', 'rollout', '--accounts', '50'])).exitCode).toBe(0);
    expect((await box.run(['responders', 'mix', '--accept', '42', '--decline', '3', '--never', '5', '--within', '1d-5d', '--seed', 'rollout'])).exitCode).toBe(0);
    const never = ((await box.json(['responders', '--output', 'json'])).Responders as { AccountId: string; Answer: string }[]).filter((r) => r.Answer === 'NEVER').map((r) => r.AccountId);
    expect(never).toHaveLength(5);
    const run = await bash(box, POLL(5));
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^5 open after \d+ polls/);
    expect(await box.json(['organizations', 'list-accounts', '--output', 'json', '--query', 'length(Accounts)'])).toBe(43);
    const status = (await box.json(['status', '--output', 'json'])).Organizations[0];
    expect(status.Invitations).toMatchObject({ Pending: 5, Accepted: 42, Declined: 3 });
    expect(status.Pending.map((p: { AccountId: string }) => p.AccountId).sort()).toEqual(never.sort());
    // The answers are the accounts' own calls in the log.
    const accepts = await box.json(['events', '--output', 'json', '--query', 'Events[?eventName==`AcceptHandshake`].userIdentity.accountId']);
    expect(new Set(accepts).size).toBe(42);
  });
});

describe('comparing rehearsals', () => {
  it('world diff of two rehearsals with different responders shows exactly their differences', async () => {
    const box = sandbox();
    expect((await box.run(['init', '--scenario', 'rollout', '--accounts', '4'])).exitCode).toBe(0);
    const ids = (await box.json(['accounts', '--output', 'json', '--query', 'Accounts[?OrganizationId==``].Id'])) as string[];
    for (const id of ids) await box.run(['responders', 'set', id, 'accept', '--after', '1d']);
    await box.run(['world', 'save', 'start']);
    expect((await bash(box, POLL(0))).exitCode).toBe(0);
    await box.run(['world', 'save', 'all-accept']);

    await box.run(['world', 'restore', 'start']);
    await box.run(['responders', 'set', ids[1]!, 'decline', '--after', '2d']);
    await box.run(['responders', 'set', ids[3]!, 'never']);
    expect((await bash(box, POLL(1))).exitCode).toBe(0);
    await box.run(['world', 'save', 'mixed']);

    const list = await box.json(['world', 'list', '--output', 'json', '--query', 'Checkpoints[].Name']);
    expect(list).toEqual(['all-accept', 'mixed', 'start']);
    const changes = (await box.json(['world', 'diff', 'all-accept', 'mixed', '--output', 'json'])).Changes as { Change: string; Subject: string; Before: string; After: string }[];
    const name = (id: string) => `acct0${ids.indexOf(id) + 1}`;
    expect(changes.map((c) => `${c.Change} ${c.Subject.split(' ')[0]} ${c.Before} ${c.After}`).sort()).toEqual(
      [
        `AccountLeft ${name(ids[1]!)} the organization of Master Account <bill@example.com> null`,
        `AccountLeft ${name(ids[3]!)} the organization of Master Account <bill@example.com> null`,
        `HandshakeStateChanged INVITE ACCEPTED DECLINED`,
        `HandshakeStateChanged INVITE ACCEPTED OPEN`,
      ].sort(),
    );
    expect(changes.filter((c) => c.Change === 'HandshakeStateChanged').map((c) => c.Subject.split(' to ')[1]!.split(' ')[0]).sort()).toEqual([name(ids[1]!), name(ids[3]!)].sort());
    // A file, and the current world (the default second), name worlds too.
    const exported = join(box.dir, 'all-accept.json');
    await box.run(['world', 'restore', 'all-accept']);
    writeFileSync(exported, (await box.run(['world', 'export'])).stdout);
    await box.run(['world', 'restore', 'mixed']);
    expect((await box.json(['world', 'diff', exported, '--output', 'json'])).Changes).toEqual(changes);
    expect((await box.run(['world', 'diff', join(box.dir, 'missing.json')])).stderr).toContain('Cannot read');
    const human = await box.run(['world', 'diff', 'mixed', 'mixed']);
    expect(human.stdout).toBe('No differences between mixed and mixed.\n');
    expect((await box.run(['world', 'restore', 'nothing-here'])).stderr).toContain("There is no checkpoint 'nothing-here'");
    expect((await box.run(['world', 'save', '../escape'])).exitCode).not.toBe(0);
  });

  it('ORGSIM_REPLAY: the same seed twice gives identical worlds, byte for byte', async () => {
    const script = `${BIN} init --scenario rollout --accounts 8 >/dev/null && ${BIN} responders mix --accept 5 --decline 2 --never 1 >/dev/null && ${BIN} faults set throttle --rate 0.3 >/dev/null && ${POLL(1)}`;
    const worlds: string[] = [];
    for (const box of [sandbox(), sandbox()]) {
      const run = await bash(box, script, { ORGSIM_REPLAY: '42', ...NO_WAIT, AWS_MAX_ATTEMPTS: '10' });
      expect(run.exitCode, run.stderr).toBe(0);
      worlds.push(readFileSync(join(box.home, 'state.json'), 'utf8'));
    }
    expect(worlds[0]).toBe(worlds[1]);
    expect(worlds[0]).toMatch(/"orgsimFault": ?"throttle"/);
    const other = sandbox();
    await bash(other, script, { ORGSIM_REPLAY: '43', ...NO_WAIT, AWS_MAX_ATTEMPTS: '10' });
    expect(readFileSync(join(other.home, 'state.json'), 'utf8')).not.toBe(worlds[0]);
  });
});

describe('over orgsim serve', () => {
  it('a service error is an HTTP 500; a throttle a 400 with its Type', async () => {
    const box = sandbox();
    await invited(box, 1);
    await box.run(['faults', 'set', 'service-error', '--every', '1', '--operations', 'describe-organization']);
    await box.run(['faults', 'set', 'throttle', '--every', '1', '--operations', 'list-accounts', '--type', 'RequestLimitExceeded']);
    const server = await startServer(box);
    try {
      const failed = await post(server.url, 'DescribeOrganization', '{}');
      expect(failed.status).toBe(500);
      expect(failed.body).toMatchObject({ __type: 'ServiceException' });
      const throttled = await post(server.url, 'ListAccounts', '{}');
      expect(throttled.status).toBe(400);
      expect(throttled.body).toMatchObject({ __type: 'TooManyRequestsException', Type: 'RequestLimitExceeded', Message: 'You have sent too many requests in too short a period of time. Try again later.' });
    } finally {
      await server.stop();
    }
  });

  it('is a fault the server waits out, recorded like the others', async () => {
    const box = sandbox();
    await invited(box, 1);
    await box.run(['faults', 'set', 'latency', '--ms', '50', '--every', '1']);
    const server = await startServer(box);
    try {
      const client = new OrganizationsClient({ region: 'us-east-1', endpoint: server.url, credentials: { accessKeyId: 'AKIAORGSIMDEFAULT000', secretAccessKey: 'x' } });
      const { DescribeOrganizationCommand } = await import('@aws-sdk/client-organizations');
      await client.send(new DescribeOrganizationCommand({}));
    } finally {
      await server.stop();
    }
    expect(await box.json(['events', '--output', 'json', '--query', 'Events[?orgsimFault==`latency`].eventName'])).toEqual(['DescribeOrganization']);
    // The CLI, which has no network to wait on, counts the call but neither waits nor logs a latency.
    expect((await box.run(['organizations', 'describe-organization'])).exitCode).toBe(0);
    expect(await box.json(['faults', '--output', 'json', '--query', 'CallsCounted'])).toBe(2);
  });
});
