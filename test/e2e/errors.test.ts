import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANNER, Sandbox } from './helpers.js';

let box: Sandbox;
let open: string;
let accepted: string;
beforeAll(async () => {
  box = new Sandbox();
  open = await box.invite('Id=333333333333,Type=ACCOUNT');
  accepted = await box.invite('Id=222222222222,Type=ACCOUNT');
  await box.json(['--profile', 'juan', 'accept-handshake', '--handshake-id', accepted]);
});
afterAll(() => box.cleanup());

const service = (code: string, op: string, message: string, reason?: string) =>
  `\norgsim: [ERROR]: An error occurred (${code}) when calling the ${op} operation: ${message}\n` +
  (reason ? `\nAdditional error details:\nReason: ${reason}\n` : '');

describe('service errors: exit 254, the AWS CLI line on stderr, nothing on stdout', () => {
  const cases: [string, () => string[], string][] = [
    ['unknown id', () => ['--profile', 'juan', 'accept-handshake', '--handshake-id', 'h-00000000'], service('HandshakeNotFoundException', 'AcceptHandshake', "You specified a handshake that doesn't exist.")],
    ['bad id', () => ['accept-handshake', '--handshake-id', 'h-BADID12345'], service('InvalidInputException', 'AcceptHandshake', 'You provided a value that does not match the required pattern.', 'INVALID_PATTERN:HANDSHAKE_ID')],
    ['sender accepts', () => ['--profile', 'bill', 'accept-handshake', '--handshake-id', open], service('AccessDeniedException', 'AcceptHandshake', "You don't have permissions to access this resource.")],
    ['recipient cancels', () => ['--profile', 'anika', 'cancel-handshake', '--handshake-id', open], service('AccessDeniedException', 'CancelHandshake', "You don't have permissions to access this resource.")],
    ['accept twice', () => ['--profile', 'juan', 'accept-handshake', '--handshake-id', accepted], service('HandshakeAlreadyInStateException', 'AcceptHandshake', 'The handshake is already in the requested state.')],
    [
      'decline accepted',
      () => ['--profile', 'juan', 'decline-handshake', '--handshake-id', accepted],
      service(
        'InvalidHandshakeTransitionException',
        'DeclineHandshake',
        'You cannot perform this operation on a handshake in its current state, such as attempting to cancel a handshake that was previously accepted or attempting to accept a handshake that was declined.',
      ),
    ],
    ['duplicate', () => ['invite-account-to-organization', '--target', 'Id=333333333333,Type=ACCOUNT'], service('DuplicateHandshakeException', 'InviteAccountToOrganization', 'A handshake with the specified type and parameters already exists for the given parties.')],
    ['member by id', () => ['invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT'], service('HandshakeConstraintViolationException', 'InviteAccountToOrganization', 'The AWS account is already a member of an organization.', 'ALREADY_IN_AN_ORGANIZATION')],
    ['bad party type', () => ['invite-account-to-organization', '--target', 'Id=x,Type=FOO'], service('InvalidInputException', 'InviteAccountToOrganization', 'You specified an invalid party type as the target parameter.', 'INVALID_PARTY_TYPE_TARGET')],
    ['notes too long', () => ['invite-account-to-organization', '--target', 'Id=444444444444,Type=ACCOUNT', '--notes', 'x'.repeat(1025)], service('InvalidInputException', 'InviteAccountToOrganization', 'You provided a string that exceeds that maximum length.', 'MAX_LENGTH_EXCEEDED:NOTES')],
    ['standalone lists org', () => ['--profile', 'anika', 'list-handshakes-for-organization'], service('AWSOrganizationsNotInUseException', 'ListHandshakesForOrganization', 'Your account is not a member of an organization.')],
    ['member lists org', () => ['--profile', 'juan', 'list-handshakes-for-organization'], service('AccessDeniedException', 'ListHandshakesForOrganization', "You don't have permissions to access this resource.")],
    ['both filters', () => ['list-handshakes-for-organization', '--filter', 'ActionType=INVITE,ParentHandshakeId=h-12345678'], service('InvalidInputException', 'ListHandshakesForOrganization', 'You specified too many filter parameters.', 'MAX_LIMIT_EXCEEDED_FILTER')],
    ['bad action type', () => ['list-handshakes-for-organization', '--filter', 'ActionType=BOGUS'], service('InvalidInputException', 'ListHandshakesForOrganization', 'You specified an invalid value.', 'INVALID_ENUM:FILTER_ACTION_TYPE')],
    ['page size 25', () => ['list-handshakes-for-organization', '--page-size', '25'], service('InvalidInputException', 'ListHandshakesForOrganization', 'You provided a numeric parameter that has a larger value than allowed.', 'MAX_VALUE_EXCEEDED:MAX_RESULTS')],
    ['corrupt token', () => ['list-handshakes-for-organization', '--starting-token', 'garbage'], service('InvalidInputException', 'ListHandshakesForOrganization', 'You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API.', 'INVALID_NEXT_TOKEN')],
    ['legacy error format', () => ['--cli-error-format', 'legacy', 'accept-handshake', '--handshake-id', 'x'], service('InvalidInputException', 'AcceptHandshake', 'You provided a value that does not match the required pattern.')],
  ];
  it.each(cases)('%s', async (_name, args, stderr) => {
    const before = await box.json(['list-handshakes-for-organization']);
    const result = await box.run(args());
    expect(result).toEqual({ stdout: '', stderr, exitCode: 254 });
    expect(await box.json(['list-handshakes-for-organization'])).toEqual(before);
  });
});

describe('usage errors: exit 252', () => {
  const paramValidation = (message: string) => `\norgsim: [ERROR]: An error occurred (ParamValidation): ${message}\n`;
  const cases: [string, string[], string][] = [
    ['missing required', ['organizations', 'accept-handshake'], `${paramValidation('the following arguments are required: --handshake-id')}\n${BANNER}`],
    ['positional instead of option', ['organizations', 'describe-handshake', 'h-abc12345'], `${paramValidation('the following arguments are required: --handshake-id')}\n${BANNER}`],
    ['no operation', ['organizations'], `${paramValidation('the following arguments are required: operation')}\n${BANNER}`],
    ['unknown option', ['accept-handshake', '--handshake-id', 'h-12345678', '--foo'], `\n${BANNER}\n\norgsim: [ERROR]: Unknown options: --foo\n`],
    ['paging option on a plain command', ['accept-handshake', '--handshake-id', 'h-12345678', '--max-items', '2'], `\n${BANNER}\n\norgsim: [ERROR]: Unknown options: --max-items, 2\n`],
    [
      'misspelt operation',
      ['organizations', 'accept-handshak', '--handshake-id', 'h-1'],
      `\norgsim: [ERROR]: An error occurred (ParamValidation): argument operation: Found invalid choice 'accept-handshak'\n\nMaybe you meant:\n\n  * accept-handshake\n\n${BANNER}`,
    ],
    ['misspelt service', ['organisations', 'list-accounts'], `\norgsim: [ERROR]: An error occurred (ParamValidation): argument command: Found invalid choice 'organisations'\n\nMaybe you meant:\n\n  * organizations\n\n${BANNER}`],
    ['bad output', ['--output', 'xml', 'list-accounts'], `\norgsim: [ERROR]: An error occurred (ParamValidation): argument --output: Found invalid choice 'xml'\n\n\n${BANNER}`],
    ['no value', ['accept-handshake', '--handshake-id'], `${paramValidation('argument --handshake-id: expected one argument')}\n${BANNER}`],
    ['not an int', ['list-handshakes-for-organization', '--max-items', 'abc'], `${paramValidation("argument --max-items: invalid int value: 'abc'")}\n${BANNER}`],
    ['page size 0', ['list-handshakes-for-organization', '--page-size', '0'], paramValidation('Parameter validation failed:\nInvalid value for parameter MaxResults, value: 0, valid min value: 1')],
    ['no-paginate with paging', ['list-handshakes-for-organization', '--no-paginate', '--page-size', '2'], paramValidation('Cannot specify --no-paginate along with pagination arguments: --page-size')],
    ['shorthand without =', ['list-handshakes-for-organization', '--filter', 'ActionType'], paramValidation("Error parsing parameter '--filter': Expected: '=', received: 'EOF' for input:\n ActionType\n          ^")],
    ['missing member', ['invite-account-to-organization', '--target', 'Id=222222222222'], paramValidation('Parameter validation failed:\nMissing required parameter in Target: "Type"')],
    ['unknown member', ['invite-account-to-organization', '--target', 'Id=2,Type=ACCOUNT,Extra=1'], paramValidation('Parameter validation failed:\nUnknown parameter in Target: "Extra", must be one of: Id, Type')],
    ['bad cli-input-json', ['accept-handshake', '--cli-input-json', 'nope'], paramValidation("Error parsing parameter 'cli-input-json': Invalid JSON received.")],
    ['bad cli-input-yaml', ['accept-handshake', '--cli-input-yaml', 'a: [b'], paramValidation("Error parsing parameter 'cli-input-yaml': Invalid YAML received.")],
    ['cli-input not a map', ['accept-handshake', '--cli-input-json', '[1]'], paramValidation("Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>")],
    ['unknown input key', ['accept-handshake', '--cli-input-json', '{"Bogus": 1}'], paramValidation('Parameter validation failed:\nMissing required parameter in input: "HandshakeId"\nUnknown parameter in input: "Bogus", must be one of: HandshakeId')],
    ['wrong type', ['accept-handshake', '--cli-input-json', '{"HandshakeId": 5}'], paramValidation("Parameter validation failed:\nInvalid type for parameter HandshakeId, value: 5, type: <class 'int'>, valid types: <class 'str'>")],
    ['null', ['accept-handshake', '--cli-input-yaml', 'HandshakeId: null'], paramValidation("Parameter validation failed:\nInvalid type for parameter HandshakeId, value: None, type: <class 'NoneType'>, valid types: <class 'str'>")],
    ['both inputs', ['accept-handshake', '--cli-input-json', '{}', '--cli-input-yaml', '{}'], paramValidation('Only one --cli-input- parameter may be specified.')],
    ['missing file', ['accept-handshake', '--cli-input-json', 'file://missing.json'], paramValidation("Error parsing parameter '--cli-input-json': Unable to load paramfile file://missing.json: [Errno 2] No such file or directory: 'missing.json'")],
    ['PaginationConfig', ['list-handshakes-for-organization', '--cli-input-json', '{"MaxResults": 1}', '--max-items', '3'], paramValidation('Parameter validation failed:\nUnknown parameter in input: "PaginationConfig", must be one of: Filter, NextToken, MaxResults')],
  ];
  it.each(cases)('%s', async (_name, args, stderr) => {
    expect(await box.run(args)).toEqual({ stdout: '', stderr, exitCode: 252 });
  });

  it('fileb:// for a string parameter is a type error', async () => {
    writeFileSync(join(box.dir, 'notes.bin'), 'binary?\n');
    const result = await box.run(['invite-account-to-organization', '--target', 'Id=444444444444,Type=ACCOUNT', '--notes', 'fileb://notes.bin']);
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toBe(
      "\norgsim: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid type for parameter Notes, value: b'binary?\\n', type: <class 'bytes'>, valid types: <class 'str'>\n",
    );
  });
});

describe('other exits', () => {
  it('an unknown profile is 255', async () => {
    expect(await box.run(['--profile', 'nobody', 'list-accounts'])).toEqual({
      stdout: '',
      stderr: '\norgsim: [ERROR]: The config profile (nobody) could not be found\n',
      exitCode: 255,
    });
  });

  it('a non-positive --max-items warns and still succeeds', async () => {
    const result = await box.run(['list-handshakes-for-organization', '--max-items', '0']);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('warning: Non-positive values for --max-items may result in undefined behavior.\n');
    expect(JSON.parse(result.stdout).Handshakes).toEqual([]);
  });
});

describe('a --query jmespath.py refuses', () => {
  it('is a usage error before any call: exit 252, the AWS CLI message, no invitation made', async () => {
    const count = async () => (await box.run(['organizations', 'list-handshakes-for-organization', '--query', 'length(Handshakes)'])).stdout;
    const before = await count();
    const invite = (query: string) => box.run(['organizations', 'invite-account-to-organization', '--target', 'Id=refused@example.com,Type=EMAIL', '--query', query]);
    // As /usr/bin/aws printed them (after "An error occurred (ParamValidation): ").
    const unclosed = await invite('`bad');
    expect(unclosed.exitCode).toBe(252);
    expect(unclosed.stderr).toBe('\norgsim: [ERROR]: An error occurred (ParamValidation): Bad value for --query `bad: Bad jmespath expression: Unclosed ` delimiter:\n`bad\n^\n');
    const dots = await invite('a..b');
    expect(dots.exitCode).toBe(252);
    expect(dots.stderr).toBe(
      '\norgsim: [ERROR]: An error occurred (ParamValidation): Bad value for --query a..b: Expecting: [\'quoted_identifier\', \'unquoted_identifier\', \'lbracket\', \'lbrace\'], got: dot: Parse error at column 2, token "." (DOT), for expression:\n"a..b"\n   ^\n',
    );
    expect(await count()).toBe(before);
    // Inside a literal or a string, two dots are text.
    expect((await box.run(['organizations', 'describe-organization', '--query', '`"a..b"`'])).stdout).toBe('"a..b"\n');
  });
});

describe('a query that fails on a later page of text output', () => {
  it('leaves the pages before it printed (as /usr/bin/aws does), and exits 255', async () => {
    const out = await box.run(['organizations', 'list-handshakes-for-organization', '--output', 'text', '--max-items', '1', '--query', 'length(Handshakes)']);
    expect(out.exitCode).toBe(255);
    expect(out.stdout).toBe('1\n');
    expect(out.stderr).toContain('In function length(), invalid type for value: None');
  });
});
