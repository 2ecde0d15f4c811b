/**
 * Prints why tests were skipped (the list reporter shows only that they were), once per
 * reason, so "skipped" never hides in a green run. Listed before `list` in the config so the
 * run still ends with list's "N passed" line.
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonsReporter implements Reporter {
  private readonly reasons = new Map<string, number>();

  printsToStdio(): boolean {
    return true;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const skip = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip');
    const project = test.parent.project()?.name ?? '';
    const key = `[${project}] ${skip?.description ?? 'no reason given'}`;
    this.reasons.set(key, (this.reasons.get(key) ?? 0) + 1);
  }

  onEnd(_result: FullResult): void {
    if (this.reasons.size === 0) return;
    const lines = [...this.reasons].map(([reason, count]) => `  ${count} skipped ${reason}`);
    process.stdout.write(`\nSkipped tests:\n${lines.join('\n')}\n`);
  }
}
