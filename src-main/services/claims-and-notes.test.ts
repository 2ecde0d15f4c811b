import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { valueOf } from '../test-support/in-process-api';
import { highlightPhrase, openSampleNotebook } from '../test-support/sample-notebook';

const setUp = openSampleNotebook;
const highlight = highlightPhrase;

describe('claims and notes', () => {
  it('gathers evidence from two articles, counts supporting and contradicting notes, and survives a reopen', async () => {
    const { notebook, api, sample, dir } = await setUp();
    const threat = await highlight(api, sample.id, sample.text, 'describing the rising threat from China as “the greatest strategic challenge.”');
    const other = await valueOf(api.importArticle({ format: 'text', content: 'Analysts argue the threat is overstated by both governments.', title: 'A dissent' }));
    const dissent = await highlight(api, other.id, 'Analysts argue the threat is overstated by both governments.', 'the threat is overstated');

    const claim = await valueOf(api.createClaim({ annotationId: threat.id, tags: ['security/china'] }));
    expect(claim.statement).toBe('describing the rising threat from China as “the greatest strategic challenge.”');
    await valueOf(api.updateClaim({ id: claim.id, statement: 'China is the alliance’s greatest strategic challenge' }));
    await valueOf(api.addEvidence({ claimId: claim.id, annotationId: dissent.id }));

    const against = await valueOf(api.createNote({ title: 'Overstated?', body: 'See the **dissent**.' }));
    const for_ = await valueOf(api.createNote({ title: 'Official view' }));
    await valueOf(api.linkNote({ noteId: against.id, target: { claimId: claim.id }, relation: 'contradicts' }));
    await valueOf(api.linkNote({ noteId: for_.id, target: { claimId: claim.id }, relation: 'supports' }));
    await valueOf(api.linkNote({ noteId: for_.id, target: { annotationId: threat.id }, relation: 'context' }));
    await notebook.close();

    const again = await setUp(dir);
    const [view] = await valueOf(again.api.listClaims({}));
    expect(view).toMatchObject({
      statement: 'China is the alliance’s greatest strategic challenge',
      tags: ['security/china'],
      evidence: [
        { annotationId: threat.id, articleId: sample.id, articleTitle: sample.title, quote: expect.stringContaining('rising threat') },
        { annotationId: dissent.id, articleId: other.id, articleTitle: 'A dissent', quote: 'the threat is overstated' },
      ],
      counts: { supports: 1, contradicts: 1, questions: 0, context: 0 },
    });
    expect(view!.links.map((l) => [l.noteTitle, l.relation]).sort()).toEqual([['Official view', 'supports'], ['Overstated?', 'contradicts']]);
    expect((await valueOf(again.api.getNote({ id: against.id }))).body).toBe('See the **dissent**.');
    expect(await valueOf(again.api.getAnnotationUsage({ id: threat.id }))).toEqual({
      claims: [{ id: claim.id, statement: 'China is the alliance’s greatest strategic challenge' }],
      notes: [{ noteId: for_.id, noteTitle: 'Official view', relation: 'context' }],
    });
    await again.notebook.close();
  });

  it('shows the evidence as it is now: a recoloured highlight and a renamed article, also after undo', async () => {
    const { notebook, api, sample } = await setUp();
    const passage = await highlight(api, sample.id, sample.text, 'has no commanding authority');
    await valueOf(api.createClaim({ annotationId: passage.id }));
    const evidence = async () => (await valueOf(api.listClaims({})))[0]!.evidence[0];
    expect(await evidence()).toMatchObject({ articleTitle: sample.title, quote: 'has no commanding authority', color: 'yellow' });

    await valueOf(api.updateAnnotation({ id: passage.id, color: 'blue' }));
    await valueOf(api.updateArticle({ id: sample.id, title: 'Renamed source' }));
    expect(await evidence()).toMatchObject({ articleTitle: 'Renamed source', color: 'blue' });
    await valueOf(api.undo({}));
    await valueOf(api.undo({}));
    expect(await evidence()).toMatchObject({ articleTitle: sample.title, color: 'yellow' });
    await notebook.close();
  });

  it('deleting cited highlights and claims leaves nothing dangling, and one undo restores it all', async () => {
    const { notebook, api, sample } = await setUp();
    const passage = await highlight(api, sample.id, sample.text, 'has no commanding authority');
    const claim = await valueOf(api.createClaim({ annotationId: passage.id }));
    const note = await valueOf(api.createNote({ title: 'Command gap' }));
    await valueOf(api.linkNote({ noteId: note.id, target: { annotationId: passage.id }, relation: 'questions' }));
    await valueOf(api.linkNote({ noteId: note.id, target: { claimId: claim.id }, relation: 'supports' }));

    await valueOf(api.deleteAnnotation({ id: passage.id }));
    expect((await valueOf(api.listClaims({})))[0]?.evidence).toEqual([]);
    expect((await valueOf(api.getNote({ id: note.id }))).links).toEqual([
      { target: { claimId: claim.id }, relation: 'supports', label: 'has no commanding authority' },
    ]);

    expect(await valueOf(api.undo({}))).toMatchObject({ label: 'Delete highlight' });
    expect((await valueOf(api.listClaims({})))[0]?.evidence.map((e) => e.annotationId)).toEqual([passage.id]);
    expect((await valueOf(api.getNote({ id: note.id }))).links).toHaveLength(2);

    await valueOf(api.deleteClaim({ id: claim.id }));
    expect(await valueOf(api.listClaims({}))).toEqual([]);
    expect((await valueOf(api.getNote({ id: note.id }))).links).toEqual([
      {
        target: { annotationId: passage.id },
        relation: 'questions',
        label: 'has no commanding authority',
        articleId: sample.id,
        articleTitle: sample.title,
        annotationId: passage.id,
      },
    ]);
    await valueOf(api.undo({}));
    expect((await valueOf(api.listClaims({}))).map((c) => c.id)).toEqual([claim.id]);
    expect((await valueOf(api.getNote({ id: note.id }))).links).toHaveLength(2);
    await notebook.close();
  });

  it('linking again changes the relation in place, as one undo step', async () => {
    const { notebook, api, sample } = await setUp();
    const first = await highlight(api, sample.id, sample.text, 'historic turning point');
    const second = await highlight(api, sample.id, sample.text, 'has no commanding authority');
    const note = await valueOf(api.createNote({ title: 'Order matters' }));
    await valueOf(api.linkNote({ noteId: note.id, target: { annotationId: first.id }, relation: 'supports' }));
    await valueOf(api.linkNote({ noteId: note.id, target: { annotationId: second.id }, relation: 'context' }));
    await valueOf(api.linkNote({ noteId: note.id, target: { annotationId: first.id }, relation: 'contradicts' }));
    const relations = async () => (await valueOf(api.getNote({ id: note.id }))).links.map((l) => [l.label, l.relation]);
    expect(await relations()).toEqual([
      ['historic turning point', 'contradicts'],
      ['has no commanding authority', 'context'],
    ]);
    expect(await valueOf(api.undo({}))).toMatchObject({ label: 'Change relation' });
    expect(await relations()).toEqual([
      ['historic turning point', 'supports'],
      ['has no commanding authority', 'context'],
    ]);
    await notebook.close();
  });

  it.each(['deleteArticle', 'deleteArticles'] as const)(
    'deleting an article (%s) takes its highlights out of claims and notes, and one undo puts everything back',
    async (method) => {
      const { notebook, api, sample } = await setUp();
      const other = await valueOf(api.importArticle({ format: 'text', content: 'Analysts argue the threat is overstated.', title: 'A dissent' }));
      const kept = await highlight(api, sample.id, sample.text, 'historic turning point');
      const first = await highlight(api, other.id, 'Analysts argue the threat is overstated.', 'Analysts argue');
      const second = await highlight(api, other.id, 'Analysts argue the threat is overstated.', 'the threat is overstated');
      const claim = await valueOf(api.createClaim({ annotationId: kept.id }));
      await valueOf(api.addEvidence({ claimId: claim.id, annotationId: second.id }));
      const note = await valueOf(api.createNote({ title: 'Both sides' }));
      await valueOf(api.linkNote({ noteId: note.id, target: { annotationId: first.id }, relation: 'questions' }));
      await valueOf(api.linkNote({ noteId: note.id, target: { annotationId: second.id }, relation: 'contradicts' }));
      await valueOf(api.linkNote({ noteId: note.id, target: { annotationId: kept.id }, relation: 'supports' }));

      if (method === 'deleteArticle') await valueOf(api.deleteArticle({ id: other.id }));
      else await valueOf(api.deleteArticles({ ids: [other.id] }));
      expect((await valueOf(api.listClaims({})))[0]?.evidence.map((e) => e.annotationId)).toEqual([kept.id]);
      expect((await valueOf(api.getNote({ id: note.id }))).links.map((l) => l.relation)).toEqual(['supports']);

      await valueOf(api.undo({}));
      expect((await valueOf(api.listClaims({})))[0]?.evidence.map((e) => e.annotationId)).toEqual([kept.id, second.id]);
      expect((await valueOf(api.getNote({ id: note.id }))).links.map((l) => l.relation)).toEqual(['questions', 'contradicts', 'supports']);
      expect((await valueOf(api.listAnnotations({ articleId: other.id }))).map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
      await notebook.close();
    },
  );

  it('refuses links to records that do not exist', async () => {
    const { notebook, api } = await setUp();
    const note = await valueOf(api.createNote({ title: 'N' }));
    const answer = await api.linkNote({ noteId: note.id, target: { claimId: 'clm_missing000' }, relation: 'supports' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found', message: 'That claim no longer exists.' } });
    expect((await valueOf(api.getNote({ id: note.id }))).links).toEqual([]);
    await notebook.close();
  });
});

describe('a notebook whose index is lost', () => {
  it('keeps every claim and note: their own files are the truth', async () => {
    const { notebook, api, sample, dir } = await setUp();
    const passage = await highlight(api, sample.id, sample.text, 'Yokota');
    const claim = await valueOf(api.createClaim({ annotationId: passage.id, statement: 'USFJ lacks command authority' }));
    const note = await valueOf(api.createNote({ title: 'Command', body: 'Body kept.' }));
    await valueOf(api.linkNote({ noteId: note.id, target: { claimId: claim.id }, relation: 'supports' }));
    await notebook.close();
    await writeFile(join(dir, 'notebook.json'), '{ corrupt');

    const again = await setUp(dir);
    const [view] = await valueOf(again.api.listClaims({}));
    expect(view).toMatchObject({ id: claim.id, statement: 'USFJ lacks command authority', counts: { supports: 1 } });
    expect(view?.evidence[0]?.quote).toBe('Yokota');
    expect((await valueOf(again.api.getNote({ id: note.id }))).body).toBe('Body kept.');
    await again.notebook.close();
  });
});

describe('tags', () => {
  it('counts tags per kind, renames a tag everywhere at once (one undo step), and merges', async () => {
    const { notebook, api, sample, dir } = await setUp();
    await valueOf(api.updateArticle({ id: sample.id, tags: ['region/east-asia', 'defence'] }));
    const passage = await highlight(api, sample.id, sample.text, 'Yokota');
    await valueOf(api.updateAnnotation({ id: passage.id, tags: ['region'] }));
    const claim = await valueOf(api.createClaim({ annotationId: passage.id, tags: ['region/east-asia/japan'] }));
    const note = await valueOf(api.createNote({ title: 'Bases', tags: ['region/east-asia', 'bases'] }));

    expect(await valueOf(api.listTags({}))).toEqual([
      { tag: 'bases', counts: { article: 0, annotation: 0, claim: 0, note: 1 } },
      { tag: 'defence', counts: { article: 1, annotation: 0, claim: 0, note: 0 } },
      { tag: 'region', counts: { article: 0, annotation: 1, claim: 0, note: 0 } },
      { tag: 'region/east-asia', counts: { article: 1, annotation: 0, claim: 0, note: 1 } },
      { tag: 'region/east-asia/japan', counts: { article: 0, annotation: 0, claim: 1, note: 0 } },
    ]);

    expect(await api.renameTag({ from: 'region', to: 'bases' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already exists: merge/) } });
    expect(await valueOf(api.renameTag({ from: 'region', to: 'Area' }))).toEqual({ changed: 4 });
    await notebook.close();

    const again = await setUp(dir);
    expect((await valueOf(again.api.getArticle({ id: sample.id }))).tags).toEqual(['area/east-asia', 'defence']);
    expect((await valueOf(again.api.listAnnotations({ articleId: sample.id })))[0]?.tags).toEqual(['area']);
    expect((await valueOf(again.api.listClaims({})))[0]?.tags).toEqual(['area/east-asia/japan']);
    expect((await valueOf(again.api.getNote({ id: note.id }))).tags).toEqual(['area/east-asia', 'bases']);

    expect(await valueOf(again.api.undo({}))).toMatchObject({ label: 'Rename tag “region”' });
    expect((await valueOf(again.api.getArticle({ id: sample.id }))).tags).toEqual(['region/east-asia', 'defence']);
    expect((await valueOf(again.api.listClaims({})))[0]).toMatchObject({ id: claim.id, tags: ['region/east-asia/japan'] });

    await valueOf(again.api.mergeTags({ from: 'bases', into: 'region/east-asia' }));
    expect((await valueOf(again.api.getNote({ id: note.id }))).tags).toEqual(['region/east-asia']);
    await again.notebook.close();
  });
});
