import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/** Counts as Vitest's own summary counts them: test files and tests apart, so the two never disagree. */
export interface RunCounts {
  tests: { passed: number; failed: number; skipped: number; todo: number; expectedFail: number };
  files: { passed: number; failed: number; skipped: number };
  errors: number;
}

export function countRun(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<unknown> = [],
): RunCounts {
  const counts: RunCounts = {
    tests: { passed: 0, failed: 0, skipped: 0, todo: 0, expectedFail: 0 },
    files: { passed: 0, failed: 0, skipped: 0 },
    errors: unhandledErrors.length,
  };
  for (const module of testModules) {
    // A file that throws at import has no tests but fails: it is counted here, never as a test.
    const state = module.state();
    if (state === 'passed' || state === 'failed' || state === 'skipped') counts.files[state] += 1;
    for (const test of module.children.allTests()) {
      // Vitest counts `it.fails` that failed as expected apart from the passed ones. `options` is
      // fixed at collection, so a test that skips itself is known by its result, not its mode.
      const result = test.result().state;
      if (result === 'failed') counts.tests.failed += 1;
      else if (result === 'passed') counts.tests[test.options.fails ? 'expectedFail' : 'passed'] += 1;
      else if (result === 'skipped') counts.tests[test.options.mode === 'todo' ? 'todo' : 'skipped'] += 1;
    }
  }
  return counts;
}

/**
 * One line, fixed fields first so CI can grep it:
 * `Tests: 578 passed, 3 failed, 0 skipped · Test files: 44 passed, 2 failed`.
 * Rare kinds (todo, expected fail, skipped files, errors outside tests) are added only when present.
 */
export function summaryLine({ tests, files, errors }: RunCounts): string {
  const extra = (count: number, label: string) => (count > 0 ? `, ${count} ${label}` : '');
  return (
    `Tests: ${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped` +
    `${extra(tests.todo, 'todo')}${extra(tests.expectedFail, 'expected fail')}` +
    ` · Test files: ${files.passed} passed, ${files.failed} failed${extra(files.skipped, 'skipped')}` +
    (errors > 0 ? ` · Errors: ${errors}` : '')
  );
}

/**
 * Ends the run with a plain summary line that CI reads, so a run that executed no test, or
 * failed a module before its tests, can be told from a green one.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    process.stdout.write(`\n${summaryLine(countRun(testModules, unhandledErrors))}\n`);
  }
}
