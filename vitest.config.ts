import { defineConfig } from 'vitest/config';

// Two projects:
//   unit    test/**/*.test.ts except the kernel suite; fast, parallel.
//   kernel  test/kernel/**/*.test.ts: the differential suite against the real Linux
//           kernel (root, `ip netns`, iptables). It builds real namespaces, so its
//           files run one at a time with long timeouts; its tests skip themselves
//           where the machine does not allow it.
// Reporters: vitest's default summary, then one closing line for CI
// (`Unit: N passed, N failed, N skipped` / `Kernel: ...`), see test/reporters/.
// The label defaults to the one project that ran (`--project unit` -> `Unit:`); VITEST_LABEL overrides.

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/kernel/**', '**/node_modules/**'],
          environment: 'node',
          setupFiles: ['test/setup/lazy-parts.ts'],
          // One module graph for every file of the worker: each file re-evaluating the simulator and
          // loading its lazy parts cost a third of the suite (setup 70 s, import 63 s of 445 s on a
          // loaded machine; 4 s and 17 s of 256 s shared). A file that needs fresh modules resets them
          // (vi.resetModules: lazy-parts.test.ts, and link-fuzz.test.ts for its fflate mock).
          isolate: false,
          // A hang detector, not a speed check (speed is `npm run bench`'s): npm test runs
          // this suite beside the browser tests on 2 cores, where a world of 300 takes seconds.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'kernel',
          include: ['test/kernel/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup/lazy-parts.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
    reporters: ['default', ['./test/reporters/count-reporter.ts', { label: process.env.VITEST_LABEL }]],
  },
});
