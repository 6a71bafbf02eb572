import { defineConfig } from 'vitest/config';

// The side-by-side tier: orgsim and the real AWS CLI v2 (/usr/bin/aws, or ORGSIM_AWS_CLI) on one world.
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
