// Writes dist/orgsim.cache: V8's code cache of the bundle, taken after a read and a write have
// run in a throwaway world, so that the functions every command uses arrive compiled.
'use strict';
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { loadBundle } = require('../bin/load-bundle.cjs');

const dist = join(__dirname, '..', 'dist');
const { exports: bundle, script } = loadBundle(dist);

const home = mkdtempSync(join(tmpdir(), 'orgsim-cache-'));
process.env.ORGSIM_HOME = home;
const quiet = { write: () => true };
process.stdout.write = quiet.write;
process.stderr.write = quiet.write;
(async () => {
  const { main } = bundle;
  await main(['organizations', 'invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT']);
  await main(['organizations', 'list-handshakes-for-organization']);
  await main(['--profile', 'juan', 'organizations', 'list-handshakes-for-account', '--query', 'Handshakes[0].Id']);
  writeFileSync(join(dist, 'orgsim.cache'), script.createCachedData());
  rmSync(home, { recursive: true, force: true });
})();
