import { describe, expect, it } from 'vitest';
import { decodeStartingToken, encodeResumeToken } from './resume-token.js';

describe('resume tokens', () => {
  it('are base64 of Python json.dumps, keys in insertion order', () => {
    const token = encodeResumeToken({ NextToken: null, boto_truncate_amount: 2 });
    expect(token).toBe('eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==');
    expect(decodeStartingToken(token, 'NextToken')).toEqual({ next: { NextToken: null }, skip: 2 });
  });

  it('escape non-ASCII like json.dumps does', () => {
    expect(Buffer.from(encodeResumeToken({ NextToken: 'é' }), 'base64').toString()).toBe('{"NextToken": "\\u00e9"}');
  });

  it('pass anything that is not base64 JSON through to the service', () => {
    expect(decodeStartingToken('garbage', 'NextToken')).toEqual({ next: { NextToken: 'garbage' }, skip: 0 });
    expect(decodeStartingToken('abc___2', 'NextToken')).toEqual({ next: { NextToken: 'abc' }, skip: 2 });
    expect(decodeStartingToken('abc___x', 'NextToken')).toEqual({ next: { NextToken: 'abc___x' }, skip: 0 });
  });

  it('restart at an offset of the first page from a truncate amount alone', () => {
    const token = Buffer.from('{"boto_truncate_amount": 4}').toString('base64');
    expect(decodeStartingToken(token, 'NextToken')).toEqual({ next: {}, skip: 4 });
  });
});
