import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One file at a time: each real-browser file runs its own Chromium, and two of them beside
    // jsdom suites on a 2-core machine starved hover and focus timing enough to flip card tests.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
