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
// The commands' output is not the build's: orgsim writes to descriptors 1 and 2 directly.
const fs = require('node:fs');
const writeSync = fs.writeSync;
fs.writeSync = (fd, buffer, ...rest) => (fd === 1 || fd === 2 ? (typeof buffer === 'string' ? Buffer.byteLength(buffer) : (rest[1] ?? buffer.length - (rest[0] ?? 0))) : writeSync(fd, buffer, ...rest));
(async () => {
  const { main } = bundle;
  await main(['organizations', 'invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT']);
  await main(['organizations', 'list-handshakes-for-organization']);
  await main(['--profile', 'juan', 'organizations', 'list-handshakes-for-account', '--query', 'Handshakes[0].Id']);
  writeFileSync(join(dist, 'orgsim.cache'), script.createCachedData());
  rmSync(home, { recursive: true, force: true });
})();
