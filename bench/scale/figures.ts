/** A measured figure (min / median / p95 / max of its samples) and how it compares with its target. */

export type Unit = 'ms' | 's' | 'MB' | 'KB';

export interface Figure {
  unit: Unit;
  samples: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

/** Summarizes samples already in `unit`. */
export function figure(values: readonly number[], unit: Unit): Figure {
  if (values.length === 0) throw new RangeError('figure: no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { unit, samples: values.length, min: sorted[0]!, median, p95: at(0.95), max: sorted.at(-1)! };
}

/** Which statistic a target is about, and the bound it must stay under. */
export interface Target {
  stat: 'median' | 'p95' | 'max';
  below: number;
}

/** What one row of the table got at one size. */
export interface RowResult {
  figure?: Figure;
  /** Why there is no figure, or what to know about it. */
  note?: string;
  /** The same operation on the single-file baseline; a string when it could not be measured ("cannot save"). */
  baseline?: Figure | string;
}

export const MB = 1024 * 1024;

/** Times one async call in milliseconds. */
export async function timed<T>(call: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await call();
  return [performance.now() - start, value];
}

/** Runs `call` `times` times in turn and answers each duration in ms. */
export async function repeat(times: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times; i += 1) durations.push((await timed(() => call(i)))[0]);
  return durations;
}
