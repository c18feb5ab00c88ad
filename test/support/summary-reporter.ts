/**
 * Prints one plain closing line after the run, "tests: N passed, N failed, N skipped", which CI reads to tell a
 * run that tested something from one that ran nothing. Failures outside a test count too: a file that failed to
 * load or whose beforeAll failed (its tests then show as skipped), and errors thrown outside any test.
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') failedHere++;
        else count.skipped++;
      }
      // A module that failed with no failed test failed outside them (load, hooks): one failure, never nothing.
      count.failed += module.state() === 'failed' && failedHere === 0 ? 1 : failedHere;
    }
    count.failed += unhandledErrors.length;
    process.stdout.write(`\ntests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
