// orgsim's own commands (not in the AWS CLI). Loaded only when one of them runs.
import { CommanderError } from 'commander';
import { ownCommand } from './command.js';
import { ArgParseError } from '../../errors/cli-errors.js';
import type { Session } from '../main.js';
import { completionCommand } from './completion.js';
import { configureCommand } from './configure.js';
import { demoCommand } from './demo.js';
import { initCommand } from './init.js';
import { profilesCommand } from './profiles.js';
import { quotaCommand } from './quota.js';
import { clockCommand } from './clock.js';
import { eventsCommand } from './events.js';
import { explainCommand } from './explain.js';
import { worldCommand } from './world.js';
import { doctorCommand } from './doctor.js';
import { serveCommand } from './serve.js';

export async function runOwnCommand(words: string[], session: Session): Promise<void> {
  if (words[0] === 'help') {
    const { topHelp } = await import('../help.js');
    return session.io.stdout(topHelp());
  }
  const program = ownCommand(session, 'orgsim', "orgsim's own commands").helpCommand(false);
  program.addCommand(initCommand(session));
  program.addCommand(demoCommand(session));
  program.addCommand(profilesCommand(session));
  program.addCommand(quotaCommand(session));
  program.addCommand(configureCommand(session));
  program.addCommand(completionCommand(session));
  program.addCommand(serveCommand(session));
  program.addCommand(clockCommand(session));
  program.addCommand(eventsCommand(session));
  program.addCommand(explainCommand(session));
  program.addCommand(worldCommand(session));
  program.addCommand(doctorCommand(session));
  try {
    await program.parseAsync(words, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return; // --help
      throw new ArgParseError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
}
