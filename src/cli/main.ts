// The orgsim command line: global options, then `organizations <operation>`, a bare
// `<operation>`, or one of orgsim's own commands.
import { ArgParseError } from '../errors/cli-errors.js';
import { exitCodeFor } from '../errors/exit-codes.js';
import { renderError, type ErrorFormat } from '../errors/report.js';
import { OPERATIONS, operationByCliName, type Operation } from '../model/operations.js';
import { OUTPUT_FORMATS, render, renderPages, type OutputFormat, type PagedResponse, type RenderOptions } from '../output/render.js';
import type { CompiledQuery } from '../output/query.js';
import { FileStore } from '../store/file-store.js';
import { orgsimHome } from '../store/paths.js';
import { sampleWorld } from '../service/sample-world.js';
import { invalidChoiceMessage, parseOptions } from './argv.js';
import { ERROR_FORMATS, GLOBAL_SPECS, readGlobals, type GlobalOptions } from './global-options.js';
import type { CliIO } from './io.js';
import { LocalClient } from './local-client.js';
import { readPreferences } from './preferences.js';
import { runOperation } from './run-operation.js';
import { clockFromEnv, idsFromEnv, type WorldClock } from './world-clock.js';
import type { ServiceContext } from '../service/context.js';

declare const __ORGSIM_VERSION__: string;
export const VERSION = typeof __ORGSIM_VERSION__ === 'string' ? __ORGSIM_VERSION__ : '0.0.0-dev';

export const SERVICE = 'organizations';
export const OWN_COMMANDS = ['init', 'demo', 'profiles', 'quota', 'configure', 'completion', 'serve', 'clock', 'events', 'explain', 'world', 'doctor', 'help'] as const;

export function versionLine(): string {
  return `orgsim/${VERSION} Node.js/${process.version} ${process.platform}/${process.arch}\n`;
}

/** Everything a command needs that depends on the environment, built on first use. */
export class Session {
  readonly home: string;
  private preferences: ReturnType<typeof readPreferences> | undefined;
  private store: FileStore | undefined;

  constructor(
    readonly io: CliIO,
    readonly globals: GlobalOptions,
  ) {
    this.home = orgsimHome(io.env);
  }

  private prefs() {
    return (this.preferences ??= readPreferences(this.home));
  }

  private worldClock: WorldClock | undefined;

  /** The world's clock (one per command, so that an attached offset is kept). */
  clock(): WorldClock {
    return (this.worldClock ??= clockFromEnv(this.io.env));
  }

  ids() {
    return idsFromEnv(this.io.env);
  }

  serviceContext(caller: string): ServiceContext {
    return { caller, clock: this.clock(), ids: this.ids() };
  }

  fileStore(): FileStore {
    if (!this.store) {
      const clock = this.clock();
      const timeout = Number(this.io.env.ORGSIM_LOCK_TIMEOUT_MS);
      this.store = new FileStore(this.home, () => sampleWorld(clock.now() / 1000), timeout > 0 ? timeout : undefined);
    }
    return this.store;
  }

  profile(): string {
    return this.globals.profile ?? (this.io.env.AWS_PROFILE || undefined) ?? this.prefs().profile ?? 'default';
  }

  /** The output format the user chose (option, environment or preference), if any. */
  chosenOutput(): string | undefined {
    return this.globals.output ?? (this.io.env.AWS_DEFAULT_OUTPUT || undefined) ?? this.prefs().output;
  }

  output(): OutputFormat {
    const chosen = this.chosenOutput() ?? 'json';
    if (!(OUTPUT_FORMATS as readonly string[]).includes(chosen)) {
      throw new ArgParseError(invalidChoiceMessage('--output', chosen, OUTPUT_FORMATS));
    }
    return chosen as OutputFormat;
  }

  /** Table colours: --color on, or auto on a terminal; never with NO_COLOR set. */
  tableColor(): boolean {
    if (this.io.env.NO_COLOR) return false;
    if (this.globals.color === 'on') return true;
    return this.globals.color === 'auto' && this.io.stdoutIsTTY === true;
  }


  client(): LocalClient {
    return new LocalClient(this.fileStore(), this.profile(), this.clock(), this.ids());
  }
}

async function printers(session: Session, title: string) {
  let query: CompiledQuery | undefined;
  if (session.globals.query !== undefined) {
    const { compileQuery } = await import('../output/query.js');
    query = await compileQuery(session.globals.query);
  }
  const options: RenderOptions = { format: session.output(), title, query, color: session.tableColor(), width: session.io.columns ?? 80 };
  return {
    print: async (value: unknown) => session.io.stdout(await render(value, options)),
    printPages: async (response: PagedResponse) => session.io.stdout(await renderPages(response, options)),
  };
}

function pickOperation(words: string[]): { op: Operation; rest: string[] } | undefined {
  const [first, second] = words;
  if (first === SERVICE) {
    if (second === undefined) throw new ArgParseError('the following arguments are required: operation');
    const op = operationByCliName(second);
    if (!op) throw new ArgParseError(invalidChoiceMessage('operation', second, OPERATIONS.map((o) => o.cliName)));
    return { op, rest: words.slice(2) };
  }
  const op = first === undefined ? undefined : operationByCliName(first);
  return op ? { op, rest: words.slice(1) } : undefined;
}

async function dispatch(words: string[], session: Session, current: { operation?: string }): Promise<void> {
  if (!words.length) throw new ArgParseError('the following arguments are required: command');
  if (words[0] === SERVICE && (words[1] === 'help' || words[1] === '--help' || (words.length === 1 && session.globals.help))) {
    const { organizationsHelp } = await import('./help.js');
    return session.io.stdout(organizationsHelp());
  }
  if (words[0] === '--help' || (words[0] === 'help' && words.length === 1)) {
    const { topHelp } = await import('./help.js');
    return session.io.stdout(topHelp());
  }
  const picked = pickOperation(words);
  if (picked) {
    current.operation = picked.op.name;
    if (picked.rest[0] === 'help' || picked.rest.includes('--help')) {
      const { operationHelp } = await import('./help.js');
      return session.io.stdout(operationHelp(picked.op));
    }
    const { print, printPages } = await printers(session, picked.op.name);
    return runOperation(picked.op, picked.rest, {
      io: session.io,
      output: session.output(),
      noPaginate: session.globals.noPaginate,
      print,
      printPages,
      client: () => session.client(),
    });
  }
  const command = words[0]!;
  if (command === '__complete') {
    const { completions } = await import('./complete.js');
    const found = completions(words[1] ?? 'orgsim ', session.home);
    return session.io.stdout(found.length ? found.join('\n') + '\n' : '');
  }
  if ((OWN_COMMANDS as readonly string[]).includes(command)) {
    const { runOwnCommand } = await import('./commands/index.js');
    return runOwnCommand(words, session);
  }
  const choices = [SERVICE, ...OWN_COMMANDS, ...OPERATIONS.map((o) => o.cliName)];
  throw new ArgParseError(invalidChoiceMessage('command', command, choices));
}

/** Runs orgsim with `argv` (without the node and script words); returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let globals: GlobalOptions = { debug: argv.includes('--debug'), noPaginate: false, color: 'auto', version: false, help: false };
  const current: { operation?: string } = {};
  try {
    const parsed = parseOptions(argv, GLOBAL_SPECS);
    globals = readGlobals(parsed.values);
    if (globals.version) {
      io.stdout(versionLine());
      return 0;
    }
    await dispatch(parsed.extras, new Session(io, globals), current);
    return 0;
  } catch (error) {
    const fromEnv = io.env.AWS_CLI_ERROR_FORMAT as ErrorFormat | undefined;
    const format = globals.errorFormat ?? (fromEnv && (ERROR_FORMATS as readonly string[]).includes(fromEnv) ? fromEnv : 'enhanced');
    io.stderr(await renderError(error, { operation: current.operation, format, debug: globals.debug }));
    return exitCodeFor(error);
  }
}

