import { defineConfig } from 'vitest/config';

// End-to-end tests run in Node and drive real browsers: no WXT plugin, one file at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
