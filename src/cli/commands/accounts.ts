// `orgsim accounts` and `orgsim accounts add`: the world's accounts, and a standalone account of
// a rehearsal's own, with the profile that stands for it.
import { recordsTable } from '../../output/records.js';
import { worldNow } from '../../service/context.js';
import { addAccount, listWorldAccounts } from '../../service/profiles.js';
import { editCast } from './cast-edit.js';
import type { OwnCommand } from './command.js';

/** The profile an account gets unless one is named: its name in lower case, without what a profile name cannot hold. */
const profileFor = (name: string) => name.toLowerCase().replace(/[^a-z0-9_.+@-]+/g, '-').replace(/^-+|-+$/g, '');

const add: OwnCommand = {
  name: 'add',
  summary: 'add a standalone account (not in any organization) and a profile for it',
  options: [
    { flags: '--id <account-id>', description: 'its 12-digit account id', required: true },
    { flags: '--name <name>', description: 'its name (1 to 50 characters)', required: true },
    { flags: '--email <address>', description: 'its e-mail address (unique in the world)', required: true },
    { flags: '--profile-name <profile>', description: 'the profile that stands for it (default: the name in lower case)' },
  ],
  run({ session }, _args, options: { id: string; name: string; email: string; profileName?: string }) {
    const profile = options.profileName ?? profileFor(options.name);
    const added = editCast(session, (state) => addAccount(state, { Id: options.id, Name: options.name, Email: options.email }, profile, worldNow(state, session.clock()) / 1000));
    const value = { Account: { Id: added.Id, Name: added.Name, Email: added.Email, Profile: profile } };
    return { value, human: () => `Added account ${added.Id} (${added.Name}, ${added.Email}); act as it with --profile ${profile}.\n` };
  },
};

export const accounts: OwnCommand = {
  name: 'accounts',
  summary: "list the world's accounts, in organizations or standalone",
  subcommands: [add],
  run({ session }) {
    const found = listWorldAccounts(session.world());
    return { value: { Accounts: found }, human: () => recordsTable(found, ['Id', 'Name', 'Email', 'State', 'OrganizationId', 'Profiles'], session.width()) };
  },
};
