// What a run of the CLI may touch, injected so tests and `orgsim demo` can run it in-process.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stdout is a terminal, and its width (tables and colours depend on them). */
  stdoutIsTTY?: boolean;
  columns?: number;
}
