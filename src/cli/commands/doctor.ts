// `orgsim doctor [--repair]`: explain what is wrong with the world, and restore the last good one.
import { statSync } from 'node:fs';
import { diagnose } from '../../store/diagnose.js';
import { lockReport } from '../../store/lock.js';
import { ConfigurationError } from '../../errors/classes.js';
import type { OwnCommand } from './command.js';

export const doctor: OwnCommand = {
  name: 'doctor',
  summary: 'check the world file; --repair restores the last good world',
  options: [{ flags: '--repair', description: 'save the damaged file aside and restore the backup' }],
  async run({ session }, _args, options: { repair?: boolean }) {
    const store = session.fileStore();
    const out = (line: string) => session.io.stdout(line + '\n');
    const current = await diagnose(store.file);
    const backup = await diagnose(store.backupFile);
    // Things that do not damage the world but stop or expose it.
    const lock = lockReport(store.lockFile);
    if (lock) out(lock);
    try {
      const mode = statSync(store.dir).mode & 0o777;
      if (mode & 0o077) out(`${store.dir} can be read by other users (mode ${mode.toString(8)}); chmod 700 ${store.dir} keeps the world private.`);
    } catch {
      /* no home yet */
    }
    if (!current.exists && !backup.exists) return out(`No world yet at ${store.file}; the first command creates the sample world (or run orgsim init).`);
    if (current.exists && !current.problems.length) {
      out(`${store.file} is a healthy world (schema ${current.state!.SchemaVersion}: ${current.state!.Organizations.length} organization(s), ${current.state!.Accounts.length} account(s), ${current.state!.Handshakes.length} handshake(s)).`);
      return;
    }
    if (current.exists) {
      out(`${store.file} is damaged:`);
      for (const problem of current.problems) out(`  - ${problem}`);
    } else out(`${store.file} is missing, but its backup is there: orgsim does not start a new world over it.`);
    const usable = backup.exists && !backup.problems.length;
    if (!options.repair) {
      out(
        usable
          ? `The backup ${store.backupFile} (last good world, ${backup.modified!.toISOString()}) is healthy: orgsim doctor --repair restores it (keeping any damaged file aside).`
          : 'There is no usable backup; orgsim init --force starts a new world (the damaged file is replaced).',
      );
      throw new ConfigurationError(`The state file ${store.file} is damaged (see above).`);
    }
    if (!usable) throw new ConfigurationError(`Cannot repair ${store.file}: there is no usable backup. orgsim init --force starts a new world.`);
    const aside = `${store.file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    store.restoreBackup(aside);
    out(current.exists ? `Kept the damaged file as ${aside} and restored the backup from ${backup.modified!.toISOString()}.` : `Restored the backup from ${backup.modified!.toISOString()}.`);
  },
};
