// A commander command wired like the rest of orgsim: errors thrown, output through the session.
import { Command } from 'commander';
import type { Session } from '../main.js';

export function ownCommand(session: Session, name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .exitOverride()
    .configureOutput({ writeOut: (s) => session.io.stdout(s), writeErr: () => {}, outputError: () => {} });
}
