import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = new Sandbox();
});
afterEach(() => box.cleanup());

const NOW = { ORGSIM_NOW: '2026-11-21T12:00:00Z' };

describe('the documentation story, command by command', () => {
  it('invite, accept, decline, cancel, list', async () => {
    const invite = await box.run(
      ['--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT', '--notes', 'Welcome'],
      NOW,
    );
    expect(invite.exitCode).toBe(0);
    expect(invite.stderr).toBe('');
    const juan = JSON.parse(invite.stdout).Handshake.Id as string;
    expect(invite.stdout).toBe(
      JSON.stringify(
        {
          Handshake: {
            Id: juan,
            Arn: `arn:aws:organizations::111111111111:handshake/o-exampleorgid/invite/${juan}`,
            Parties: [
              { Id: 'exampleorgid', Type: 'ORGANIZATION' },
              { Id: '222222222222', Type: 'ACCOUNT' },
            ],
            State: 'OPEN',
            RequestedTimestamp: '2026-11-21T12:00:00+00:00',
            ExpirationTimestamp: '2026-12-06T12:00:00+00:00',
            Action: 'INVITE',
            Resources: [
              {
                Value: 'o-exampleorgid',
                Type: 'ORGANIZATION',
                Resources: [
                  { Value: 'bill@example.com', Type: 'MASTER_EMAIL' },
                  { Value: 'Master Account', Type: 'MASTER_NAME' },
                  { Value: 'ALL', Type: 'ORGANIZATION_FEATURE_SET' },
                ],
              },
              { Value: '222222222222', Type: 'ACCOUNT' },
              { Value: 'Welcome', Type: 'NOTES' },
            ],
          },
        },
        null,
        4,
      ) + '\n',
    );
    const anika = await box.invite('Id=333333333333,Type=ACCOUNT', { ORGSIM_NOW: '2026-11-21T12:00:01Z' });
    const susan = await box.invite('Id=susan@example.com,Type=EMAIL', { ORGSIM_NOW: '2026-11-21T12:00:02Z' });

    const accepted = await box.json(['--profile', 'juan', 'organizations', 'accept-handshake', '--handshake-id', juan], NOW);
    expect(accepted.Handshake.State).toBe('ACCEPTED');
    const declined = await box.json(['--profile', 'anika', 'organizations', 'decline-handshake', '--handshake-id', anika], NOW);
    expect(declined.Handshake.State).toBe('DECLINED');
    const canceled = await box.json(['--profile', 'bill', 'organizations', 'cancel-handshake', '--handshake-id', susan], NOW);
    expect(canceled.Handshake.State).toBe('CANCELED');

    const list = await box.json(['organizations', 'list-handshakes-for-organization'], NOW);
    expect(list.Handshakes.map((h: { Id: string; State: string }) => [h.Id, h.State])).toEqual([
      [susan, 'CANCELED'],
      [anika, 'DECLINED'],
      [juan, 'ACCEPTED'],
    ]);
    const accounts = await box.json(['list-accounts', '--query', 'Accounts[].[Id, JoinedMethod]'], NOW);
    expect(accounts).toEqual([
      ['111111111111', 'INVITED'],
      ['222222222222', 'INVITED'],
    ]);
  });

  it('orgsim demo tells the whole story without touching the user world', async () => {
    const demo = await box.run(['demo']);
    expect(demo.exitCode).toBe(0);
    for (const line of [
      '$ orgsim --profile bill organizations invite-account-to-organization --target Id=222222222222,Type=ACCOUNT --notes Welcome',
      '$ orgsim --profile juan organizations accept-handshake --handshake-id h-',
      '$ orgsim --profile anika organizations decline-handshake --handshake-id h-',
      '$ orgsim --profile bill organizations cancel-handshake --handshake-id h-',
      '$ orgsim --profile bill organizations list-handshakes-for-organization',
    ]) {
      expect(demo.stdout).toContain(line);
    }
    const listing = demo.stdout.slice(demo.stdout.indexOf('list-handshakes-for-organization'));
    expect(listing.indexOf('"CANCELED"')).toBeLessThan(listing.indexOf('"DECLINED"'));
    expect(listing.indexOf('"DECLINED"')).toBeLessThan(listing.indexOf('"ACCEPTED"'));
    const profiles = await box.json(['--output', 'json', 'profiles']);
    expect(profiles.Profiles.find((p: { Name: string }) => p.Name === 'juan').Role).toBe('STANDALONE');
  });
});

describe('time', () => {
  it('ORGSIM_NOW pins the clock; an unanswered invitation expires after 15 days and is gone 30 days later', async () => {
    const id = await box.invite('Id=222222222222,Type=ACCOUNT', NOW);
    const describe = (now: string) => box.run(['describe-handshake', '--handshake-id', id, '--query', 'Handshake.State'], { ORGSIM_NOW: now });
    expect((await describe('2026-12-06T11:59:59Z')).stdout).toBe('"OPEN"\n');
    expect((await describe('2026-12-06T12:00:00Z')).stdout).toBe('"EXPIRED"\n');
    const accept = await box.run(['--profile', 'juan', 'accept-handshake', '--handshake-id', id], { ORGSIM_NOW: '2026-12-07T00:00:00Z' });
    expect(accept.exitCode).toBe(254);
    expect(accept.stderr).toContain('(InvalidHandshakeTransitionException)');
    const gone = await describe('2027-01-05T12:00:00Z');
    expect(gone.exitCode).toBe(254);
    expect(gone.stderr).toContain('(HandshakeNotFoundException)');
  });

  it('prints timestamps in the local zone, daylight saving time included', async () => {
    const id = await box.invite('Id=222222222222,Type=ACCOUNT', { ORGSIM_NOW: '2026-10-20T23:30:00Z' });
    const out = await box.json(['describe-handshake', '--handshake-id', id], { TZ: 'Europe/Berlin', ORGSIM_NOW: '2026-10-21T00:00:00Z' });
    expect(out.Handshake.RequestedTimestamp).toBe('2026-10-21T01:30:00+02:00');
    expect(out.Handshake.ExpirationTimestamp).toBe('2026-11-05T00:30:00+01:00');
  });
});

describe('the world and the store', () => {
  it('init creates the sample world and refuses to replace it without --force', async () => {
    expect((await box.run(['init'])).exitCode).toBe(0);
    await box.invite('Id=222222222222,Type=ACCOUNT');
    const again = await box.run(['init']);
    expect(again.exitCode).toBe(252);
    expect(again.stderr).toContain('--force');
    expect((await box.json(['list-handshakes-for-organization'])).Handshakes).toHaveLength(1);
    expect((await box.run(['init', '--force'])).exitCode).toBe(0);
    expect((await box.json(['list-handshakes-for-organization'])).Handshakes).toHaveLength(0);
  });

  it('profiles lists who is who', async () => {
    const out = await box.json(['profiles', '--output', 'json']);
    expect(out.Profiles).toEqual([
      { Name: 'default', AccountId: '111111111111', Email: 'bill@example.com', Role: 'MANAGEMENT_ACCOUNT', AccessKeyId: 'AKIAORGSIMDEFAULT000' },
      { Name: 'bill', AccountId: '111111111111', Email: 'bill@example.com', Role: 'MANAGEMENT_ACCOUNT', AccessKeyId: 'AKIAORGSIMBILL000000' },
      { Name: 'juan', AccountId: '222222222222', Email: 'juan@example.com', Role: 'STANDALONE', AccessKeyId: 'AKIAORGSIMJUAN000000' },
      { Name: 'anika', AccountId: '333333333333', Email: 'anika@example.com', Role: 'STANDALONE', AccessKeyId: 'AKIAORGSIMANIKA00000' },
      { Name: 'susan', AccountId: '444444444444', Email: 'susan@example.com', Role: 'STANDALONE', AccessKeyId: 'AKIAORGSIMSUSAN00000' },
    ]);
    const credentials = await box.run(['profiles', '--aws-credentials']);
    expect(credentials.stdout).toContain('[juan]\naws_access_key_id = AKIAORGSIMJUAN000000\naws_secret_access_key = ');
    const table = await box.run(['profiles']);
    expect(table.stdout).toMatch(/juan\s+│ 222222222222 │ juan@example.com\s+│ STANDALONE/);
  });

  it('AWS_PROFILE and the configured profile choose the caller; --profile wins', async () => {
    const id = await box.invite('Id=222222222222,Type=ACCOUNT');
    expect((await box.run(['describe-handshake', '--handshake-id', id], { AWS_PROFILE: 'anika' })).exitCode).toBe(254);
    expect((await box.run(['configure', 'set', 'profile', 'juan'])).exitCode).toBe(0);
    expect((await box.run(['configure', 'get', 'profile'])).stdout).toBe('juan\n');
    expect((await box.run(['accept-handshake', '--handshake-id', id, '--query', 'Handshake.State'])).stdout).toBe('"ACCEPTED"\n');
    expect((await box.run(['--profile', 'anika', 'describe-handshake', '--handshake-id', id])).exitCode).toBe(254);
  });

  it('quota shows and raises the limits', async () => {
    for (let i = 0; i < 9; i++) await box.invite(`Id=user${i}@example.com,Type=EMAIL`);
    const full = await box.run(['--profile', 'bill', 'invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT']);
    expect(full.exitCode).toBe(254);
    expect(full.stderr).toBe(
      '\norgsim: [ERROR]: An error occurred (HandshakeConstraintViolationException) when calling the InviteAccountToOrganization operation: You have exceeded the allowed number of AWS accounts\n\nAdditional error details:\nReason: ACCOUNT_NUMBER_LIMIT_EXCEEDED\n',
    );
    const raised = await box.json(['quota', 'set', '--accounts', '500', '--invitations-per-day', '100', '--output', 'json']);
    expect(raised.Accounts).toEqual({ Quota: 500, Members: 1, PendingInvitations: 9 });
    expect(raised.InvitationsPerDay).toEqual({ Quota: 100, SentInLast24Hours: 9 });
    await box.invite('Id=222222222222,Type=ACCOUNT');
    expect((await box.run(['--profile', 'juan', 'quota', 'set', '--accounts', '5'])).exitCode).toBe(254);
  });

  it('writes the state file 0600 with a schema version', async () => {
    await box.invite('Id=222222222222,Type=ACCOUNT');
    const { statSync, readFileSync } = await import('node:fs');
    const file = `${box.home}/state.json`;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).SchemaVersion).toBe(3);
  });
});
