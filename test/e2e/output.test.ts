import { execa } from 'execa';
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, Sandbox } from './helpers.js';

let box: Sandbox;
const ids: string[] = [];
beforeAll(async () => {
  box = new Sandbox();
  for (let i = 0; i < 5; i++) ids.push(await box.invite(`Id=user${i}@example.com,Type=EMAIL`, { ORGSIM_NOW: `2026-11-21T12:00:0${i}Z` }));
  await box.run(['cancel-handshake', '--handshake-id', ids[1]!], { ORGSIM_NOW: '2026-11-21T12:01:00Z' });
});
afterAll(() => box.cleanup());

const NOW = { ORGSIM_NOW: '2026-11-21T13:00:00Z' };
const newestFirst = () => [...ids].reverse();

describe('paging in text and yaml-stream output', () => {
  it('text prints each page separately and applies the query per page', async () => {
    const out = await box.run(['list-handshakes-for-organization', '--output', 'text', '--page-size', '3', '--query', 'Handshakes[].Id'], NOW);
    const ids = newestFirst();
    expect(out.stdout).toBe(`${ids.slice(0, 3).join('\t')}\n${ids.slice(3).join('\t')}\n`);
    const counts = await box.run(['list-handshakes-for-organization', '--output', 'text', '--page-size', '2', '--query', 'length(Handshakes)'], NOW);
    expect(counts.stdout).toBe('2\n2\n1\n');
  });

  it('text ends with the resume token, which a query sees as {NextToken: {NextToken: ...}}', async () => {
    const plain = await box.run(['list-handshakes-for-organization', '--output', 'text', '--max-items', '2'], NOW);
    expect(plain.stdout.trimEnd().split('\n').pop()).toBe('NEXTTOKEN\teyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==');
    const queried = await box.run(['list-handshakes-for-organization', '--output', 'text', '--max-items', '2', '--query', 'Handshakes[].Id'], NOW);
    expect(queried.stdout).toBe(`${newestFirst().slice(0, 2).join('\t')}\nNone\n`);
  });

  it('yaml-stream prints one list item per page; the resume token is never printed', async () => {
    const out = await box.run(['list-handshakes-for-organization', '--output', 'yaml-stream', '--page-size', '2', '--query', 'Handshakes[].State'], NOW);
    expect(out.stdout).toBe('- - OPEN\n  - OPEN\n- - OPEN\n  - CANCELED\n- - OPEN\n');
    const capped = await box.run(['list-handshakes-for-organization', '--output', 'yaml-stream', '--max-items', '1'], NOW);
    expect(capped.stdout).not.toContain('NextToken');
  });

  it('json, yaml and table merge the pages: --page-size changes nothing', async () => {
    for (const format of ['json', 'yaml', 'table']) {
      const whole = await box.run(['list-handshakes-for-organization', '--output', format], NOW);
      const paged = await box.run(['list-handshakes-for-organization', '--output', format, '--page-size', '2'], NOW);
      expect(paged.stdout).toBe(whole.stdout);
    }
  });
});

describe('choosing the format', () => {
  it('AWS_DEFAULT_OUTPUT and the configured preference set the default; --output wins', async () => {
    const query = ['describe-handshake', '--handshake-id', ids[0]!, '--query', 'Handshake.[Id, State]'];
    expect((await box.run(query, { AWS_DEFAULT_OUTPUT: 'text' })).stdout).toBe(`${ids[0]}\tOPEN\n`);
    expect((await box.run(['configure', 'set', 'output', 'yaml'])).exitCode).toBe(0);
    expect((await box.run(['configure', 'get', 'output'])).stdout).toBe('yaml\n');
    expect((await box.run(query)).stdout).toBe(`- ${ids[0]}\n- OPEN\n`);
    expect((await box.run([...query, '--output', 'json'])).stdout).toBe(`[\n    "${ids[0]}",\n    "OPEN"\n]\n`);
    await box.run(['configure', 'set', 'output', 'json']);
  });

  it('an unknown format is a usage error', async () => {
    const out = await box.run(['list-accounts'], { AWS_DEFAULT_OUTPUT: 'xml' });
    expect(out.exitCode).toBe(252);
    expect(out.stderr).toContain("Found invalid choice 'xml'");
  });

  it('--color on colours tables with the CLI escape codes; NO_COLOR turns them off', async () => {
    const coloured = await box.run(['describe-organization', '--output', 'table', '--color', 'on']);
    expect(coloured.stdout).toContain('\x1b[1m\x1b[34mALL\x1b[0m');
    expect(coloured.stdout.endsWith('\n\x1b[0m')).toBe(true);
    const plain = await box.run(['describe-organization', '--output', 'table', '--color', 'on'], { NO_COLOR: '1' });
    expect(plain.stdout).not.toContain('\x1b');
  });
});

describe('--query', () => {
  it.each([
    ['a scalar', 'Handshake.State', '"OPEN"\n', 'OPEN\n'],
    ['a list of scalars', 'Handshake.Parties[].Type', '[\n    "ORGANIZATION",\n    "EMAIL"\n]\n', 'ORGANIZATION\tEMAIL\n'],
    ['a list of lists', 'Handshake.Parties[].[Type, Id]', '[\n    [\n        "ORGANIZATION",\n        "exampleorgid"\n    ],\n    [\n        "EMAIL",\n        "user0@example.com"\n    ]\n]\n', 'ORGANIZATION\texampleorgid\nEMAIL\tuser0@example.com\n'],
    ['nothing', 'Handshake.Missing', 'null\n', 'None\n'],
  ])('%s', async (_name, query, json, text) => {
    const args = ['describe-handshake', '--handshake-id', ids[0]!, '--query', query];
    expect((await box.run(args)).stdout).toBe(json);
    expect((await box.run([...args, '--output', 'text'])).stdout).toBe(text);
  });

  it('a syntax error is exit 252 with the AWS CLI message; a type error at run time is 255', async () => {
    const bad = await box.run(['list-accounts', '--query', 'Handshakes[']);
    expect(bad).toEqual({
      stdout: '',
      stderr: '\norgsim: [ERROR]: An error occurred (ParamValidation): Bad value for --query Handshakes[: Invalid jmespath expression: Incomplete expression:\n"Handshakes["\n            ^\n',
      exitCode: 252,
    });
    const typed = await box.run(['list-handshakes-for-organization', '--query', 'Handshakes[].[Resources[2].Type, length(Resources[2].Value)]']);
    expect(typed).toEqual({
      stdout: '',
      stderr: `\norgsim: [ERROR]: In function length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], received: "null"\n`,
      exitCode: 255,
    });
  });
});

describe('error formats', () => {
  const bad = ['describe-handshake', '--handshake-id', 'x'];
  it.each([
    ['json', '{\n    "Message": "You provided a value that does not match the required pattern.",\n    "Code": "InvalidInputException",\n    "Reason": "INVALID_PATTERN:HANDSHAKE_ID"\n}\n'],
    ['yaml', 'Code: InvalidInputException\nMessage: You provided a value that does not match the required pattern.\nReason: INVALID_PATTERN:HANDSHAKE_ID\n'],
    ['text', 'InvalidInputException\tYou provided a value that does not match the required pattern.\tINVALID_PATTERN:HANDSHAKE_ID\n'],
    ['legacy', '\norgsim: [ERROR]: An error occurred (InvalidInputException) when calling the DescribeHandshake operation: You provided a value that does not match the required pattern.\n'],
  ])('%s', async (format, stderr) => {
    expect(await box.run(['--cli-error-format', format, ...bad])).toEqual({ stdout: '', stderr, exitCode: 254 });
    expect(await box.run(bad, { AWS_CLI_ERROR_FORMAT: format })).toEqual({ stdout: '', stderr, exitCode: 254 });
  });

  it('table and client-side errors', async () => {
    const table = await box.run(['--cli-error-format', 'table', ...bad]);
    expect(table.stderr.split('\n')[1]).toMatch(/^\| +error +\|$/);
    const client = await box.run(['--cli-error-format', 'yaml', 'list-handshakes-for-organization', '--page-size', '0']);
    expect(client.stderr).toBe("Code: ParamValidation\nMessage: 'Parameter validation failed:\n\n  Invalid value for parameter MaxResults, value: 0, valid min value: 1'\n");
    expect((await box.run(['--cli-error-format', 'bogus', ...bad])).stderr).toContain("argument --cli-error-format: Found invalid choice 'bogus'");
  });
});

describe('help, man pages and completion', () => {
  const commands = [['help'], ['organizations', 'help'], ...['accept-handshake', 'decline-handshake', 'cancel-handshake', 'describe-handshake', 'list-handshakes-for-organization', 'list-handshakes-for-account', 'invite-account-to-organization', 'describe-organization', 'list-accounts'].map((op) => ['organizations', op, 'help'])];
  it.each(commands)('orgsim %s %s %s prints a manual', async (...words) => {
    const out = await box.run(words.filter(Boolean) as string[]);
    expect(out.exitCode).toBe(0);
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION']) expect(out.stdout).toContain(`\n${section}\n`.slice(section === 'NAME' ? 1 : 0));
    if (words.length === 3) for (const section of ['OPTIONS', 'EXAMPLES', 'OUTPUT', 'ERRORS']) expect(out.stdout).toContain(`\n${section}\n`);
  });

  it('--help works like help', async () => {
    expect((await box.run(['accept-handshake', '--help'])).stdout).toBe((await box.run(['organizations', 'accept-handshake', 'help'])).stdout);
  });

  it('the man pages render and match what the build generates', async () => {
    const man = new URL('../../man/', import.meta.url);
    const files = readdirSync(man).filter((f) => f.endsWith('.1'));
    expect(files).toContain('orgsim-accept-handshake.1');
    const rendered = await execa('man', ['-l', new URL('orgsim-accept-handshake.1', man).pathname], { env: { ...process.env, MANPAGER: 'cat', MANWIDTH: '80' }, reject: false });
    if (rendered.exitCode === 0) expect(rendered.stdout).toContain('ORGSIM-ACCEPT-HANDSHAKE(1)');
    else {
      const groff = await execa('groff', ['-man', '-Tutf8', new URL('orgsim-accept-handshake.1', man).pathname], { reject: false });
      expect(groff.exitCode).toBe(0);
    }
    if (process.env.CI) {
      // The build regenerates man/ from the manuals; what is checked in must be what it writes.
      const drift = await execa('git', ['status', '--porcelain', '--', 'man/'], { cwd: new URL('../..', import.meta.url).pathname, reject: false });
      expect(drift.stdout).toBe('');
    }
    // npm installs every page of the folder; one page per own command, from the registry.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { directories: { man: string } };
    expect(pkg.directories.man).toBe('./man');
    for (const own of ['init', 'clock', 'explain', 'world', 'doctor']) expect(files).toContain(`orgsim-${own}.1`);
  });

  it('the bash completion script loads and completes operations, options, profiles and enum values', async () => {
    const script = `
      set -e
      source <("${BIN}" completion bash)
      complete -p orgsim
      t() { COMP_LINE="$1"; COMP_POINT=\${#COMP_LINE}; COMP_WORDS=($(echo "$1" | sed "s/=/ = /g")); [[ "$1" == *" " || "$1" == *"=" ]] && COMP_WORDS+=(""); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); _orgsim_complete; echo "\${COMPREPLY[*]}"; }
      t "orgsim organizations acc"
      t "orgsim --profile ju"
      t "orgsim list-handshakes-for-organization --filter ActionType=IN"
      t "orgsim organizations accept-handshake --hand"
    `;
    const env = box.env({ PATH: `${BIN.replace(/\/orgsim$/, '')}:${process.env.PATH}` });
    const out = await execa('bash', ['-c', script], { env, reject: false });
    expect(out.stderr).toBe('');
    expect(out.stdout.split('\n').slice(1)).toEqual(['accept-handshake', 'juan', 'INVITE', '--handshake-id']);
  });

  it('zsh and fish scripts are printed', async () => {
    expect((await box.run(['completion', 'zsh'])).stdout).toContain('compdef _orgsim orgsim');
    expect((await box.run(['completion', 'fish'])).stdout).toContain('complete -c orgsim');
  });
});
