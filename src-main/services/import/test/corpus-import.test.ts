/**
 * Every page of the shared web-page corpus, imported as a saved .html file through the API:
 * the title Readability's own tests expect, non-empty text, nothing executable stored, and
 * the right direction for right-to-left pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentOf } from '../../../common/merge/revisions';
import { fnv1a64, stableJson, stableJsonDigest } from '../../../common/merge/stable-json';
import { valueOf } from '../../../test-support/in-process-api';
import { activeContentIn, emptyNotebook, fileArg } from '../test-support/import-fixture';

const corpus = resolve(import.meta.dirname, '../../../../../shared/corpus/web-pages');
const present = existsSync(corpus);
if (!present) console.warn(`Skipping the web-page corpus import test: ${corpus} is absent on this machine.`);

interface Expected {
  title?: string | null;
  dir?: string | null;
}

describe.skipIf(!present)('importing every page of the web-page corpus', () => {
  const pages = present ? readdirSync(corpus).filter((name) => existsSync(join(corpus, name, 'source.html'))) : [];

  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(25);
  });

  it.each(pages)('%s', async (name) => {
    const { api, notebook } = await emptyNotebook();
    const bytes = readFileSync(join(corpus, name, 'source.html'));
    const expected = JSON.parse(readFileSync(join(corpus, name, 'expected-metadata.json'), 'utf8')) as Expected;

    const meta = await valueOf(api.importArticle(fileArg('html', `${name}.html`, bytes)));
    const article = await valueOf(api.getArticle({ id: meta.id }));

    if (expected.title) expect(article.title).toBe(expected.title.replace(/\s+/g, ' ').trim());
    expect(article.text.trim().length).toBeGreaterThan(0);
    expect(article.format).toBe('html');
    expect(article.fileName).toBe(`${name}.html`);
    if (expected.dir === 'rtl') expect(article.dir).toBe('rtl');
    expect(activeContentIn(article.original)).toEqual([]);
    expect(activeContentIn(article.html)).toEqual([]);
    // Its legacy revision, should it have none, is made without its text: the same digest.
    const stored = JSON.parse(readFileSync(join(notebook.status().location, 'articles', `${meta.id}.json`), 'utf8')) as { article: object };
    const content = contentOf(stored.article);
    expect(stableJsonDigest(content)).toBe(fnv1a64(stableJson(content)));
    await notebook.close();
  });
});
