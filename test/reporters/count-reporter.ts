/**
 * Vitest reporter that ends the run with one line CI can read:
 *
 *   Unit: 41 passed, 0 failed, 2 skipped
 *
 * Listed after 'default' in vitest.config.ts, so vitest's own summary is kept.
 * The label comes from the `label` option (or VITEST_LABEL), else from the single
 * project that ran (`--project kernel` -> `Kernel`), else `Tests`.
 * A test file that failed before any of its tests ran (import or syntax error) and
 * each unhandled error count as one failure, so the line never says 0 failed for a
 * run that failed.
 */
import type { Reporter, SerializedError, TestModule, Vitest } from 'vitest/node';

export interface CountReporterOptions {
  label?: string | undefined;
}

export default class CountReporter implements Reporter {
  private vitest: Vitest | undefined;
  private readonly label: string | undefined;

  constructor(options: CountReporterOptions = {}) {
    this.label = options.label || process.env.VITEST_LABEL || undefined;
  }

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++; // skipped, todo, or never run (pending)
      }
      if (failedHere === 0 && (mod.state() === 'failed' || mod.errors().length > 0)) failedHere = 1;
      failed += failedHere;
    }
    failed += unhandledErrors.length;

    const line = `${this.resolveLabel()}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    if (this.vitest) this.vitest.logger.log(line);
    else process.stdout.write(`${line}\n`);
  }

  private resolveLabel(): string {
    if (this.label) return this.label;
    const projects = this.vitest?.projects ?? [];
    const name = projects.length === 1 ? projects[0]!.name : '';
    return name ? name[0]!.toUpperCase() + name.slice(1) : 'Tests';
  }
}
