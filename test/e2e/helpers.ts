// Runs the built bin/orgsim exactly as a user's shell would, in a temporary ORGSIM_HOME.
import { execa } from 'execa';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/orgsim', import.meta.url));

export interface Run {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export class Sandbox {
  readonly home: string;
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'orgsim-e2e-'));
    this.home = join(this.dir, 'home');
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return { PATH: process.env.PATH ?? '', HOME: this.dir, ORGSIM_HOME: this.home, TZ: 'UTC', ...extra };
  }

  async run(args: string[], extra: Record<string, string> = {}, input?: string): Promise<Run> {
    const result = await execa(BIN, args, {
      env: this.env(extra),
      extendEnv: false,
      reject: false,
      cwd: this.dir,
      input,
      stripFinalNewline: false,
    });
    return { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? -1 };
  }

  /** Runs and expects success; returns parsed JSON stdout. */
  async json(args: string[], extra: Record<string, string> = {}): Promise<any> {
    const result = await this.run(args, extra);
    if (result.exitCode !== 0) throw new Error(`orgsim ${args.join(' ')} exited ${result.exitCode}: ${result.stderr}`);
    return JSON.parse(result.stdout);
  }

  async invite(target: string, extra: Record<string, string> = {}): Promise<string> {
    const out = await this.json(['--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', target], extra);
    return out.Handshake.Id;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const BANNER =
  'usage: orgsim [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  orgsim help\n  orgsim <command> help\n  orgsim <command> <subcommand> help\n';
