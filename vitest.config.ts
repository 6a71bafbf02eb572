import { defineConfig } from 'vitest/config';

// `npm test`: everything that needs only Node and `npm ci`. The side-by-side suite against the
// real AWS CLI is its own tier (vitest.conformance.config.ts, `npm run test:conformance`).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/conformance/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // End-to-end tests spawn many processes; two cores are all CI has.
    maxWorkers: 2,
  },
});
