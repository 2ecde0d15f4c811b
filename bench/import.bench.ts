/**
 * Import cost per article, main side, without the store: the HTML pipeline (jsdom parse,
 * Readability, DOMPurify, article tree) on a small, a long and a very long corpus page, and
 * the PDF pipeline on a generated 20-page PDF. Target: well under 1 s per article, so a
 * researcher's 200 articles import in a few minutes at most on the 2-core development machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { htmlToArticle } from '../src-main/services/import/html-to-article';
import { pdfToArticle } from '../src-main/services/import/pdf-to-article';
import { minimalPdf } from '../src-main/services/import/test-support/minimal-pdf';

const RUNS = { iterations: 5, warmupIterations: 1, time: 0, warmupTime: 0 };
const corpus = fileURLToPath(new URL('../../shared/corpus/web-pages/', import.meta.url));
const PAGES = ['rtl-1', 'guardian-1', 'wikipedia'].filter((name) => existsSync(`${corpus}${name}/source.html`));
if (PAGES.length === 0) console.warn(`import.bench: ${corpus} is absent; only the PDF pipeline is measured.`);

const LINE = 'The survey recorded tidal currents at the cape over two full years of observation.';
const PDF = minimalPdf({
  pages: Array.from({ length: 20 }, (_, page) => [
    { text: `Section ${page + 1}`, y: 740, size: 18 },
    ...Array.from({ length: 40 }, (_, line) => ({ text: LINE, y: 710 - line * 16 - (line % 8 === 7 ? 8 : 0) })),
  ]),
});

describe('import pipelines (per article)', () => {
  for (const name of PAGES) {
    const html = readFileSync(`${corpus}${name}/source.html`, 'utf8');
    bench(`HTML: ${name} (${Math.round(html.length / 1000)} KB)`, async () => void (await htmlToArticle(html, 'https://example.org/')), RUNS);
  }
  bench(`PDF: 20 pages, ${Math.round(PDF.length / 1000)} KB`, async () => void (await pdfToArticle(PDF)), RUNS);
});
