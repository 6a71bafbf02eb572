// Writes dist/orgsim.cache: V8's code cache of the bundle, taken after a read and a write have
// run in a throwaway world, so that the functions every command uses arrive compiled.
'use strict';
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'orgsim.cjs');
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, dist);

const home = mkdtempSync(join(tmpdir(), 'orgsim-cache-'));
process.env.ORGSIM_HOME = home;
const quiet = { write: () => true };
process.stdout.write = quiet.write;
process.stderr.write = quiet.write;
(async () => {
  const { main } = bundle.exports;
  await main(['organizations', 'invite-account-to-organization', '--target', 'Id=222222222222,Type=ACCOUNT']);
  await main(['organizations', 'list-handshakes-for-organization']);
  await main(['--profile', 'juan', 'organizations', 'list-handshakes-for-account', '--query', 'Handshakes[0].Id']);
  writeFileSync(join(dist, 'orgsim.cache'), script.createCachedData());
  rmSync(home, { recursive: true, force: true });
})();
