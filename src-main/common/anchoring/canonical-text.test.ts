import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArticleDoc, Inline } from '../article-doc';
import { textToDoc } from '../text-to-doc';
import { canonicalText, normalizeDoc, textBlocks } from './canonical-text';

const seed = readFileSync(new URL('../../../resources/sample/japan-us-2plus2.txt', import.meta.url), 'utf8');
const p = (...children: Inline[]): ArticleDoc => ({ blocks: [{ type: 'paragraph', children }] });
const t = (text: string): Inline => ({ type: 'text', text });

describe('canonical text', () => {
  it('is the sample article exactly: paragraphs joined by a blank line, curly quotes kept', () => {
    const text = canonicalText(textToDoc(seed));
    expect(text).toBe(seed.trim());
    expect(text).toContain('“the greatest strategic challenge.”');
    expect(text).toContain("President Joe Biden 's withdrawal");
    expect(text.split('\n\n')).toHaveLength(7);
  });

  it.each<[string, ArticleDoc, string]>([
    ['collapses runs of white space', p(t('  The   command\n\tupgrade  ')), 'The command upgrade'],
    ['collapses across inline boundaries', p(t('rising '), { type: 'emphasis', children: [t(' threat')] }, t(' from')), 'rising threat from'],
    ['keeps no-break spaces and other Unicode', p(t('50\u00a0000 troops — “2+2” 東京 مرحبا')), '50\u00a0000 troops — “2+2” 東京 مرحبا'],
    ['turns a hard break into a newline without surrounding spaces', p(t('line one  '), { type: 'break' }, t('  line two')), 'line one\nline two'],
    ['drops breaks at the edges of a block', p({ type: 'break' }, t('middle'), { type: 'break' }), 'middle'],
    ['collapses white space inside inline code', p(t('call '), { type: 'code', text: 'a   b' }), 'call a b'],
    // Runs that are already collapsed, beside runs whose edges are white space.
    ['keeps the space a run ended with before a collapsed run', p(t('rising '), t('threat from'), t(' China')), 'rising threat from China'],
    ['joins collapsed runs with no space between them as they are', p(t('U.S.'), { type: 'emphasis', children: [t('-Japan')] }, t(' talks')), 'U.S.-Japan talks'],
    ['drops the space before a break after a collapsed run', p(t('one two'), t(' '), { type: 'break' }, t('three')), 'one two\nthree'],
    ['joins blocks with a blank line and leaves empty blocks out', { blocks: [
      { type: 'heading', level: 2, children: [t('Title')] },
      { type: 'paragraph', children: [t('   ')] },
      { type: 'rule' },
      { type: 'paragraph', children: [t('Body')] },
    ] }, 'Title\n\nBody'],
    ['keeps white space of preformatted blocks, dropping trailing newlines', { blocks: [
      { type: 'preformatted', text: 'a  b\r\n  c\n\n' },
    ] }, 'a  b\n  c'],
    ['walks quotes, list items and table cells in document order', { blocks: [
      { type: 'quote', children: [{ type: 'paragraph', children: [t('quoted')] }] },
      { type: 'list', ordered: false, items: [[{ type: 'paragraph', children: [t('one')] }], [{ type: 'paragraph', children: [t('two')] }]] },
      { type: 'table', rows: [[{ header: true, children: [t('H')] }, { header: false, children: [t('cell')] }]] },
    ] }, 'quoted\n\none\n\ntwo\n\nH\n\ncell'],
  ])('%s', (_name, doc, expected) => {
    expect(canonicalText(doc)).toBe(expected);
  });

  it('is idempotent: normalizing a normalized document changes nothing', () => {
    const docs = [textToDoc(seed), p(t(' a '), { type: 'strong', children: [t(' b ')] }, { type: 'break' }, t(' c'))];
    for (const doc of docs) {
      const once = normalizeDoc(doc);
      expect(normalizeDoc(once)).toEqual(once);
      // The stored tree prints as the canonical text with no further work.
      expect(textBlocks(once).join('\n\n')).toBe(canonicalText(doc));
    }
  });

  it('is deterministic', () => {
    expect(canonicalText(textToDoc(seed))).toBe(canonicalText(textToDoc(seed)));
  });
});
