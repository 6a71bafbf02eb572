// Timestamp parameters as botocore reads and sends them (its parse_timestamp, then the JSON
// protocol's unixtimestamp format): checked against botocore 1.43.11's own answers.
import { describe, expect, it } from 'vitest';
import { serializeRequest } from './request.js';
import { parseTimestampInput } from './timestamps.js';
import { validateParams } from './validate.js';

const JAN_1 = Date.UTC(2027, 0, 1) / 1000;
const invitation = (StartTimestamp: unknown) => ({ Type: 'BILLING', Target: { Id: '111111111111', Type: 'ACCOUNT' }, StartTimestamp, SourceName: 'n' });
const sent = (value: unknown) => (serializeRequest(invitation(value), 'InviteOrganizationToTransferResponsibilityRequest') as { StartTimestamp: unknown }).StartTimestamp;

describe('timestamp parameters', () => {
  it.each([
    ['2027-01-01', JAN_1],
    ['2027-01-01T00:00:00Z', JAN_1],
    ['2027-01-01T00:00:00', JAN_1],
    ['2027-01-01 00:00', JAN_1],
    [JAN_1, JAN_1],
    [String(JAN_1), JAN_1],
    [`${JAN_1}.7`, JAN_1],
    ['2027-01-01T00:00:00+05:00', JAN_1 - 5 * 3600],
    ['2027-01-31T23:59:59.999Z', Date.UTC(2027, 0, 31, 23, 59, 59) / 1000],
    [true, 1],
  ])('%j goes out as %d whole seconds', (value, seconds) => {
    expect(() => validateParams(invitation(value), 'InviteOrganizationToTransferResponsibilityRequest')).not.toThrow();
    expect(sent(value)).toBe(seconds);
  });

  it.each(['foo', '', '2027-02-30', '2027-01-01T24:00:00Z'])('%j is refused before any call', (value) => {
    expect(parseTimestampInput(value)).toBeUndefined();
    expect(() => validateParams(invitation(value), 'InviteOrganizationToTransferResponsibilityRequest')).toThrow(
      `Parameter validation failed:\nInvalid type for parameter StartTimestamp, value: ${value}, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string`,
    );
  });

  it('keeps a fraction when reading, drops it when sending', () => {
    expect(parseTimestampInput('2027-01-01T00:00:00.25Z')).toBe(JAN_1 + 0.25);
    expect(sent('2027-01-01T00:00:00.25Z')).toBe(JAN_1);
  });

  it('leaves members that are not timestamps as they are', () => {
    expect(serializeRequest(invitation(JAN_1), 'InviteOrganizationToTransferResponsibilityRequest')).toEqual(invitation(JAN_1));
  });
});
