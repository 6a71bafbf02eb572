// --query, parameters' JSON and colours as a script sees them from orgsim alone (the conformance
// tier checks the same against /usr/bin/aws): the expected bytes are the AWS CLI's, with 2.36's prefix.
import { execa } from 'execa';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, Sandbox } from './helpers.js';

let box: Sandbox;
let id: string;
beforeAll(async () => {
  box = new Sandbox();
  id = await box.invite('Id=juan@example.com,Type=EMAIL');
  await box.invite('Id=anika@example.com,Type=EMAIL');
});
afterAll(() => box.cleanup());

const handshakes = (query: string, ...more: string[]) => box.run(['organizations', 'list-handshakes-for-organization', '--query', query, ...more]);
const param = (message: string) => `\norgsim: [ERROR]: An error occurred (ParamValidation): ${message}\n`;

describe('query results as jmespath.py gives them', () => {
  it.each([
    ['`1.0`', 'json', '1.0\n'],
    ['avg(`[2, 2]`)', 'text', '2.0\n'],
    ['[`1e16`, `0.00001`, `-0.0`]', 'json', '[\n    1e+16,\n    1e-05,\n    -0.0\n]\n'],
    ['{a: `1e400`}', 'yaml', 'a: .inf\n'],
    ['{a: `1.5`}', 'table', '-------------------------------\n|ListHandshakesForOrganization|\n+-----------+-----------------+\n|  a        |  1.5            |\n+-----------+-----------------+\n'],
    ["max_by(Handshakes, &Parties[1].Id).Parties[1].Id", 'json', '"juan@example.com"\n'],
    ["min_by(Handshakes, &Parties[1].Id).Parties[1].Id", 'json', '"anika@example.com"\n'],
    ['to_string(`["é", 2.0]`)', 'json', '"[\\"\\\\u00e9\\",2.0]"\n'],
  ])('%s (%s)', async (query, format, stdout) => {
    const out = await handshakes(query, '--output', format);
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe(stdout);
  });
});

describe('query errors', () => {
  it('an empty query is refused before the call, as jmespath.py words it', async () => {
    const out = await handshakes('');
    expect(out.exitCode).toBe(252);
    expect(out.stderr).toBe(param('Bad value for --query : Invalid JMESPath expression: cannot be empty.'));
  });

  it('a parse error has no prefix of its own and its column is jmespath.py\'s', async () => {
    const out = await handshakes('@@');
    expect(out.exitCode).toBe(252);
    expect(out.stderr).toBe(param('Bad value for --query @@: Unexpected token: @: Parse error at column 1, token "@" (CURRENT), for expression:\n"@@"\n  ^'));
  });

  it('a failure while searching prints plain, whatever --cli-error-format says', async () => {
    const line = "\norgsim: [ERROR]: Expected 1 argument for function length(), received 0\n";
    for (const format of ['enhanced', 'legacy', 'json', 'yaml', 'text', 'table']) {
      const out = await box.run(['--cli-error-format', format, 'organizations', 'list-handshakes-for-organization', '--query', 'length()']);
      expect([format, out.exitCode, out.stdout, out.stderr]).toEqual([format, 255, '', line]);
    }
  });

  it('a type error shows the value as Python shows it', async () => {
    const out = await box.run(['organizations', 'describe-handshake', '--handshake-id', id, '--query', 'abs(Handshake.Parties[1])']);
    expect(out.exitCode).toBe(255);
    expect(out.stderr).toBe(`\norgsim: [ERROR]: In function abs(), invalid type for value: {'Id': 'juan@example.com', 'Type': 'EMAIL'}, expected one of: ['number'], received: "object"\n`);
  });

  it('Python\'s own errors while searching (mixed comparison, a zero step) exit 255 with its words', async () => {
    const mixed = await handshakes('`1` < `"a"`');
    expect([mixed.exitCode, mixed.stderr]).toEqual([255, "\norgsim: [ERROR]: '<' not supported between instances of 'int' and 'str'\n"]);
    const step = await handshakes('Handshakes[::0]');
    expect([step.exitCode, step.stderr]).toEqual([255, '\norgsim: [ERROR]: slice step cannot be zero\n']);
  });

  it('a query nested past Python\'s stack is refused, not a crash', async () => {
    const out = await handshakes('('.repeat(5000) + 'a' + ')'.repeat(5000));
    expect(out.exitCode).toBe(252);
    expect(out.stderr.endsWith(': maximum recursion depth exceeded\n')).toBe(true);
  });
});

describe('the JSON of a structure parameter', () => {
  const filter = (value: string) => box.run(['organizations', 'list-handshakes-for-organization', '--filter', value]);
  it.each([
    ['{bad', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['{"ActionType": "INVITE",}', 'Expecting property name enclosed in double quotes: line 1 column 25 (char 24)'],
    ['{"ActionType": "INVITE"} x', 'Extra data: line 1 column 26 (char 25)'],
    ['{"a":"b\\c"}', 'Invalid \\escape: line 1 column 8 (char 7)'],
    ['{\n"a": ]}', 'Expecting value: line 2 column 6 (char 7)'],
    ['{"☃": ]}', 'Expecting value: line 1 column 7 (char 6)'],
  ])('%s', async (value, message) => {
    const out = await filter(value);
    expect(out.exitCode).toBe(252);
    expect(out.stderr).toBe(param(`Error parsing parameter '--filter': Invalid JSON: ${message}\nJSON received: ${value}`));
  });

  it('a value starting with [ is JSON, and a structure cannot be a list', async () => {
    const out = await filter('[{"ActionType": "INVITE"}]');
    expect(out.exitCode).toBe(252);
    expect(out.stderr).toBe(param(`Error parsing parameter '--filter': Invalid JSON:\n[{"ActionType": "INVITE"}]`));
    const tags = await box.run(['organizations', 'invite-account-to-organization', '--target', 'Id=x@example.com,Type=EMAIL', '--tags', '[1']);
    expect(tags.stderr).toBe(param(`Error parsing parameter '--tags': Invalid JSON: Expecting ',' delimiter: line 1 column 3 (char 2)\nJSON received: [1`));
  });

  it('a float is a float to validation', async () => {
    const out = await filter('{"ActionType": 1.0}');
    expect(out.stderr).toBe(param("Parameter validation failed:\nInvalid type for parameter Filter.ActionType, value: 1.0, type: <class 'float'>, valid types: <class 'str'>"));
  });
});

describe('--cli-input-json file:///dev/stdin', () => {
  const args = ['organizations', 'describe-handshake', '--cli-input-json', 'file:///dev/stdin', '--query', 'Handshake.State'];
  const dir = mkdtempSync(join(tmpdir(), 'orgsim-stdin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('from a pipe fails as the AWS CLI fails there (it reads the file twice)', async () => {
    const out = await execa('bash', ['-c', `printf '%s' '{"HandshakeId": "${id}"}' | "$0" "$@"`, BIN, ...args], { env: box.env(), extendEnv: false, reject: false, stripFinalNewline: false });
    expect(out.exitCode).toBe(252);
    expect(out.stderr).toBe(param("Error parsing parameter 'cli-input-json': Invalid JSON received."));
  });

  it('from a file works', async () => {
    const file = join(dir, 'in.json');
    writeFileSync(file, JSON.stringify({ HandshakeId: id }));
    // The file itself as stdin, as `< in.json` gives it (execa would pipe it).
    const out = spawnSync(BIN, args, { env: box.env(), stdio: [openSync(file, 'r'), 'pipe', 'pipe'] });
    expect([out.status, String(out.stdout)]).toEqual([0, '"OPEN"\n']);
  });
});

describe('a coloured table whose paginated call fails', () => {
  const RESET = '\x1b[0m';
  it('has each of the error\'s writes followed by a colour reset', async () => {
    const out = await box.run(['organizations', 'list-handshakes-for-organization', '--output', 'table', '--color', 'on', '--page-size', '25']);
    expect(out.exitCode).toBe(254);
    expect(out.stderr.startsWith(`\n${RESET}orgsim: [ERROR]: `)).toBe(true);
    expect(out.stderr.endsWith(`${RESET}\n${RESET}`)).toBe(true);
  });

  it('is plain without colour, and for a call that is not paginated', async () => {
    const plain = await box.run(['organizations', 'list-handshakes-for-organization', '--output', 'table', '--page-size', '25']);
    expect(plain.stderr).not.toContain(RESET);
    const single = await box.run(['organizations', 'describe-handshake', '--handshake-id', 'h-123', '--output', 'table', '--color', 'on']);
    expect(single.stderr).not.toContain(RESET);
  });
});
