// One chain gives both the exit code and the text; the structured formats print through output/.
import { describe, expect, it } from 'vitest';
import { OrganizationsError } from '../model/errors.js';
import { ArgParseError, ConfigurationError, GeneralError, NotSimulatedError, ParamValidationError, ProfileNotFoundError, UnknownOptionsError } from './classes.js';
import { ERROR_CHAIN, exitCodeFor, renderError } from './chain.js';

const ctx = { operation: 'AcceptHandshake', format: 'enhanced' as const, debug: false };

describe('the error chain', () => {
  it.each([
    [new OrganizationsError('HandshakeNotFoundException'), 254],
    [new ArgParseError('x'), 252],
    [new UnknownOptionsError(['--x']), 252],
    [new ParamValidationError('x'), 252],
    [new ConfigurationError('x'), 253],
    [new ProfileNotFoundError('p'), 255],
    [new GeneralError('x'), 255],
    [new NotSimulatedError('organizations', 'move-account'), 255],
    [new Error('boom'), 255],
    ['not even an error', 255],
  ])('%s exits %i', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  it('ends with an entry that matches anything', () => {
    expect(ERROR_CHAIN[ERROR_CHAIN.length - 1]!.matches(Symbol('x'))).toBe(true);
  });

  it('renders service errors with their details, and the structured formats through the output registry', async () => {
    const error = new OrganizationsError('InvalidInputException', 'bad', 'INVALID_PATTERN:HANDSHAKE_ID');
    expect(await renderError(error, ctx)).toBe(
      '\norgsim: [ERROR]: An error occurred (InvalidInputException) when calling the AcceptHandshake operation: bad\n\nAdditional error details:\nReason: INVALID_PATTERN:HANDSHAKE_ID\n',
    );
    expect(await renderError(error, { ...ctx, format: 'json' })).toBe('{\n    "Message": "bad",\n    "Code": "InvalidInputException",\n    "Reason": "INVALID_PATTERN:HANDSHAKE_ID"\n}\n');
    expect(await renderError(error, { ...ctx, format: 'text' })).toBe('InvalidInputException\tbad\tINVALID_PATTERN:HANDSHAKE_ID\n');
    expect(await renderError(error, { ...ctx, format: 'yaml' })).toBe('Code: InvalidInputException\nMessage: bad\nReason: INVALID_PATTERN:HANDSHAKE_ID\n');
  });
});
