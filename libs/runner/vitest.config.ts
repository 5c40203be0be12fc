import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts'],
    testTimeout: 60_000,
    // a private redis-server for the BullMQ specs (fails with a clear message without one)
    globalSetup: ['src/test-support/redis-global-setup.ts'],
  },
});
