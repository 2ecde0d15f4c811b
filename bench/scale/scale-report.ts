/** The scale table as printed (one per size) and as saved in bench/results/scale.json. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { printTable } from '../support/report';
import type { Figure, RowResult } from './figures';
import { ROWS, type Row } from './rows';

export interface SizeResult {
  articles: number;
  /** Building the notebook through the store, when this run built it. */
  buildSeconds: number | null;
  rows: Record<string, RowResult>;
}

const format = (value: number, unit: Figure['unit']) => (unit === 's' ? value.toFixed(1) : value < 10 ? value.toFixed(2) : value.toFixed(unit === 'ms' ? 1 : 0));

function range(f: Figure): string {
  return `${format(f.min, f.unit)} / ${format(f.median, f.unit)} / ${format(f.max, f.unit)} ${f.unit}`;
}

/** Whether the target's statistic is under its bound; undefined when the row has no number to meet. */
export function met(row: Row, result: RowResult | undefined): boolean | undefined {
  if (!row.target || !result?.figure) return undefined;
  return result.figure[row.target.stat] < row.target.below;
}

/** The figure's target statistic (or median) over the baseline's. */
export function ratio(row: Row, result: RowResult | undefined): number | string | undefined {
  const { figure, baseline } = result ?? {};
  if (typeof baseline === 'string') return baseline;
  if (!figure || !baseline) return undefined;
  const stat = row.target?.stat ?? 'median';
  return baseline[stat] > 0 ? figure[stat] / baseline[stat] : undefined;
}

export function printSize({ articles, buildSeconds, rows }: SizeResult): void {
  const table = ROWS.map((row) => {
    const result = rows[row.key];
    const ok = met(row, result);
    const vsBaseline = ratio(row, result);
    return [
      row.label,
      result?.figure ? range(result.figure) : (result?.note ?? 'not measured'),
      result?.figure?.samples ?? '',
      result?.figure && row.target?.stat === 'p95' ? `p95 ${format(result.figure.p95, result.figure.unit)}` : '',
      row.targetText,
      ok === undefined ? '—' : ok ? 'yes' : 'NO',
      typeof vsBaseline === 'number' ? `${vsBaseline.toFixed(3)}×` : typeof vsBaseline === 'string' ? vsBaseline.split(' (')[0]! : '—',
      row.before,
    ];
  });
  const notes = [
    buildSeconds === null ? 'Notebook from the cache (.tmp/bench-scale).' : `Notebook built through the store in ${buildSeconds.toFixed(0)} s.`,
    'vs baseline: the target statistic (or the median) over the same statistic on one lowdb file holding everything, in this process.',
    ...ROWS.flatMap((row) => (rows[row.key]?.figure && rows[row.key]?.note ? [`${row.label}: ${rows[row.key]!.note}`] : [])),
  ];
  printTable(`Scale: ${articles.toLocaleString('en')} articles`, ['figure', 'min / median / max', 'n', '', 'target', 'met', 'vs baseline', 'before the rewrite'], table, notes);
}

/**
 * Writes this run's sizes into `path`, keeping the sizes of earlier runs it did not measure
 * (a 50,000-article run takes long and is run on its own); each size says when it was measured.
 */
export async function saveResults(path: string, sizes: SizeResult[]): Promise<void> {
  const measuredAt = new Date().toISOString();
  const measured = sizes.map(({ articles, buildSeconds, rows }) => ({
    articles,
    measuredAt,
    buildSeconds,
    rows: Object.fromEntries(ROWS.map((row) => [row.key, { ...rows[row.key], met: met(row, rows[row.key]), vsBaseline: ratio(row, rows[row.key]) }])),
  }));
  const earlier = await readFile(path, 'utf8')
    .then((text) => (JSON.parse(text) as { sizes?: { articles: number; measuredAt?: string }[]; measuredAt?: string }))
    .catch(() => ({ sizes: [] }) as { sizes?: { articles: number; measuredAt?: string }[]; measuredAt?: string });
  const kept = (earlier.sizes ?? []).filter((size) => !measured.some((m) => m.articles === size.articles)).map((size) => ({ ...size, measuredAt: size.measuredAt ?? earlier.measuredAt }));
  const json = {
    measuredAt,
    node: process.version,
    rows: ROWS,
    sizes: [...kept, ...measured].sort((a, b) => a.articles - b.articles),
  };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
}
