// The orgsim command line: global options, then `organizations <operation>`, a bare
// `<operation>`, or one of orgsim's own commands (loaded from their own bundle when used).
import { ArgParseError, NotSimulatedError } from '../errors/classes.js';
import { ERROR_FORMATS, exitCodeFor, renderError, type ErrorFormat } from '../errors/chain.js';
import { setProgramName } from '../errors/program.js';
import { operationByCliName, operationsOf, SERVICE, STS, unservedOperation, type Operation } from '../model/operations.js';
import { VERSION } from '../model/version.js';
import { Session, type SessionIO } from '../app/session.js';
import { invalidChoiceMessage, parseOptions } from './argv.js';
import { GLOBAL_SPECS, readGlobals, type GlobalOptions } from './global-options.js';
import { printer, type Printer } from './printer.js';
import { runAwsOperation } from './run-operation.js';

export function versionLine(): string {
  return `orgsim/${VERSION} Node.js/${process.version} ${process.platform}/${process.arch}\n`;
}

function pickOperation(words: string[]): { op: Operation; rest: string[] } | undefined {
  const [first, second] = words;
  if (first === SERVICE || first === STS) {
    if (second === 'help' || second === '--help') return undefined; // the service's help
    if (second === undefined) throw new ArgParseError('the following arguments are required: operation');
    const op = operationByCliName(second, first);
    if (!op && unservedOperation(second, first)) throw new NotSimulatedError(first, second);
    if (!op) throw new ArgParseError(invalidChoiceMessage('operation', second, operationsOf(first).map((o) => o.cliName)));
    return { op, rest: words.slice(2) };
  }
  const op = first === undefined ? undefined : operationByCliName(first);
  if (!op && first !== undefined && unservedOperation(first)) throw new NotSimulatedError(SERVICE, first);
  return op ? { op, rest: words.slice(1) } : undefined;
}

interface Current {
  operation?: string;
  printer?: Printer;
}

async function dispatch(words: string[], session: Session, globals: GlobalOptions, current: Current): Promise<void> {
  if (!words.length) throw new ArgParseError('the following arguments are required: command');
  const picked = pickOperation(words);
  if (picked && picked.rest[0] !== 'help' && !picked.rest.includes('--help')) {
    current.operation = picked.op.name;
    const out = await printer(session, globals.query, picked.op.name);
    current.printer = out;
    return runAwsOperation(picked.op, picked.rest, { io: session.io, noPaginate: globals.noPaginate, out, client: () => session.client() });
  }
  // Help, completion and orgsim's own commands: the extras bundle.
  const { runExtra } = await import('./extras.js');
  return runExtra(words, { session, query: globals.query, run: runCli });
}

/** Runs orgsim with `argv` (without the node and script words); returns the exit code. */
export async function runCli(argv: string[], io: SessionIO): Promise<number> {
  setProgramName(io.program ?? 'orgsim');
  let globals: GlobalOptions = { debug: argv.includes('--debug'), noPaginate: false, color: 'auto', version: false };
  const current: Current = {};
  try {
    const parsed = parseOptions(argv, GLOBAL_SPECS);
    globals = readGlobals(parsed.values);
    if (globals.version) {
      io.stdout(versionLine());
      return 0;
    }
    await dispatch(parsed.extras, new Session(io, globals), globals, current);
    return 0;
  } catch (error) {
    const fromEnv = io.env.AWS_CLI_ERROR_FORMAT as ErrorFormat | undefined;
    const format = globals.errorFormat ?? (fromEnv && (ERROR_FORMATS as readonly string[]).includes(fromEnv) ? fromEnv : 'enhanced');
    io.stderr(await renderError(error, { operation: current.operation, format, debug: globals.debug, resetAfterWrites: current.printer?.resetsAfterWrites() }));
    return exitCodeFor(error);
  }
}
