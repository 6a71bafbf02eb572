// orgsim's own commands, once: dispatch, completion, help and the man pages read this list.
import { operationsOf, SERVICE, STS } from '../../model/operations.js';
import type { OwnCommand } from './command.js';
import { clock } from './clock.js';
import { completion } from './completion.js';
import { configure } from './configure.js';
import { demo } from './demo.js';
import { doctor } from './doctor.js';
import { events } from './events.js';
import { explain } from './explain.js';
import { init } from './init.js';
import { profiles } from './profiles.js';
import { accounts } from './accounts.js';
import { quota } from './quota.js';
import { serve, view } from './serve.js';
import { status } from './status.js';
import { world } from './world.js';
import { roles } from './roles.js';
import { faults } from './faults.js';
import { responders } from './responders.js';

export const OWN_COMMANDS: readonly OwnCommand[] = [init, demo, accounts, profiles, roles, quota, configure, completion, serve, view, clock, faults, responders, events, status, explain, world, doctor];

export const ownCommandNamed = (name: string | undefined): OwnCommand | undefined => OWN_COMMANDS.find((c) => c.name === name);

/** Every word that may come first on the command line, in the order the CLI lists its choices. */
export const topLevelWords = (): string[] => [SERVICE, STS, ...OWN_COMMANDS.map((c) => c.name), 'help', ...operationsOf(SERVICE).map((o) => o.cliName)];
