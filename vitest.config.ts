import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Property tests run thousands of cases: on a loaded 2-core machine some took more than the
    // 5 s default. A timeout is a hang guard here, not a speed target (bench/run.mjs measures those).
    testTimeout: 60_000,
  },
});
