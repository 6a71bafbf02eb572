// `orgsim demo`: the documentation's invitation story, told with real commands in a throwaway world.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '../main.js';
import { ownCommand } from './command.js';

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

interface Step {
  say: string;
  argv: (ids: Record<string, string>) => string[];
  /** Remember the handshake id this step prints under this name. */
  remember?: string;
}

const STEPS: Step[] = [
  {
    say: 'Bill, the management account, invites Juan by account ID.',
    argv: () => ['--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT', '--notes', 'Welcome'],
    remember: 'juan',
  },
  {
    say: 'He invites Anika the same way.',
    argv: () => ['--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', 'Id=333333333333,Type=ACCOUNT'],
    remember: 'anika',
  },
  {
    say: 'And Susan by e-mail address.',
    argv: () => ['--profile', 'bill', 'organizations', 'invite-account-to-organization', '--target', 'Id=susan@example.com,Type=EMAIL'],
    remember: 'susan',
  },
  { say: 'Juan accepts: his account joins the organization.', argv: (ids) => ['--profile', 'juan', 'organizations', 'accept-handshake', '--handshake-id', ids.juan!] },
  { say: 'Anika declines.', argv: (ids) => ['--profile', 'anika', 'organizations', 'decline-handshake', '--handshake-id', ids.anika!] },
  { say: "Bill cancels Susan's invitation before she answers.", argv: (ids) => ['--profile', 'bill', 'organizations', 'cancel-handshake', '--handshake-id', ids.susan!] },
  {
    say: "Bill lists the organization's handshakes, newest first.",
    argv: () => ['--profile', 'bill', 'organizations', 'list-handshakes-for-organization', '--query', 'Handshakes[].[Id, State, Parties[1].Id]'],
  },
  { say: 'Juan is now a member.', argv: () => ['--profile', 'bill', 'organizations', 'list-accounts', '--query', 'Accounts[].[Id, Name, JoinedMethod]'] },
];

export function demoCommand(session: Session) {
  return ownCommand(session, 'demo', 'tell the invitation story in a throwaway world').action(async () => {
    const { runCli } = await import('../main.js');
    const home = mkdtempSync(join(tmpdir(), 'orgsim-demo-'));
    const ids: Record<string, string> = {};
    const io = session.io;
    try {
      io.stdout(`A throwaway world in ${home}; your own world is not touched.\n\n`);
      for (const step of STEPS) {
        const argv = step.argv(ids);
        let out = '';
        let err = '';
        const code = await runCli(argv, {
          stdout: (s) => (out += s),
          stderr: (s) => (err += s),
          env: { ...io.env, ORGSIM_HOME: home, AWS_PROFILE: '' },
          cwd: io.cwd,
        });
        io.stdout(`# ${step.say}\n$ orgsim ${argv.map(shellQuote).join(' ')}\n${out}${err}`);
        if (code !== 0) throw new Error(`the demo step failed with exit code ${code}`);
        if (step.remember) ids[step.remember] = (JSON.parse(out) as { Handshake: { Id: string } }).Handshake.Id;
        io.stdout('\n');
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
}
