import { defineConfig } from 'vitest/config';

// The browser tier: `orgsim serve`'s page in headless Chromium (Debian's, /usr/bin/chromium, or
// ORGSIM_CHROMIUM), driven by playwright-core. `.ci/run` installs Chromium; `npm test` needs none.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
  },
});
