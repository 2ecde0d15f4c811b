/** Plain-text tables for bench results, printed before vitest's own timing table. */
import { bench, describe } from 'vitest';

export type Cell = string | number;

/** Formats milliseconds for a table: 1 decimal, or 3 below a millisecond. */
export function ms(value: number): string {
  return value < 1 ? value.toFixed(3) : value.toFixed(1);
}

/** The median of some durations. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Prints `rows` under `title` as an aligned table (numbers right-aligned). */
export function printTable(title: string, header: readonly string[], rows: ReadonlyArray<readonly Cell[]>, notes: readonly string[] = []): void {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  // Numbers and figures formatted as text (ms()) are right-aligned, words left-aligned.
  const line = (row: readonly Cell[]) =>
    row.map((cell, column) => (/^[\d.,]+$/.test(String(cell)) ? String(cell).padStart(widths[column]!) : String(cell).padEnd(widths[column]!))).join('  ');
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  const text = ['', title, rule, line(header), rule, ...rows.map(line), rule, ...notes, ''].join('\n');
  // stdout directly: vitest bench's console interception would label and reorder the lines.
  process.stdout.write(`${text}\n`);
}

/**
 * A bench whose work ran before it (at import, measured by hand): one empty iteration named
 * "report", whose teardown prints the results once vitest's run is over.
 */
export function reportBench(title: string, printResults: () => void): void {
  describe(title, () => {
    bench('report', () => {}, {
      iterations: 1,
      warmupIterations: 0,
      time: 0,
      warmupTime: 0,
      teardown: (_task, mode) => {
        if (mode === 'run') printResults();
      },
    });
  });
}
