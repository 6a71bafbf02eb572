import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = new Sandbox();
});
afterEach(() => box.cleanup());

describe('--cli-input-json and --cli-input-yaml', () => {
  it('decline-handshake --cli-input-json file://decline.json', async () => {
    const id = await box.invite('Id=333333333333,Type=ACCOUNT');
    writeFileSync(join(box.dir, 'decline.json'), JSON.stringify({ HandshakeId: id }));
    const out = await box.json(['--profile', 'anika', 'organizations', 'decline-handshake', '--cli-input-json', 'file://decline.json']);
    expect(out.Handshake.State).toBe('DECLINED');
  });

  it('a YAML document from a file works the same', async () => {
    const id = await box.invite('Id=333333333333,Type=ACCOUNT');
    writeFileSync(join(box.dir, 'accept.yaml'), `HandshakeId: ${id}\n`);
    const out = await box.json(['--profile', 'anika', 'accept-handshake', '--cli-input-yaml', 'file://accept.yaml']);
    expect(out.Handshake.State).toBe('ACCEPTED');
  });

  it('the command line wins over the document', async () => {
    const id = await box.invite('Id=333333333333,Type=ACCOUNT');
    const out = await box.json(['--profile', 'anika', 'decline-handshake', '--cli-input-json', '{"HandshakeId": "h-0000000000"}', '--handshake-id', id]);
    expect(out.Handshake.Id).toBe(id);
    const filtered = await box.json([
      'list-handshakes-for-organization',
      '--cli-input-json',
      '{"Filter": {"ActionType": "INVITE"}}',
      '--filter',
      'ActionType=ENABLE_ALL_FEATURES',
    ]);
    expect(filtered.Handshakes).toEqual([]);
  });

  it('an invitation built entirely from a document, tags and notes included', async () => {
    writeFileSync(
      join(box.dir, 'invite.json'),
      JSON.stringify({ Target: { Id: 'juan@example.com', Type: 'EMAIL' }, Notes: 'Hi', Tags: [{ Key: 'team', Value: 'blue' }] }),
    );
    const out = await box.json(['invite-account-to-organization', '--cli-input-json', 'file://invite.json']);
    expect(out.Handshake.Parties[1]).toEqual({ Id: 'juan@example.com', Type: 'EMAIL' });
    expect(out.Handshake.Resources[2]).toEqual({ Value: 'Hi', Type: 'NOTES' });
  });

  it('MaxResults in the document turns automatic paging off', async () => {
    await box.invite('Id=222222222222,Type=ACCOUNT');
    await box.invite('Id=333333333333,Type=ACCOUNT');
    const out = await box.json(['list-handshakes-for-organization', '--cli-input-json', '{"MaxResults": 1}']);
    expect(out.Handshakes).toHaveLength(1);
    expect(typeof out.NextToken).toBe('string');
  });
});

describe('parameter values', () => {
  it('file:// values are used verbatim, trailing newline included', async () => {
    writeFileSync(join(box.dir, 'notes.txt'), 'line one\nline two\n');
    const out = await box.json(['invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT', '--notes', 'file://notes.txt']);
    expect(out.Handshake.Resources[2].Value).toBe('line one\nline two\n');
  });

  it('structures take JSON as well as shorthand; tags take several shorthand words', async () => {
    const out = await box.json([
      'invite-account-to-organization',
      '--target',
      '{"Id": "susan@example.com", "Type": "EMAIL"}',
      '--tags',
      'Key=env,Value=dev',
      'Key=team,Value=blue',
    ]);
    expect(out.Handshake.Parties[1]).toEqual({ Id: 'susan@example.com', Type: 'EMAIL' });
    const dup = await box.run(['invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT', '--tags', 'Key=env,Value=dev', 'Key=env,Value=prod']);
    expect(dup.exitCode).toBe(254);
    expect(dup.stderr).toContain('Reason: DUPLICATE_TAG_KEY');
  });

  it('accepts option prefixes and --opt=value', async () => {
    const id = await box.invite('Id=222222222222,Type=ACCOUNT');
    const out = await box.json(['--profile', 'juan', 'accept-handshake', `--handshake=${id}`]);
    expect(out.Handshake.State).toBe('ACCEPTED');
  });

  it('global options work anywhere, and `orgsim <operation>` equals `orgsim organizations <operation>`', async () => {
    const id = await box.invite('Id=222222222222,Type=ACCOUNT');
    const a = await box.run(['describe-handshake', '--handshake-id', id, '--query', 'Handshake.Id', '--region', 'us-east-1']);
    const b = await box.run(['--query', 'Handshake.Id', 'organizations', 'describe-handshake', '--handshake-id', id]);
    expect(a).toEqual(b);
    expect(a.stdout).toBe(`"${id}"\n`);
  });
});
