import { describe, expect, it } from 'vitest';
import { ArgParseError } from '../errors/classes.js';
import { parseOptions, type OptionSpec } from './argv.js';
import { parseShorthand } from './shorthand.js';
import { isoLocal } from '../app/timestamps.js';

const specs: OptionSpec[] = [
  { flag: '--handshake-id', nargs: 1, required: true },
  { flag: '--tags', nargs: '+' },
  { flag: '--max-items', nargs: 1, int: true },
  { flag: '--generate-cli-skeleton', nargs: '?', constant: 'input', choices: ['input', 'output', 'yaml-input'] },
];

describe('argparse-like parsing', () => {
  it('accepts unique prefixes, --opt=value, and the last value of a repeated option', () => {
    const { values } = parseOptions(['--handshake', 'h-1', '--handshake-id=h-2', '--max-items', '-1'], specs, true);
    expect(values.get('--handshake-id')).toBe('h-2');
    expect(values.get('--max-items')).toBe('-1');
  });

  it('collects unknown words in order', () => {
    expect(parseOptions(['--handshake-id', 'h-1', '--foo', 'bar'], specs).extras).toEqual(['--foo', 'bar']);
  });

  it('takes every following value for a list option', () => {
    expect(parseOptions(['--tags', 'Key=a,Value=1', 'Key=b,Value=2', '--handshake-id', 'x'], specs).values.get('--tags')).toEqual([
      'Key=a,Value=1',
      'Key=b,Value=2',
    ]);
  });

  it.each([
    [['--max-items', 'abc', '--handshake-id', 'x'], "argument --max-items: invalid int value: 'abc'"],
    [['--handshake-id'], 'argument --handshake-id: expected one argument'],
    [['--tags'], 'argument --tags: expected at least one argument'],
    [[], 'the following arguments are required: --handshake-id'],
    [['--handshake-id', 'x', '--generate-cli-skeleton', 'bogus'], "argument --generate-cli-skeleton: Found invalid choice 'bogus'\n"],
  ])('%j fails with %j', (words, message) => {
    expect(() => parseOptions(words, specs, true)).toThrow(new ArgParseError(message));
  });
});

describe('shorthand', () => {
  it('parses key=value pairs, lists and hashes', () => {
    expect(parseShorthand('Id=222222222222,Type=ACCOUNT')).toEqual({ Id: '222222222222', Type: 'ACCOUNT' });
    expect(parseShorthand('a=b,c,d=[1,2],e={f=g}')).toEqual({ a: ['b', 'c'], d: ['1', '2'], e: { f: 'g' } });
    expect(parseShorthand("Key='a,b',Value=\"x=y\"")).toEqual({ Key: 'a,b', Value: 'x=y' });
  });

  it('points at the missing "=" like the AWS CLI', () => {
    expect(() => parseShorthand('ActionType')).toThrow("Expected: '=', received: 'EOF' for input:\n ActionType\n          ^");
  });
});

describe('timestamps', () => {
  it('print like Python isoformat in the local zone', () => {
    process.env.TZ = 'UTC';
    expect(isoLocal(Date.parse('2026-11-21T12:00:00Z') / 1000)).toBe('2026-11-21T12:00:00+00:00');
    expect(isoLocal(Date.parse('2026-11-21T12:00:00.123Z') / 1000)).toBe('2026-11-21T12:00:00.123000+00:00');
  });
});
