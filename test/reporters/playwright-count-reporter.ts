/**
 * Playwright reporter that ends the run with one line CI can read:
 *
 *   E2E: 3 passed, 0 failed, 1 skipped
 *
 * Used next to the `list` reporter (playwright.config.ts). Errors outside any
 * test (the web server did not start, a config error) count as failures, so the
 * line never says 0 failed for a run that failed.
 */
import type { FullResult, Reporter, Suite, TestError } from '@playwright/test/reporter';

export interface PlaywrightCountReporterOptions {
  label?: string;
}

export default class PlaywrightCountReporter implements Reporter {
  private readonly label: string;
  private suite: Suite | undefined;
  private globalErrors = 0;

  constructor(options: PlaywrightCountReporterOptions = {}) {
    this.label = options.label ?? 'E2E';
  }

  onBegin(_config: unknown, suite: Suite): void {
    this.suite = suite;
  }

  onError(_error: TestError): void {
    this.globalErrors++;
  }

  printsToStdio(): boolean {
    return true;
  }

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const test of this.suite?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'expected' || outcome === 'flaky') passed++;
      else if (outcome === 'unexpected') failed++;
      else skipped++; // skipped, or never run (interrupted, max failures)
    }
    failed += this.globalErrors;
    if (result.status !== 'passed' && failed === 0) failed = 1; // timed out or interrupted
    console.log(`${this.label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
