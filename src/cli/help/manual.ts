// One manual per command, built from the model and the guide; rendered as text (help) or roff (man/).
import { kebabCase, operationsOf, SERVICE, STS, type Operation, type ServiceName } from '../../model/operations.js';
import { memberDoc } from '../../model/documentation.js';
import { shapeOf } from '../../model/shapes.js';
import { ERROR_EXPLANATIONS, GUIDES } from './guide.js';
import { usage, type OwnCommand } from '../commands/command.js';
import { OWN_COMMANDS } from '../commands/registry.js';

export interface Manual {
  /** The man page name, e.g. orgsim-accept-handshake. */
  page: string;
  name: string;
  summary: string;
  synopsis: string[];
  sections: { title: string; paragraphs: string[]; items?: [string, string][] }[];
}

function shapeLines(shapeName: string, indent: string, seen: string[]): string[] {
  const shape = shapeOf(shapeName);
  if (shape.type !== 'structure') return [];
  if (seen.includes(shapeName)) return [`${indent}(the same structure again)`];
  const lines: string[] = [];
  for (const [member, ref] of Object.entries(shape.members)) {
    const child = shapeOf(ref.shape);
    const kind = child.type === 'list' ? `list of ${shapeOf(child.member).type}` : child.type;
    lines.push(`${indent}${member} (${kind}): ${memberDoc(shapeName, member)}`);
    const inner = child.type === 'list' ? child.member : ref.shape;
    lines.push(...shapeLines(inner, indent + '    ', [...seen, shapeName]));
  }
  return lines;
}

function isRequired(op: Operation, flag: string): boolean {
  const input = shapeOf(op.input);
  return input.type === 'structure' && (input.required ?? []).some((m) => flag.startsWith(`--${kebabCase(m)} `));
}

function optionItems(op: Operation): [string, string][] {
  const input = shapeOf(op.input);
  const items: [string, string][] = [];
  if (input.type === 'structure') {
    for (const [member, ref] of Object.entries(input.members)) {
      if (op.paginator && (member === op.paginator.inputToken || member === op.paginator.limitKey)) continue;
      const shape = shapeOf(ref.shape);
      const required = input.required?.includes(member) ? ' Required.' : '';
      const enums = shape.type === 'string' && shape.enum ? ` One of: ${shape.enum.join(', ')}.` : '';
      const syntax =
        shape.type === 'structure'
          ? ` Shorthand: ${Object.keys(shape.members).map((m) => `${m}=string`).join(',')}, or JSON.`
          : shape.type === 'list'
            ? ' Shorthand: Key=string,Value=string (several words for several items), or JSON.'
            : '';
      items.push([`--${kebabCase(member)} <value>`, `${memberDoc(op.input, member)}${required}${enums}${syntax}`]);
    }
  }
  items.push(['--cli-input-json | --cli-input-yaml <value>', 'Read the parameters from a JSON or YAML document (or file://path); options given on the command line win.']);
  items.push(['--generate-cli-skeleton [input | yaml-input | output]', 'Print a template of the parameters (input, yaml-input) or a sample of the output (output), and stop.']);
  if (op.paginator) {
    items.push(['--starting-token <value>', 'Resume from the NextToken printed by an earlier --max-items.']);
    items.push(['--page-size <value>', 'How many items each call fetches (1 to 20); the output is the same.']);
    items.push(['--max-items <value>', 'Stop after this many items and print a NextToken.']);
  }
  return items;
}

export function operationManual(op: Operation): Manual {
  // The guide's prose is optional: an operation without one is described by its summary.
  const guide = GUIDES[op.name] ?? { description: [op.summary], examples: [] };
  const options = optionItems(op);
  return {
    page: operationPage(op),
    name: op.cliName,
    summary: op.summary,
    synopsis: [
      `orgsim [global options] ${op.service} ${op.cliName}`,
      ...options.map(([flag]) => (isRequired(op, flag) ? `    ${flag}` : `    [${flag}]`)),
    ],
    sections: [
      { title: 'DESCRIPTION', paragraphs: guide.description },
      { title: 'OPTIONS', paragraphs: [], items: options },
      { title: 'EXAMPLES', paragraphs: [], items: guide.examples.map((e) => [e.title, e.command]) },
      { title: 'OUTPUT', paragraphs: shapeOf(op.output).type === 'structure' ? shapeLines(op.output, '', []) : ['None.'] },
      {
        title: 'ERRORS',
        paragraphs: ['Service errors exit with 254; usage and parameter errors with 252.'],
        items: op.errors.map((code) => [code, ERROR_EXPLANATIONS[code] ?? '']),
      },
      { title: 'SEE ALSO', paragraphs: [`orgsim(1), orgsim-${op.service}(1)`] },
    ],
  };
}

/** The manual page of an operation; STS's are named after their service, so no name meets an Organizations one. */
const operationPage = (op: Operation) => (op.service === STS ? `orgsim-sts-${op.cliName}` : `orgsim-${op.cliName}`);

const GLOBAL_OPTIONS: [string, string][] = [
  ['--profile <name>', 'Act as the account this profile stands for (also AWS_PROFILE; see orgsim profiles).'],
  ['--output json | text | table | yaml | yaml-stream', 'Output format (also AWS_DEFAULT_OUTPUT and orgsim configure set output).'],
  ['--query <JMESPath>', 'Select part of the output.'],
  ['--no-paginate', 'Make one call instead of following NextToken.'],
  ['--cli-error-format enhanced | legacy | json | yaml | text | table', 'How errors are printed (also AWS_CLI_ERROR_FORMAT).'],
  ['--color on | off | auto', 'Colours in table output.'],
  ['--debug', 'Show where an unexpected failure happened.'],
  ['--region, --endpoint-url, --no-cli-pager, ...', 'Accepted for compatibility with the AWS CLI; they change nothing.'],
  ['--version', 'Print the version.'],
];

export function organizationsManual(service: ServiceName = 'organizations'): Manual {
  const sts = service === STS;
  return {
    page: `orgsim-${service}`,
    name: service,
    summary: sts ? 'the AWS STS operations orgsim answers: who is calling, and roles to assume' : 'the AWS Organizations operations orgsim answers',
    synopsis: sts ? ['orgsim [global options] sts <operation> [parameters]'] : ['orgsim [global options] organizations <operation> [parameters]', 'orgsim [global options] <operation> [parameters]'],
    sections: [
      {
        title: 'DESCRIPTION',
        paragraphs: [
          `Each operation behaves as aws ${service} <operation> does: the same options, output, errors and exit codes. Profiles stand for accounts; AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, as aws sts assume-role prints them, act as the role. Use orgsim ${service} <operation> help for one of them.`,
          ...(sts ? ["An account's roles are orgsim's own: orgsim roles lists them, orgsim roles put makes one."] : []),
        ],
      },
      { title: 'OPERATIONS', paragraphs: [], items: operationsOf(service).map((op) => [op.cliName, op.summary]) },
      { title: 'GLOBAL OPTIONS', paragraphs: [], items: GLOBAL_OPTIONS },
      { title: 'SEE ALSO', paragraphs: [operationsOf(service).map((op) => `${operationPage(op)}(1)`).join(', ')] },
    ],
  };
}

export function topManual(): Manual {
  return {
    page: 'orgsim',
    name: 'orgsim',
    summary: 'the aws organizations handshake commands, offline',
    synopsis: [
      'orgsim [global options] organizations <operation> [parameters]',
      `orgsim ${OWN_COMMANDS.map((c) => c.name).join(' | ')} [...]`,
      'orgsim help | orgsim organizations help | orgsim organizations <operation> help',
    ],
    sections: [
      {
        title: 'DESCRIPTION',
        paragraphs: [
          'orgsim answers the AWS Organizations handshake operations from a world kept in a JSON file: organizations, accounts, handshakes and profiles. Whatever a script can observe (stdout in every --output format, stderr, exit codes, pagination tokens, error codes) is what the AWS CLI v2 prints, so scripts written against orgsim run unchanged against AWS.',
          'Time matters to handshakes: an invitation expires 15 days after it is sent, and ended handshakes disappear 30 days later. ORGSIM_NOW pins the clock.',
        ],
      },
      { title: 'OPERATIONS', paragraphs: [], items: operationsOf(SERVICE).map((op) => [op.cliName, op.summary]) },
      {
        title: 'COMMANDS',
        paragraphs: [],
        items: OWN_COMMANDS.flatMap((c) => [[usage(c), c.summary] as [string, string], ...(c.subcommands ?? []).map((sub): [string, string] => [usage(sub, [c.name]), sub.summary])]),
      },
      { title: 'GLOBAL OPTIONS', paragraphs: [], items: GLOBAL_OPTIONS },
      {
        title: 'ENVIRONMENT',
        paragraphs: [],
        items: [
          ['ORGSIM_HOME', 'Directory of state.json and config.json (default ~/.config/orgsim).'],
          ['ORGSIM_NOW', "An ISO-8601 time that pins the world's clock."],
          ['ORGSIM_LOCK_TIMEOUT_MS', 'How long to wait for the state lock (default 5000).'],
          ['ORGSIM_SEED', 'Makes generated ids repeatable, so that two rehearsals can be diffed.'],
          ['ORGSIM_REPLAY', 'One switch for a rerun that is the same byte for byte: seeded ids and draws, and world time that moves only with orgsim clock.'],
          ['ORGSIM_FAULTS', "Faults for this process in place of the world's, e.g. throttle:rate=0.3;empty-page:every=2;seed=7."],
          ['ORGSIM_RETRY_DELAY_SCALE', 'How much of the retry backoff is really waited (0 to 1; default 1).'],
          ['AWS_PROFILE, AWS_DEFAULT_OUTPUT, AWS_CLI_ERROR_FORMAT, AWS_RETRY_MODE, AWS_MAX_ATTEMPTS, TZ', 'As for the AWS CLI.'],
          ['NO_COLOR', 'No colours, whatever --color says.'],
        ],
      },
      {
        title: 'EXIT STATUS',
        paragraphs: ['0 success; 252 usage or parameter error; 253 orgsim\'s files are unusable; 254 the service answered with an error; 255 anything else.'],
      },
      { title: 'SEE ALSO', paragraphs: ['orgsim-organizations(1)'] },
    ],
  };
}

/** The manual of an own command (or of one of its subcommands, below `path`). */
export function commandManual(command: OwnCommand, path: string[] = []): Manual {
  const words = ['orgsim', ...path, command.name];
  const subs = command.subcommands ?? [];
  const items: [string, string][] = (command.options ?? []).map((o) => [o.flags, o.description + (o.default !== undefined ? ` (default: ${o.default})` : '')]);
  return {
    page: words.join('-'),
    name: words.join(' '),
    summary: command.summary,
    synopsis: [usage(command, ['orgsim', ...path]), ...subs.map((sub) => usage(sub, ['orgsim', ...path, command.name]))],
    sections: [
      ...(subs.length ? [{ title: 'SUBCOMMANDS', paragraphs: [], items: subs.map((sub): [string, string] => [usage(sub), sub.summary]) }] : []),
      ...(items.length ? [{ title: 'OPTIONS', paragraphs: [], items }] : []),
      {
        title: 'OUTPUT',
        paragraphs: ['A view for people; with --output (or AWS_DEFAULT_OUTPUT, or orgsim configure set output) or --query, the answer as the AWS CLI formats a response.'],
      },
      { title: 'SEE ALSO', paragraphs: ['orgsim(1)'] },
    ],
  };
}

export function allManuals(): Manual[] {
  return [topManual(), organizationsManual(), organizationsManual(STS), ...operationsOf(SERVICE).map(operationManual), ...operationsOf(STS).map(operationManual), ...OWN_COMMANDS.map((c) => commandManual(c))];
}
