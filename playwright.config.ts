import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Browser: PLAYWRIGHT_CHROMIUM_PATH if set, else Debian's chromium when installed
// (`apt-get install chromium`; the binary behind /usr/bin/chromium is used directly,
// which skips the wrapper script's harmless shell warning), else Playwright's own
// browser (`npx playwright install chromium`) for machines that can download it.
function chromiumPath(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) {
    return existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium';
  }
  return undefined;
}

// Chromium stays quiet on a closed network with these (shared/TOOLCHAIN.md).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CHROMIUM = {
  ...devices['Desktop Chrome'],
  launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
};
/** The files of the longest tests (a minute or so each on a loaded machine). */
const LONGEST = /\/e2e\/(walkthrough|tutorials)\.spec\.ts$/;

// E2E_PORT: another port when 4173 is taken (e.g. another checkout's preview server would be reused).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  // Screenshots, traces and failure artifacts of each run (emptied at the start of a run).
  outputDir: 'e2e-artifacts',
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  // Two workers in CI too: npm test's Node lane (lint, types, unit, kernel) ends after about
  // 5 minutes, and one worker left the second core idle for the rest of the e2e lane.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['./test/reporters/playwright-count-reporter.ts', { label: 'E2E' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    // The built app registers a service worker that would serve later loads from its cache, past
    // page.route() and the preview server: blocked here, allowed only by e2e/offline.spec.ts.
    serviceWorkers: 'block',
    // As a reader who asks for less motion: the app then stops its endless loops (the cursor's blink,
    // the resting packet's pulse: src/app/ui/motion.ts), each of which repainted a page 60 times a
    // second for the rest of a test (a tenth of a core each, measured). What a test checks moves as
    // before; e2e/app.spec.ts checks both settings.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
  },
  // One browser, listed twice so that the longest tests start first: the workers take tests
  // in the projects' order, then the files' (alphabetical), and the walks and tutorials, last
  // by name, left one worker walking alone for a minute or two at the end of the suite.
  projects: [
    { name: 'chromium', use: CHROMIUM, testMatch: LONGEST },
    { name: 'chromium', use: CHROMIUM, testIgnore: LONGEST },
  ],
  // Serves the production build in dist/: run `vite build` first (`npm run test:e2e` does).
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // Playwright sets FORCE_COLOR=1 for the server; with NO_COLOR (CI) Node would warn.
    env: process.env.NO_COLOR ? { FORCE_COLOR: '0' } : {},
  },
});
