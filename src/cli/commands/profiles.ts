import { listProfiles } from '../../service/profiles.js';
import type { Session } from '../main.js';
import { ownCommand } from './command.js';
import { printRecords } from './print.js';

export function profilesCommand(session: Session) {
  return ownCommand(session, 'profiles', 'list the profiles and the accounts they stand for').action(async () => {
    const profiles = listProfiles(session.fileStore().read());
    await printRecords(session, { Profiles: profiles }, profiles, ['Name', 'AccountId', 'Email', 'Role']);
  });
}
