/**
 * Painting highlights must stay fast: a 50 KB article with 1,000 highlights (many of them
 * overlapping) should paint in well under 100 ms. Two measures: the pure splitting that
 * decides which characters go in which marks, and building the body's nodes with them (in
 * jsdom, several times slower than a browser; compare the two rows, not the figures).
 * Run with `npm run bench`.
 */
import { JSDOM } from 'jsdom';
import { bench, describe } from 'vitest';
import { canonicalText, leafText } from '../src-main/common/anchoring/canonical-text';
import { forEachTextBlock } from '../src-main/common/article-doc';
import { textToDoc } from '../src-main/common/text-to-doc';
import { HIGHLIGHT_COLORS } from '../src-main/common/highlight-colors';
import { blockOffsets } from '../src-renderer/components/article-body/block-offsets';
import { paintLeaf } from '../src-renderer/components/article-body/paint-dom';
import { paintRun, rangesByBlock, sortRanges, type PaintRange } from '../src-renderer/components/article-body/paint-segments';
import { seedText } from './support/corpus-prose';
import { seededRandom } from './support/random';

const TARGET_CHARS = 50_000;
const HIGHLIGHTS = 1_000;

// The sample article repeated to 50 KB, paragraph structure kept.
const seed = seedText();
const doc = textToDoc(Array.from({ length: Math.ceil(TARGET_CHARS / seed.length) }, () => seed).join('\n\n'));
const text = canonicalText(doc);

const random = seededRandom(2024);
const highlights: PaintRange[] = Array.from({ length: HIGHLIGHTS }, (_, index) => {
  const start = random.int(0, text.length - 400);
  return { id: `ann_${index}`, color: random.pick(HIGHLIGHT_COLORS), start, end: start + random.int(5, 400) };
});

describe(`paint ${text.length.toLocaleString('en')} characters with ${HIGHLIGHTS} highlights`, () => {
  bench('split runs at highlight boundaries (pure)', () => {
    const { starts, lengths } = blockOffsets(doc);
    const perBlock = rangesByBlock(sortRanges(highlights), starts, lengths);
    let block = 0;
    forEachTextBlock(doc, (leaf) => {
      const leafRanges = perBlock[block] ?? [];
      paintRun(leafText(leaf), 0, leafRanges);
      block += 1;
    });
  });

  const { document } = new JSDOM('').window;

  /** Every block painted into an element of its own, as the reader's painter does. */
  function paintBody(ranges: readonly PaintRange[]): void {
    const { starts, lengths } = blockOffsets(doc);
    const perBlock = rangesByBlock(sortRanges(ranges), starts, lengths);
    let block = 0;
    forEachTextBlock(doc, (leaf) => {
      paintLeaf(document.createElement('p'), leaf, perBlock[block] ?? []);
      block += 1;
    });
  }

  // Baseline in the same run: what building the body costs with nothing painted on it.
  bench('build the article body without highlights (baseline)', () => paintBody([]));

  bench('build the article body with its marks', () => paintBody(highlights));
});
