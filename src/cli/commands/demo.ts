// `orgsim demo [--step] [--keep]`: the documentation's invitation story, told with real commands in a
// world of its own, step by step if asked, and kept afterwards if asked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OwnCommand } from './command.js';

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

interface Step {
  say: string;
  argv: (ids: Record<string, string>) => string[];
  /** Remember the handshake id this step prints under this name. */
  remember?: string;
  /** A second command that uses what the first printed. */
  then?: (ids: Record<string, string>) => string[];
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

/** Act two: the all-features migration of a consolidated-billing organization, with the clock. */
const MIGRATION: Step[] = [
  { say: 'A new world: a CONSOLIDATED_BILLING organization with five invited members.', argv: () => ['init', '--scenario', 'consolidated-billing', '--force'] },
  { say: 'Bill starts the migration to all features.', argv: () => ['--profile', 'bill', 'organizations', 'enable-all-features', '--query', 'Handshake.[Id, State]', '--output', 'text'], remember: 'parent' },
  {
    say: 'Each member has an approval to accept.',
    argv: (ids) => ['--profile', 'bill', 'organizations', 'list-handshakes-for-organization', '--filter', `ParentHandshakeId=${ids.parent}`, '--query', 'Handshakes[].[Parties[1].Id, State]', '--output', 'text'],
  },
  ...['juan', 'anika', 'susan', 'dana', 'eve'].map((member, i): Step => ({
    say: i === 0 ? 'The members approve, one after the other.' : '',
    argv: () => ['--profile', member, 'organizations', 'list-handshakes-for-account', '--query', 'Handshakes[0].Id', '--output', 'text'],
    remember: `child-${member}`,
    then: (ids) => ['--profile', member, 'organizations', 'accept-handshake', '--handshake-id', ids[`child-${member}`]!, '--query', 'Handshake.State', '--output', 'text'],
  })),
  { say: 'A week passes in the rehearsal.', argv: () => ['clock', 'advance', '7d'] },
  { say: 'Every approval is in, so the parent is OPEN; bill accepts it.', argv: (ids) => ['--profile', 'bill', 'organizations', 'accept-handshake', '--handshake-id', ids.parent!, '--query', 'Handshake.State', '--output', 'text'] },
  { say: 'The organization now has all features.', argv: () => ['--profile', 'bill', 'organizations', 'describe-organization', '--query', 'Organization.FeatureSet', '--output', 'text'] },
];

export const demo: OwnCommand = {
  name: 'demo',
  summary: 'tell the invitation story in a throwaway world',
  options: [
    { flags: '--step', description: 'wait for Enter before each step, to tell it live' },
    { flags: '--keep', description: 'keep the world afterwards, to explain and explore it' },
  ],
  async run({ session, run: runCli }, _args, options: { step?: boolean; keep?: boolean }) {
  const home = mkdtempSync(join(tmpdir(), 'orgsim-demo-'));
  const ids: Record<string, string> = {};
  const io = session.io;
  try {
    io.stdout(`A ${options.keep ? 'separate' : 'throwaway'} world in ${home}; your own world is not touched.\n\n`);
    // In step mode the audience sees each step before the next is asked for; at the input's end it runs on.
    let live = options.step === true;
    const pause = async () => {
      if (!live) return;
      io.stdout('(Enter for the next step)\n');
      io.flush?.();
      if ((await io.readLine?.()) === undefined) live = false;
    };
    const run = async (argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(argv, {
        stdout: (s) => (out += s),
        stderr: (s) => (err += s),
        env: { ...io.env, ORGSIM_HOME: home, AWS_PROFILE: '' },
        cwd: io.cwd,
      });
      io.stdout(`$ orgsim ${argv.map(shellQuote).join(' ')}\n${out}${err}`);
      if (code !== 0) throw new Error(`the demo step failed with exit code ${code}`);
      return out;
    };
    const tell = async (steps: Step[]) => {
      for (const step of steps) {
        if (step.say) await pause();
        if (step.say) io.stdout(`# ${step.say}\n`);
        const out = await run(step.argv(ids));
        if (step.remember) ids[step.remember] = out.trim().startsWith('{') ? (JSON.parse(out) as { Handshake: { Id: string } }).Handshake.Id : out.trim().split(/\s+/)[0]!;
        if (step.then) await run(step.then(ids));
        io.stdout('\n');
      }
    };
    io.stdout('Act one: invitations.\n\n');
    await tell(STEPS);
    io.stdout('Act two: enabling all features, with the clock.\n\n');
    await tell(MIGRATION);
    if (options.keep) io.stdout(`The world is kept: ORGSIM_HOME=${shellQuote(home)} orgsim explain\n`);
  } finally {
    if (!options.keep) rmSync(home, { recursive: true, force: true });
  }
  },
};
