import { awsCredentialsFile, listProfiles } from '../../service/profiles.js';
import type { Session } from '../main.js';
import { ownCommand } from './command.js';
import { printRecords } from './print.js';

export function profilesCommand(session: Session) {
  return ownCommand(session, 'profiles', 'list the profiles and the accounts they stand for')
    .option('--aws-credentials', 'print a ~/.aws/credentials file for these profiles (for orgsim serve)')
    .action(async (options: { awsCredentials?: boolean }) => {
      const world = session.fileStore().read();
      if (options.awsCredentials) return session.io.stdout(awsCredentialsFile(world));
      const profiles = listProfiles(world);
      await printRecords(session, { Profiles: profiles }, profiles, ['Name', 'AccountId', 'Email', 'Role', 'AccessKeyId']);
    });
}
