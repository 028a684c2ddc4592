import { defineConfig } from 'vitest/config';

// Pact consumer tests write contracts/pacts/*.json; provider verifications read them, so the
// consumers run first (deps.md pitfall 1). Everything else runs in the second group.
const consumer = ['contracts/**/*.consumer.test.ts'];

export default defineConfig({
  // `ats-sandbox/*` imported by a test resolves to the TypeScript sources, not dist/ (package.json
  // exports); the rest are vite's default server conditions, which this list replaces
  ssr: { resolve: { conditions: ['ats-sandbox-source', 'module', 'node', 'development|production'] } },
  test: {
    env: { PACT_DO_NOT_TRACK: 'true', ATS_SANDBOX_QUIET: '1' },
    // vitest's default is cores - 1, i.e. one worker on a 2-core CI machine; most tests wait on I/O
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    globalSetup: ['test/global-setup.ts'],
    projects: [
      // retry: one in a few full runs on 2 loaded cores, a consumer test's request is reported by Pact's
      // mock server as never received (not reproduced alone or in 20 runs of the group; see the closing
      // note of issue 12); a retry runs the interaction again against a fresh mock server
      { extends: true, test: { name: 'contracts-consumer', include: consumer, retry: 2, sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'sandbox',
          isolate: false,
          include: ['test/**/*.test.ts', 'contracts/**/*.test.ts', 'scenarios/**/*.test.ts'],
          exclude: [...consumer, '**/node_modules/**'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
