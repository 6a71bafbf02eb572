// `orgsim profiles [--aws-credentials]`.
import { recordsTable } from '../../output/records.js';
import { awsCredentialsFile, listProfiles } from '../../service/profiles.js';
import type { OwnCommand } from './command.js';

export const profiles: OwnCommand = {
  name: 'profiles',
  summary: 'list the profiles and the accounts they stand for',
  options: [{ flags: '--aws-credentials', description: 'print a ~/.aws/credentials file for these profiles (for orgsim serve)' }],
  async run({ session }, _args, options: { awsCredentials?: boolean }) {
    const world = session.fileStore().read();
    if (options.awsCredentials) {
      session.io.stdout(awsCredentialsFile(world));
      return;
    }
    const found = listProfiles(world);
    return { value: { Profiles: found }, human: () => recordsTable(found, ['Name', 'AccountId', 'Email', 'Role', 'AccessKeyId']) };
  },
};
