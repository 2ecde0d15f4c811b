/**
 * Re-importing a changed version of an article (`replaceId`): the same article keeps its id,
 * title, tags and highlights; highlights are re-anchored in the new text, and one whose words
 * are gone becomes an orphan to review rather than moving to other words.
 */
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../common/anchoring/describe-range';
import { valueOf } from '../../../test-support/in-process-api';
import { emptyNotebook, fileArg } from '../test-support/import-fixture';

const page = (paragraphs: string[]) =>
  `<html lang="en"><head><title>Harbour report</title></head><body><article><h1>Harbour report</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

const FIRST = [
  'The harbour reopened on Monday after three weeks of repairs, officials said.',
  'Dock workers said the new cranes lift twice the load of the old ones.',
  'The council will vote on the ferry subsidy in the spring.',
];
const SECOND = [
  'Updated on Tuesday with the mayor’s comments.',
  'The harbour reopened on Monday after three weeks of repairs, officials said.',
  'Dock workers said the new cranes lift twice the load of the old ones.',
];

describe('re-importing a changed version', () => {
  it('replaces the text in place and re-anchors the highlights; a highlight on removed words becomes an orphan', async () => {
    const { api, notebook } = await emptyNotebook();
    const first = await valueOf(api.importArticle(fileArg('html', 'harbour.html', page(FIRST))));
    await valueOf(api.updateArticle({ id: first.id, tags: ['ports'] }));
    const { text } = await valueOf(api.getArticle({ id: first.id }));
    const at = (phrase: string) => describeRange(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length);
    const kept = await valueOf(api.createAnnotation({ articleId: first.id, target: at('new cranes lift twice the load') }));
    const lost = await valueOf(api.createAnnotation({ articleId: first.id, target: at('vote on the ferry subsidy') }));

    const replaced = await valueOf(api.importArticle({ ...fileArg('html', 'harbour.html', page(SECOND)), replaceId: first.id }));
    expect(replaced).toMatchObject({ id: first.id, title: 'Harbour report', tags: ['ports'], fileName: 'harbour.html', createdAt: first.createdAt });
    expect(await valueOf(api.listArticles({}))).toHaveLength(1);

    const after = await valueOf(api.getArticle({ id: first.id }));
    expect(after.text.startsWith('Updated on Tuesday')).toBe(true);
    const annotations = await valueOf(api.listAnnotations({ articleId: first.id }));
    const keptNow = annotations.find((annotation) => annotation.id === kept.id)!;
    expect(keptNow.anchor.status).toBe('anchored');
    if (keptNow.anchor.status === 'anchored') expect(after.text.slice(keptNow.anchor.start, keptNow.anchor.end)).toBe('new cranes lift twice the load');
    expect(annotations.find((annotation) => annotation.id === lost.id)!.anchor.status).toBe('orphaned');
    await notebook.close();
  });

  it('refuses to replace an article that is gone, and adds nothing', async () => {
    const { api, notebook, snapshot } = await emptyNotebook();
    const before = await snapshot();
    const answer = await api.importArticle({ ...fileArg('text', 'a.txt', 'Words.'), replaceId: 'art_gone00000000' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await snapshot()).toEqual(before);
    await notebook.close();
  });
});
