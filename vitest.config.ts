import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'build/**/*.test.ts', 'trials/**/*.test.ts'],
    // Every test file starts on the short key stretch (electron/app/db/key-stretch.ts says why it is safe).
    setupFiles: ['electron/app/testing/vitest-setup.ts'],
    // The tests spawn the compiled `linkdesk` (bin/linkdesk.js): built once here if a source changed.
    globalSetup: ['build/vitest-global-setup.ts'],
    pool: 'forks',
    // Two test files at a time on any machine: each opens databases and starts child processes
    // (the CLI, LibreOffice), so more workers only starve one another on a busy machine.
    maxWorkers: 2,
    // Generous, never a measure of speed: on a loaded two-core machine a LibreOffice start or a
    // child `linkdesk` on the real key stretch takes many times longer than on an idle one.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
