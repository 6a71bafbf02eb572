// `orgsim doctor [--repair]`: explain what is wrong with the world, and restore the last good one.
import { copyFileSync, renameSync } from 'node:fs';
import { diagnose } from '../../store/diagnose.js';
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
    if (!current.exists) return out(`No world yet at ${store.file}; the first command creates the sample world (or run orgsim init).`);
    if (!current.problems.length) {
      out(`${store.file} is a healthy world (schema ${current.state!.SchemaVersion}: ${current.state!.Organizations.length} organization(s), ${current.state!.Accounts.length} account(s), ${current.state!.Handshakes.length} handshake(s)).`);
      return;
    }
    out(`${store.file} is damaged:`);
    for (const problem of current.problems) out(`  - ${problem}`);
    const backup = await diagnose(store.backupFile);
    const usable = backup.exists && !backup.problems.length;
    if (!options.repair) {
      out(
        usable
          ? `The backup ${store.backupFile} (last good world, ${backup.modified!.toISOString()}) is healthy: orgsim doctor --repair restores it and keeps the damaged file aside.`
          : 'There is no usable backup; orgsim init --force starts a new world (the damaged file is replaced).',
      );
      throw new ConfigurationError(`The state file ${store.file} is damaged (see above).`);
    }
    if (!usable) throw new ConfigurationError(`Cannot repair ${store.file}: there is no usable backup. orgsim init --force starts a new world.`);
    const aside = `${store.file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(store.file, aside);
    copyFileSync(store.backupFile, store.file);
    out(`Saved the damaged file as ${aside} and restored the backup from ${backup.modified!.toISOString()}.`);
  },
};
