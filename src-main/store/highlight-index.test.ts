import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { HIGHLIGHT_INDEX_FILE, HighlightIndex, loadHighlightIndex } from './highlight-index';

function sample(): HighlightIndex {
  const index = new HighlightIndex();
  index.set('art_a', { annotations: ['ann_1', 'ann_2'], tagged: { ann_2: ['topic/trade'] } });
  index.set('art_b', { annotations: ['ann_3'], tagged: {} });
  return index;
}

describe('the highlight index', () => {
  it('knows which article holds each highlight, and forgets an article’s highlights with it', () => {
    const index = sample();
    expect(index.holder('ann_2')).toBe('art_a');
    index.set('art_a', { annotations: ['ann_1'], tagged: {} });
    expect(index.holder('ann_2')).toBeUndefined();
    expect(index.holder('ann_1')).toBe('art_a');
    index.set('art_b', null);
    expect(index.holder('ann_3')).toBeUndefined();
    expect([...index.articleIds()]).toEqual(['art_a']);
  });

  it('keeps how many highlights carry each tag as articles change, are removed and are loaded', async () => {
    const index = sample();
    index.set('art_b', { annotations: ['ann_3', 'ann_4'], tagged: { ann_3: ['topic/trade', 'method'], ann_4: ['method'] } });
    expect(Object.fromEntries(index.tagCounts())).toEqual({ 'topic/trade': 2, method: 2 });
    index.set('art_a', { annotations: ['ann_1', 'ann_2'], tagged: {} });
    expect(Object.fromEntries(index.tagCounts())).toEqual({ 'topic/trade': 1, method: 2 });
    index.set('art_b', null);
    expect(index.tagCounts().size).toBe(0);
    const path = join(await tempDir(), HIGHLIGHT_INDEX_FILE);
    await sample().save(path);
    expect(Object.fromEntries((await loadHighlightIndex(path))!.tagCounts())).toEqual({ 'topic/trade': 1 });
  });

  it('round-trips through its file, tags included', async () => {
    const path = join(await tempDir(), HIGHLIGHT_INDEX_FILE);
    await sample().save(path);
    const loaded = await loadHighlightIndex(path);
    expect(loaded?.holder('ann_3')).toBe('art_b');
    expect([...loaded!.tagged()]).toEqual([{ annotationId: 'ann_2', articleId: 'art_a', tags: ['topic/trade'] }]);
    expect(loaded?.idsOf('art_a')).toEqual(['ann_1', 'ann_2']);
  });

  it('reads a missing, cut short, damaged or foreign file as nothing, so the store rebuilds it', async () => {
    const dir = await tempDir();
    const path = join(dir, HIGHLIGHT_INDEX_FILE);
    expect(await loadHighlightIndex(path)).toBeNull();
    await sample().save(path);
    const text = await readFile(path, 'utf8');
    const damaged = [
      text.split('\n').slice(0, 2).join('\n'), // cut short: the header counts two articles
      text.replace('"ann_3"', '3'),
      text.replace('ann_1', 'ann_1"'),
      text.replace('marginalia-highlights/1', 'marginalia-highlights/9'),
      '',
    ];
    for (const each of damaged) {
      await writeFile(path, each);
      expect(await loadHighlightIndex(path)).toBeNull();
    }
  });
});
