import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from './helpers.js';

let box: Sandbox;
beforeAll(() => {
  box = new Sandbox();
});
afterAll(() => box.cleanup());

describe('--generate-cli-skeleton', () => {
  it.each([[[]], [['input']]])('cancel-handshake %j prints the JSON input skeleton', async (form) => {
    expect(await box.run(['organizations', 'cancel-handshake', '--generate-cli-skeleton', ...form])).toEqual({
      stdout: '{\n    "HandshakeId": ""\n}\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('list-handshakes-for-organization input: enums take their first value, integers 0', async () => {
    const out = await box.run(['list-handshakes-for-organization', '--generate-cli-skeleton']);
    expect(out.stdout).toBe('{\n    "Filter": {\n        "ActionType": "INVITE",\n        "ParentHandshakeId": ""\n    },\n    "NextToken": "",\n    "MaxResults": 0\n}\n');
  });

  it('yaml-input: key order, [REQUIRED] markers and the uneven spacing before #', async () => {
    const out = await box.run(['invite-account-to-organization', '--generate-cli-skeleton', 'yaml-input']);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toMatch(/^Target: {2}# \[REQUIRED\] \S/);
    expect(lines[1]).toMatch(/^ {2}Id: '' {2}# \[REQUIRED\] \S/);
    expect(lines[2]).toMatch(/^ {2}Type: ACCOUNT # \[REQUIRED\] .*Valid values are: ACCOUNT, ORGANIZATION, EMAIL\.$/);
    expect(lines[3]).toMatch(/^Notes: '' # [^[]/);
    expect(lines[4]).toMatch(/^Tags: # [^[]/);
    expect(lines[5]).toMatch(/^- Key: '' {2}# \[REQUIRED\] /);
    expect(lines[6]).toMatch(/^ {2}Value: '' # \[REQUIRED\] /);
    expect(lines.slice(7)).toEqual(['']);
    const accept = await box.run(['accept-handshake', '--generate-cli-skeleton', 'yaml-input']);
    expect(accept.stdout).toMatch(/^HandshakeId: '' {2}# \[REQUIRED\] [^\n]+\n$/);
    expect((await box.run(['describe-organization', '--generate-cli-skeleton', 'yaml-input'])).stdout).toBe('{}\n');
    // A timestamp is a datetime, written as the YAML emitter writes one.
    expect((await box.run(['terminate-responsibility-transfer', '--generate-cli-skeleton', 'yaml-input'])).stdout).toBe(
      "Id: ''  # [REQUIRED] ID for the transfer.\nEndTimestamp: 1970-01-01 00:00:00 # Timestamp when the responsibility transfer is to end.\n",
    );
  });

  it('output needs the required arguments and makes no call', async () => {
    const missing = await box.run(['accept-handshake', '--generate-cli-skeleton', 'output']);
    expect(missing.exitCode).toBe(252);
    expect(missing.stderr).toContain('the following arguments are required: --handshake-id');
    const out = await box.json(['accept-handshake', '--generate-cli-skeleton', 'output', '--handshake-id', 'h-00000000']);
    expect(out).toEqual({
      Handshake: {
        Id: 'Id',
        Arn: 'Arn',
        Parties: [{ Id: 'Id', Type: 'Type' }],
        State: 'State',
        RequestedTimestamp: '1970-01-01T00:00:00',
        ExpirationTimestamp: '1970-01-01T00:00:00',
        Action: 'Action',
        Resources: [{ Value: 'Value', Type: 'Type', Resources: [{}] }],
      },
    });
    const list = await box.json(['list-handshakes-for-organization', '--generate-cli-skeleton', 'output', '--query', 'NextToken']);
    expect(list).toBe('NextToken');
  });

  it('the list-accounts output sample fails validation exactly as the AWS CLI does', async () => {
    expect(await box.run(['list-accounts', '--generate-cli-skeleton', 'output'])).toEqual({
      stdout: '',
      stderr:
        '\norgsim: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid length for parameter Accounts[0].Email, value: 5, valid min length: 6\n',
      exitCode: 252,
    });
  });

  it('a bad choice is a usage error; input ignores other words but not unknown ones', async () => {
    const bogus = await box.run(['cancel-handshake', '--generate-cli-skeleton', 'bogus']);
    expect(bogus.exitCode).toBe(252);
    expect(bogus.stderr).toContain("argument --generate-cli-skeleton: Found invalid choice 'bogus'");
    const extra = await box.run(['accept-handshake', '--generate-cli-skeleton', '--handshake-id', 'h-1', 'input']);
    expect(extra.exitCode).toBe(252);
    expect(extra.stderr).toContain('Unknown options: input');
  });
});
