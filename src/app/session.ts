// Everything a command needs that depends on the environment, built on first use: where the
// world lives, the store, the clock, ids, preferences and who the caller is. The CLI and the
// server both build one; nothing here prints.
import { ConfigurationError, GeneralError } from '../errors/classes.js';
import type { Credentials } from './credentials.js';
import type { Clock, IdGenerator } from '../service/context.js';
import { sampleWorld } from '../service/sample-world.js';
import { FileStore } from '../store/file-store.js';
import { orgsimHome } from '../store/paths.js';
import { LocalClient } from './local-client.js';
import { currentWorld, settle } from './runner.js';
import type { OrgState } from '../model/types.js';
import { readPreferences, type Preferences } from './preferences.js';
import { freshSeed, idsFromEnv, seedFromEnv, systemClock } from './clock-and-ids.js';
import { faultsFromEnv, type ProcessFaults } from './rehearsal.js';
import { debugLine, retryPolicy } from './retry.js';
import { draw } from '../service/draw.js';

/** What a run may touch, injected so tests and `orgsim demo` can run it in-process. */
export interface SessionIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stdout is a terminal, and its width (tables and colours depend on them). */
  stdoutIsTTY?: boolean;
  columns?: number;
  /** The name the command line was run as (`aws` through a link of that name). */
  program?: string;
  /** Where stdout is now: `back()` takes away what was printed since (a response that fails part way). */
  mark?(): { back(): void };
  /** Writes what was printed so far now, not at the end (a command that waits for its user). */
  flush?(): void;
  /** The next line of standard input; undefined at its end. */
  readLine?(): Promise<string | undefined>;
}

/** The choices of the command line that the session needs (the rest stay with the CLI). */
export interface SessionOptions {
  profile?: string;
  output?: string;
  color: 'on' | 'off' | 'auto';
  /** --debug: the retries' log lines on stderr. */
  debug?: boolean;
}

export class Session {
  readonly home: string;
  private preferences: Preferences | undefined;
  private store: FileStore | undefined;
  private systemTime: Clock | undefined;

  constructor(
    readonly io: SessionIO,
    readonly options: SessionOptions,
  ) {
    this.home = orgsimHome(io.env);
  }

  private prefs(): Preferences {
    return (this.preferences ??= readPreferences(this.home));
  }

  /** The machine's clock (or ORGSIM_NOW); world time adds the world's offset (service worldNow). */
  clock(): Clock {
    return (this.systemTime ??= systemClock(this.io.env));
  }

  ids(): IdGenerator {
    return idsFromEnv(this.io.env);
  }

  /** The seed of a repeatable run (ORGSIM_REPLAY or ORGSIM_SEED), if any. */
  seed(): string | undefined {
    return seedFromEnv(this.io.env);
  }

  /** The seed draws take: the one given, else the run's, else a new one. */
  seedOr(given: string | undefined): string {
    return given ?? this.seed() ?? freshSeed();
  }

  /** Faults this process brings along (ORGSIM_FAULTS), in place of the world's. */
  processFaults(): ProcessFaults | undefined {
    return faultsFromEnv(this.io.env);
  }

  /** How much of the AWS CLI's backoff a retry really waits (ORGSIM_RETRY_DELAY_SCALE; 1: all of it). */
  private retryDelayScale(): number {
    const raw = this.io.env.ORGSIM_RETRY_DELAY_SCALE;
    if (raw === undefined || raw === '') return 1;
    const scale = Number(raw);
    if (!(scale >= 0 && scale <= 1)) throw new ConfigurationError(`ORGSIM_RETRY_DELAY_SCALE must be a number from 0 to 1, not '${raw}'`);
    return scale;
  }

  lockTimeoutMs(): number | undefined {
    const raw = this.io.env.ORGSIM_LOCK_TIMEOUT_MS;
    if (raw === undefined || raw === '') return undefined;
    const timeout = Number(raw);
    if (!(timeout > 0)) throw new ConfigurationError(`ORGSIM_LOCK_TIMEOUT_MS must be a positive number of milliseconds, not '${raw}'`);
    return timeout;
  }

  /** The world's store; `remember` keeps the world read last while the file is unchanged (orgsim serve). */
  fileStore(options: { remember?: boolean } = {}): FileStore {
    if (!this.store) {
      const clock = this.clock();
      this.store = new FileStore(this.home, () => sampleWorld(clock.now() / 1000), { lockTimeoutMs: this.lockTimeoutMs(), ...options });
    }
    return this.store;
  }

  profile(): string {
    return this.options.profile ?? (this.io.env.AWS_PROFILE || undefined) ?? this.prefs().profile ?? 'default';
  }

  /**
   * The width people's views fit: COLUMNS when set, as shells and `stty` give it, else the
   * terminal's; none when output goes to a file or a pipe.
   */
  width(): number | undefined {
    const columns = Number(this.io.env.COLUMNS);
    if (Number.isInteger(columns) && columns > 0) return columns;
    return this.io.stdoutIsTTY ? this.io.columns : undefined;
  }

  /** The output format the user chose (option, environment or preference), if any. */
  chosenOutput(): string | undefined {
    return this.options.output ?? (this.io.env.AWS_DEFAULT_OUTPUT || undefined) ?? this.prefs().output;
  }

  /** Colours: --color on, or auto on a terminal; never with NO_COLOR set. */
  color(): boolean {
    if (this.io.env.NO_COLOR) return false;
    if (this.options.color === 'on') return true;
    return this.options.color === 'auto' && this.io.stdoutIsTTY === true;
  }

  /**
   * What the call is signed with, in botocore's order: a --profile named on the command line, else
   * access keys in the environment (what a script exported from `aws sts assume-role`), else
   * AWS_PROFILE, the preference or `default`.
   */
  credentials(): Credentials {
    if (this.options.profile !== undefined) return { profile: this.options.profile };
    const { AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token } = this.io.env;
    if (key) {
      if (!secret) throw new GeneralError('Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY');
      return { accessKeyId: key, sessionToken: token || undefined };
    }
    return { profile: this.profile() };
  }

  /** The world as its clock's now shows it, for orgsim's own commands that read it (what time did is not stored by a read). */
  world(): OrgState {
    return currentWorld(this.fileStore(), this.clock(), this.ids());
  }

  /**
   * One change of orgsim's own to the world, in one locked transaction, on the world as its clock's
   * now shows it (as an operation sees it: an account CreateAccount made is there).
   */
  edit<T>(change: (state: OrgState) => T): T {
    return this.fileStore().transact((state) => ({ write: true, result: change(settle(state, this.clock(), this.ids())) }));
  }

  client(): LocalClient {
    const seed = this.seed();
    const scale = this.retryDelayScale();
    let draws = 0;
    return new LocalClient(this.fileStore(), this.credentials(), this.clock(), this.ids(), {
      retries: () => retryPolicy(this.io.env),
      faults: this.processFaults(),
      seed,
      // A repeatable run waits the same jitter every time.
      random: seed === undefined ? Math.random : () => draw(seed, 'retry', draws++),
      sleep: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * scale * 1000)),
      debug: this.options.debug ? (logger, message) => this.io.stderr(debugLine(logger, message)) : undefined,
    });
  }
}
