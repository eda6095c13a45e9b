import { defineConfig } from 'vitest/config';

/**
 * Four tiers, each runnable alone (`npm run test:<tier>`), all in sequence by `npm test`:
 * - unit:        pure rules and parsers, no database, no process (kept under 30 s)
 * - integration: use cases, HTTP and adapters on a real database (PGlite, or PostgreSQL
 *                when TEST_DATABASE_URL is set), in-process
 * - process:     tests that spawn the service or the CLI as child processes
 * - e2e:         journeys through a listening service's real surfaces
 * Tests live under test/<tier>/<src area>/.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/slowest-files-reporter.ts'],
    globalSetup: ['./test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 10_000 } },
      {
        // Each integration file creates a database and migrates it; give them room on 2 cores.
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'process',
          include: ['test/process/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
    ],
  },
});
