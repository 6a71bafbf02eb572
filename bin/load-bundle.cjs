'use strict';
// Loads dist/orgsim.cjs as a CommonJS module, compiled with the V8 code cache the build wrote
// next to it when there is one. The module is registered where require() finds it, so the lazy
// bundles (extras, formats) reach this one copy of the core instead of loading a second.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

function loadBundle(dist, cachedData) {
  const file = join(dist, 'orgsim.cjs');
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = new Module(file, null);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dist);
  Module._cache[file] = module;
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, dist);
  module.loaded = true;
  return { exports: module.exports, script };
}

function readCache(dist) {
  try {
    return readFileSync(join(dist, 'orgsim.cache'));
  } catch {
    return undefined;
  }
}

module.exports = { loadBundle, readCache };
