import { defineConfig } from 'vitest/config';

// End-to-end checks with real readers (poppler, qpdf, LibreOffice): npm run test:e2e.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/tools.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
