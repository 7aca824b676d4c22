import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // a safety net against hangs, not a speed check: documents take seconds on a loaded 2-core machine
    testTimeout: 120_000,
  },
});
