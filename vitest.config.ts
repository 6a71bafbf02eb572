import { defineConfig } from 'vitest/config';

// `npm test`: everything that needs only Node and `npm ci`. The side-by-side suite against the
// real AWS CLI is its own tier (vitest.conformance.config.ts, `npm run test:conformance`), and so
// is the page in a real browser (vitest.browser.config.ts, `npm run test:browser`).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/conformance/**', 'test/browser/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // End-to-end tests spawn many processes; two cores are all CI has.
    maxWorkers: 2,
  },
});
