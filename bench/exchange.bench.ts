/**
 * Exchanging a large notebook (the scale bench's notebook, built once and cached in
 * .tmp/bench-scale): the whole notebook exported as a bundle and as a REFI-QDA project (in the
 * export worker, as the app runs it), the bundle imported into an empty notebook, and imported
 * again (nothing changes). While each runs: the longest stall of the event loop that answers the
 * window, and the answer time of a call made every 100 ms. Baseline in the same run: parsing
 * the bundle's text and serialising it again.
 *
 * EXCHANGE_BENCH_ARTICLES changes the size (default 1,000).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExchangeSummary } from '../src-main/common/exchange-schema';
import type { ExportResult } from '../src-main/common/export-schema';
import { openNotebook } from '../src-main/services/open-notebook';
import { ensureNotebook, freshCopy } from './scale/build-notebook';
import { median, ms, printTable, reportBench, type Cell } from './support/report';
import { watched, type Watched } from './support/watched';

const ARTICLES = Number(process.env.EXCHANGE_BENCH_ARTICLES ?? 1_000);
const log = (line: string) => process.stderr.write(`${line}\n`);

await ensureNotebook(ARTICLES, log);
const dir = await freshCopy(ARTICLES, 'exchange-bench');
const source = await openNotebook(dir, { persistSearch: false, exportThread: 'worker' });
const request = (format: 'bundle' | 'qdpx') => ({
  format,
  shape: 'source' as const,
  scope: { articleIds: [], tags: [], claimIds: [] },
  style: 'apa' as const,
  options: { comments: true, notes: true, needsReview: true },
  excel: false,
  colorCodes: false,
});

const rows: [string, Watched, string][] = [];
log('exchange: bundle export …');
const bundleRun = await watched(() => source.handlers.exportReport(request('bundle')), source);
const bundle = (bundleRun.value as ExportResult).content;
rows.push(['export: bundle', bundleRun, `${(bundle.length / 1024 / 1024).toFixed(1)} MB`]);
log('exchange: REFI-QDA export …');
const qdpxRun = await watched(() => source.handlers.exportReport(request('qdpx')), source);
rows.push(['export: REFI-QDA project', qdpxRun, `${((qdpxRun.value as ExportResult).content.length * 0.75 / 1024 / 1024).toFixed(1)} MB`]);
await source.close();

const targetDir = await mkdtemp(join(tmpdir(), 'marginalia-exchange-bench-'));
const target = await openNotebook(targetDir, { sample: false, persistSearch: false });
const content = Buffer.from(bundle).toString('base64');
log('exchange: bundle import into an empty notebook …');
const importRun = await watched(() => target.handlers.importExchange({ fileName: 'bench.marginalia.json', content }), target);
const added = (importRun.value as ExchangeSummary).added.length;
rows.push(['import: bundle into an empty notebook', importRun, `${added.toLocaleString('en')} records added`]);
log('exchange: the same bundle again …');
const againRun = await watched(() => target.handlers.importExchange({ fileName: 'bench.marginalia.json', content }), target);
rows.push(['import: the same bundle again', againRun, `${(againRun.value as ExchangeSummary).unchanged.toLocaleString('en')} unchanged`]);
const baseline = await watched(async () => JSON.stringify(JSON.parse(bundle)).length, target);
await target.close();
await rm(dir, { recursive: true, force: true });
await rm(targetDir, { recursive: true, force: true });

function printResults(): void {
  const row = (label: string, run: Watched, what: string): Cell[] => [
    label,
    `${(run.ms / 1000).toFixed(2)} s`,
    `${(run.ms / baseline.ms).toFixed(1)}×`,
    what,
    `${ms(run.stall)} ms`,
    run.calls.length > 0 ? `${ms(median(run.calls))} / ${ms(Math.max(...run.calls))} ms` : '—',
  ];
  printTable(
    `Exchange of ${ARTICLES.toLocaleString('en')} articles (whole notebook)`,
    ['step', 'time', 'vs baseline', 'what', 'longest stall', 'API call p50 / max'],
    [row('baseline: JSON.parse + JSON.stringify of the bundle', baseline, ''), ...rows.map(([label, run, what]) => row(label, run, what))],
    ['longest stall: the event loop of the process that answers the window', 'API call: getHistory every 100 ms while the step runs'],
  );
}

reportBench(`exchange (${ARTICLES.toLocaleString('en')} articles)`, printResults);
