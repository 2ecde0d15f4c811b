/**
 * Exporting a large notebook (the scale bench's notebook: ~20 KB articles, 10 highlights each,
 * a claim on every 10th, notes; built once and cached in .tmp/bench-scale): the whole notebook
 * by source and by claim, in Markdown and CSV, through the export call the app makes, on the
 * open notebook. While each runs, the longest stall of the event loop (what the desktop app's
 * window would wait for an answer) and the answer time of a call made every 100 ms.
 * Baseline in the same run: reading the same records and serialising them with JSON.stringify.
 *
 * Target (issue on export): the window never freezes (no stall near 100 ms); the export shows
 * progress and can be cancelled. EXPORT_BENCH_ARTICLES changes the size (default 10,000).
 */
import { rm } from 'node:fs/promises';
import type { ExportFormat } from '../src-main/common/export-schema';
import { openNotebook } from '../src-main/services/open-notebook';
import { ensureNotebook, freshCopy } from './scale/build-notebook';
import { median, ms, printTable, reportBench, type Cell } from './support/report';
import { watched, type Watched } from './support/watched';

const ARTICLES = Number(process.env.EXPORT_BENCH_ARTICLES ?? 10_000);
const log = (line: string) => process.stderr.write(`${line}\n`);

await ensureNotebook(ARTICLES, log);
const dir = await freshCopy(ARTICLES, 'export-bench');
// As the app runs it: exports in their worker thread.
const notebook = await openNotebook(dir, { persistSearch: false, exportThread: 'worker' });

const exports: [string, ExportFormat, 'source' | 'claim'][] = [
  ['Markdown, by source', 'md', 'source'],
  ['Markdown, by claim', 'md', 'claim'],
  ['CSV, by source', 'csv', 'source'],
  ['CSV, by claim', 'csv', 'claim'],
];
const results: [string, Watched, number][] = [];
for (const [label, format, shape] of exports) {
  log(`export: ${label} …`);
  const run = await watched(
    () =>
      notebook.handlers.exportReport({
        format,
        shape,
        scope: { articleIds: [], tags: [], claimIds: [] },
        style: 'apa',
        options: { comments: true, notes: true, needsReview: true },
        excel: false, colorCodes: false,
      }),
    notebook,
  );
  results.push([label, run, (run.value as { content: string }).content.length]);
}
// The baseline last: the hundreds of megabytes it holds would otherwise be collected during the first export.
const baseline = await watched(async () => {
  const records = [];
  for (const meta of notebook.reportData.articleMetas()) records.push(await notebook.reportData.readArticle(meta.id));
  return JSON.stringify({ records, claims: notebook.reportData.claims(), notes: notebook.reportData.noteMetas() }).length;
}, notebook);

await notebook.close();
await rm(dir, { recursive: true, force: true });

function printResults(): void {
  const row = (label: string, run: Watched, bytes: number): Cell[] => [
    label,
    `${(run.ms / 1000).toFixed(1)} s`,
    `${(run.ms / baseline.ms).toFixed(1)}×`,
    `${(bytes / 1024 / 1024).toFixed(1)} MB`,
    `${ms(run.stall)} ms`,
    `${ms(median(run.calls))} / ${ms(Math.max(...run.calls))} ms`,
  ];
  printTable(
    `Export of ${ARTICLES.toLocaleString('en')} articles (whole notebook, APA, comments and notes included)`,
    ['export', 'time', 'vs baseline', 'size', 'longest stall', 'API call p50 / max'],
    [row('baseline: read every record + JSON.stringify', baseline, baseline.value as number), ...results.map(([label, run, bytes]) => row(label, run, bytes))],
    ['longest stall: the event loop of the process that answers the window (target: well under 100 ms)', 'API call: getHistory every 100 ms while the export runs'],
  );
}

reportBench(`export (${ARTICLES.toLocaleString('en')} articles)`, printResults);
