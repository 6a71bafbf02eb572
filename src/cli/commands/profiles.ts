// `orgsim profiles [--aws-credentials]`.
import { recordsTable } from '../../output/records.js';
import { addProfile, awsCredentialsFile, listProfiles } from '../../service/profiles.js';
import { editCast } from './cast-edit.js';
import type { OwnCommand } from './command.js';

const add: OwnCommand = {
  name: 'add',
  summary: 'add a profile that stands for an account of the world',
  arguments: [{ name: 'name', required: true }],
  options: [
    { flags: '--account <account-id>', description: 'the account it acts as', required: true },
    { flags: '--role <role-name>', description: "act as a session of this role of the account (see orgsim roles), not as the account's IAM user" },
  ],
  run({ session }, [name], options: { account: string; role?: string }) {
    const profile = editCast(session, (state) => addProfile(state, name!, options.account, options.role));
    const as = profile.RoleName ? ` as role ${profile.RoleName}` : '';
    return { value: { Profile: profile }, human: () => `Added profile ${profile.Name} for account ${profile.AccountId}${as}.\n` };
  },
};

export const profiles: OwnCommand = {
  name: 'profiles',
  summary: 'list the profiles and the accounts they stand for',
  subcommands: [add],
  options: [{ flags: '--aws-credentials', description: 'print a ~/.aws/credentials file for these profiles (for orgsim serve)' }],
  async run({ session }, _args, options: { awsCredentials?: boolean }) {
    const world = session.world();
    if (options.awsCredentials) {
      session.io.stdout(awsCredentialsFile(world));
      return;
    }
    const found = listProfiles(world);
    return { value: { Profiles: found }, human: () => recordsTable(found, ['Name', 'AccountId', 'Email', 'Role', 'AccessKeyId'], session.width()) };
  },
};
