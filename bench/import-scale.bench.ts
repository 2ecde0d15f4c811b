/**
 * Import time against page size, through the import call as the app runs it (the import worker,
 * a notebook folder): tables, nested divs and long lists at five sizes each, and the 500,000-cell
 * page of the reliability issue. For each: the time per 1,000 elements (flat when the import is
 * linear), the longest stall of the event loop that answers the window (a 10 ms ticker), the
 * slowest answer of a call made every 100 ms meanwhile (getNotebookStatus: it waits for nothing
 * but the event loop), and whether the page was imported whole, through reader mode, or refused.
 *
 * Baselines in the same run, per page: jsdom parsing the page alone (in this process: the floor
 * every HTML import pays), and the same words imported as plain text through the same call (its
 * stall is what storing an article that size costs the main thread). And once: the longest stall
 * while nothing runs, the machine's own noise.
 *
 * IMPORT_BENCH_SCALE multiplies every size (default 1).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { ApiResponse } from '../src-main/common/api';
import type { ImportedArticle } from '../src-main/common/model';
import { PAGE_LIMITS } from '../src-main/services/import/import-budget';
import { limitNesting } from '../src-main/services/import/limit-nesting';
import { openNotebook } from '../src-main/services/open-notebook';
import { inProcessApi } from '../src-main/test-support/in-process-api';
import { median, ms, printTable, reportBench, type Cell } from './support/report';
import { watched, type Watched } from './support/watched';

const SCALE = Number(process.env.IMPORT_BENCH_SCALE ?? 1);
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Page {
  kind: 'table' | 'nesting' | 'list';
  size: number;
  html: string;
}

const page = {
  table: (cells: number) => {
    const rows: string[] = [];
    for (let row = 0; row < cells / 10; row++) rows.push(`<tr>${Array.from({ length: 10 }, (_, col) => `<td>${row * 10 + col}</td>`).join('')}</tr>`);
    return `<!doctype html><html><head><title>Table of ${cells} cells</title></head><body><table>${rows.join('')}</table></body></html>`;
  },
  nesting: (levels: number) =>
    `<!doctype html><html><head><title>${levels} nested divs</title></head><body>${'<div>'.repeat(levels)}The harbour reopened on Monday after three weeks of repairs.${'</div>'.repeat(levels)}</body></html>`,
  list: (items: number) =>
    `<!doctype html><html><head><title>List of ${items} items</title></head><body><ul>${Array.from({ length: items }, (_, item) => `<li>Item ${item} of the long list</li>`).join('')}</ul></body></html>`,
};

const SIZES: Record<Page['kind'], number[]> = {
  table: [2_500, 5_000, 10_000, 20_000, 40_000, 80_000],
  nesting: [1_000, 2_000, 5_000, 10_000, 20_000],
  list: [2_500, 5_000, 10_000, 20_000, 40_000],
};
const pages: Page[] = Object.entries(SIZES).flatMap(([kind, sizes]) =>
  sizes.map((size) => Math.round(size * SCALE)).map((size) => ({ kind: kind as Page['kind'], size, html: page[kind as Page['kind']](size) })),
);
pages.push({ kind: 'table', size: 500_000, html: page.table(500_000) });

const dir = await mkdtemp(join(tmpdir(), 'marginalia-import-bench-'));
const open = await openNotebook(dir, { sample: false, persistSearch: false, importThread: 'worker', searchThread: 'worker' });
// Through the contract's dispatch (arguments parsed as the hosts parse them).
const api = inProcessApi(open.handlers);
const fileArg = (name: string, text: string, format: 'html' | 'text' = 'html') => ({ format, fileName: name, encoding: 'base64' as const, content: Buffer.from(text).toString('base64') });

// The first import starts the worker (and, from the sources, compiles it): not part of any row.
await open.handlers.importArticle(fileArg('warm-up.html', page.list(100)));
/** The call made every 100 ms while an import runs. */
const status = () => open.handlers.getNotebookStatus({});
const idle = await watched(() => new Promise((resolve) => setTimeout(resolve, 3_000)), open, status);

interface Row {
  page: Page;
  elements: number;
  run: Watched;
  answer: ApiResponse<ImportedArticle>;
  parseMs: number;
  text?: Watched;
}
const rows: Row[] = [];

for (const item of pages) {
  const elements = limitNesting(item.html, Number.MAX_SAFE_INTEGER).elements;
  log(`import-scale: ${item.kind} ${item.size.toLocaleString('en')} (${Math.round(item.html.length / 1000)} KB) …`);
  const arg = fileArg(`${item.kind}-${item.size}.html`, item.html);
  const run = await watched(() => api.importArticle(arg), open, status);
  const answer = run.value as ApiResponse<ImportedArticle>;
  const started = performance.now();
  // The floor: jsdom's parse of the page as the import parses it, nesting flattened (unflattened,
  // 5,000 nested divs overflow jsdom's stack); past 100,000 elements it is not worth the minutes.
  if (elements <= 100_000) new JSDOM(limitNesting(item.html, PAGE_LIMITS.depth).html, { virtualConsole: new VirtualConsole() }).window.close();
  const parseMs = elements <= 100_000 ? performance.now() - started : Number.NaN;
  let text: Watched | undefined;
  if (answer.ok) {
    const { text: words } = await open.handlers.getArticle({ id: answer.value.id });
    const textArg = fileArg(`${item.kind}-${item.size}.txt`, words, 'text');
    text = await watched(() => api.importArticle(textArg), open, status);
  }
  rows.push({ page: item, elements, run, answer, parseMs, ...(text ? { text } : {}) });
}
await open.close();
await rm(dir, { recursive: true, force: true });

function outcome(answer: ApiResponse<ImportedArticle>): string {
  if (!answer.ok) return `refused: ${answer.error.message.replace(/^This page is too complex to import: /, '').split('.')[0]}`;
  return answer.value.notice ? 'whole page (no reader mode)' : 'reader mode';
}

function printResults(): void {
  const table: Cell[][] = rows.map(({ page: { kind, size, html }, elements, run, answer, parseMs, text }) => [
    `${kind} ${size.toLocaleString('en')}`,
    `${Math.round(html.length / 1000).toLocaleString('en')} KB`,
    elements.toLocaleString('en'),
    `${(run.ms / 1000).toFixed(2)} s`,
    `${ms((run.ms / elements) * 1000)} ms`,
    Number.isNaN(parseMs) ? '—' : `${(parseMs / 1000).toFixed(2)} s`,
    text ? `${(text.ms / 1000).toFixed(2)} s` : '—',
    `${ms(run.stall)} ms`,
    text ? `${ms(text.stall)} ms` : '—',
    run.calls.length > 0 ? `${ms(median(run.calls))} / ${ms(Math.max(...run.calls))} ms` : '—',
    outcome(answer),
  ]);
  const perThousand = (kind: Page['kind']) => rows.filter((row) => row.page.kind === kind && row.answer.ok).map((row) => (row.run.ms / row.elements) * 1000);
  const spread = (kind: Page['kind']) => {
    const values = perThousand(kind);
    return values.length > 1 ? `${kind}: ${ms(Math.min(...values))}–${ms(Math.max(...values))} ms per 1,000 elements` : `${kind}: —`;
  };
  printTable(
    'Import time against page size (the import call, in its worker, on a notebook folder)',
    ['page', 'size', 'elements', 'import', 'per 1,000 elements', 'baseline: jsdom parse', 'baseline: same words as text', 'longest stall', 'stall, same words as text', 'API call p50 / max', 'outcome'],
    table,
    [
      `linear when the time per 1,000 elements stays flat as pages grow: ${(['table', 'nesting', 'list'] as const).map(spread).join('; ')}`,
      `longest stall: the event loop of the process that answers the window (10 ms ticker); API call: getNotebookStatus every 100 ms during the import; idle, the same ticker over 3 s: ${ms(idle.stall)} ms`,
      'baseline: jsdom parse = the same page (nesting flattened) parsed by jsdom alone, on this thread; same words as text = the imported words as a .txt through the same call',
    ],
  );
}

reportBench('import scale', printResults);
