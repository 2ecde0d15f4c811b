/**
 * Colleagues swapping notebook bundles: records arrive whole, edits on one side are taken, edits
 * on both sides keep the newer one and the other in the record's conflict history, a record
 * deleted on one side and edited on the other stays, and importing again changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { valueOf } from '../../../test-support/in-process-api';
import { ARTICLE_TEXT, bundleOf, colleague, folderBytes, importFile, recordsOf, targetOf, type Colleague } from '../test-support/exchange-support';

/** Ana's notebook: an article, two highlights (one commented and tagged), a claim on one and a note linked to it. */
async function anasNotebook() {
  const ana = await colleague('ana');
  const article = await valueOf(ana.api.importArticle({ format: 'text', content: ARTICLE_TEXT, title: 'On alliances' }));
  const first = await valueOf(ana.api.createAnnotation({ articleId: article.id, target: await targetOf(ana.api, article.id, 'Trust grows from shared work'), comment: 'The core idea', tags: ['trust'] }));
  const second = await valueOf(ana.api.createAnnotation({ articleId: article.id, target: await targetOf(ana.api, article.id, 'a common plan'), color: 'green' }));
  const claim = await valueOf(ana.api.createClaim({ annotationId: first.id, statement: 'Trust is built, not given.' }));
  const note = await valueOf(ana.api.createNote({ title: 'Why trust matters', body: 'Because plans need it.' }));
  await valueOf(ana.api.linkNote({ noteId: note.id, target: { claimId: claim.id }, relation: 'supports' }));
  return { ana, articleId: article.id, first: first.id, second: second.id, claimId: claim.id, noteId: note.id };
}

/** Ana's notebook, and Ben's, which imported Ana's whole bundle. */
async function sharedNotebooks() {
  const shared = await anasNotebook();
  const ben = await colleague('ben');
  await importFile(ben.api, 'ana.marginalia.json', await bundleOf(shared.ana.api));
  return { ...shared, ben };
}

/** Each imports the other's whole bundle. */
async function swap(a: Colleague, b: Colleague) {
  const intoA = await importFile(a.api, 'b.marginalia.json', await bundleOf(b.api));
  const intoB = await importFile(b.api, 'a.marginalia.json', await bundleOf(a.api));
  return { intoA, intoB };
}

const close = (...colleagues: Colleague[]) => Promise.all(colleagues.map((c) => c.notebook.close()));

describe('notebook bundles', () => {
  it('bring every record to an empty notebook, and importing again changes nothing', async () => {
    const { ana } = await anasNotebook();
    const ben = await colleague('ben');
    const bundle = await bundleOf(ana.api);

    const summary = await importFile(ben.api, 'ana.marginalia.json', bundle);
    expect(summary.from).toMatch(/^the bundle from “marginalia-ana-\w+” of \d{4}-\d\d-\d\d$/);
    expect(summary.added.map((item) => item.kind).sort()).toEqual(['article', 'claim', 'highlight', 'highlight', 'note']);
    expect(await recordsOf(ben.api)).toEqual(await recordsOf(ana.api));

    await ben.notebook.flush();
    const before = await folderBytes(ben.dir);
    const again = await importFile(ben.api, 'ana.marginalia.json', bundle);
    expect(again).toMatchObject({ added: [], updated: [], conflicts: [], kept: [], deleted: [], refused: [], unchanged: 5 });
    await ben.notebook.flush();
    expect(await folderBytes(ben.dir)).toEqual(before);
    await close(ana, ben);
  });

  it('take a change made on one side only', async () => {
    const { ana, ben, first } = await sharedNotebooks();
    await valueOf(ben.api.updateAnnotation({ id: first, comment: 'Ben sharpened this', tags: ['trust', 'method'] }));
    const { intoA, intoB } = await swap(ana, ben);
    expect(intoA.updated.map((item) => item.id)).toEqual([first]);
    expect(intoB.updated).toEqual([]);
    const records = await recordsOf(ana.api);
    expect(records.annotations.find((a) => a.id === first)).toMatchObject({ comment: 'Ben sharpened this', tags: ['trust', 'method'] });
    expect(records).toEqual(await recordsOf(ben.api));
    await close(ana, ben);
  });

  it('keep both edits of a record changed on both sides: the newer one, and the other in its conflict history', async () => {
    const { ana, ben, noteId } = await sharedNotebooks();
    await valueOf(ana.api.updateNote({ id: noteId, body: 'Ana: plans fail without it.' }));
    await valueOf(ben.api.updateNote({ id: noteId, body: 'Ben: trust is the plan.' }));
    const { intoA } = await swap(ana, ben);

    expect(intoA.conflicts).toEqual([expect.objectContaining({ kind: 'note', id: noteId, label: 'Why trust matters' })]);
    const note = await valueOf(ana.api.getNote({ id: noteId }));
    expect([note.body, ...(note.conflicts ?? []).map((version) => version.body)].sort()).toEqual(['Ana: plans fail without it.', 'Ben: trust is the plan.']);
    expect(await recordsOf(ana.api)).toEqual(await recordsOf(ben.api));
    await close(ana, ben);
  });

  it('let a person use the other version of a conflict, undo that, or dismiss it', async () => {
    const { ana, ben, first } = await sharedNotebooks();
    await valueOf(ana.api.updateAnnotation({ id: first, comment: 'Ana’s reading' }));
    await valueOf(ben.api.updateAnnotation({ id: first, comment: 'Ben’s reading' }));
    await importFile(ana.api, 'ben.marginalia.json', await bundleOf(ben.api));
    const highlightOf = async () => (await recordsOf(ana.api)).annotations.find((a) => a.id === first)!;
    const merged = await highlightOf();
    const other = merged.conflicts![0]!;

    await valueOf(ana.api.resolveConflict({ kind: 'annotation', id: first, rev: other.rev!, choice: 'use' }));
    const used = await highlightOf();
    expect(used.comment).toBe(other.comment);
    expect(used.conflicts).toEqual([]);
    expect(used.revs).toContain(merged.rev);

    await valueOf(ana.api.undo({}));
    expect(await highlightOf()).toMatchObject({ comment: merged.comment, conflicts: merged.conflicts });

    await valueOf(ana.api.resolveConflict({ kind: 'annotation', id: first, rev: other.rev!, choice: 'dismiss' }));
    expect(await highlightOf()).toMatchObject({ comment: merged.comment, conflicts: [] });
    const again = await ana.api.resolveConflict({ kind: 'annotation', id: first, rev: other.rev!, choice: 'use' });
    expect(again.ok === false && again.error.message).toMatch(/no longer in the conflict history/);
    await close(ana, ben);
  });

  it('keep a record deleted on one side and edited on the other, on both sides', async () => {
    const { ana, ben, second } = await sharedNotebooks();
    await valueOf(ana.api.deleteAnnotation({ id: second }));
    await valueOf(ben.api.updateAnnotation({ id: second, comment: 'Ben still needs this' }));
    const { intoA, intoB } = await swap(ana, ben);

    expect(intoA.kept).toEqual([expect.objectContaining({ id: second, reason: expect.stringMatching(/deleted in this notebook, but edited since/) })]);
    expect(intoB.kept).toEqual([expect.objectContaining({ id: second, reason: expect.stringMatching(/^deleted in the bundle from .*, but edited since in this notebook: kept$/) })]);
    const records = await recordsOf(ana.api);
    expect(records.annotations.find((a) => a.id === second)?.comment).toBe('Ben still needs this');
    expect(records).toEqual(await recordsOf(ben.api));
    await close(ana, ben);
  });

  it('delete on the other side what one side deleted and the other left alone', async () => {
    const { ana, ben, claimId } = await sharedNotebooks();
    await valueOf(ana.api.deleteClaim({ id: claimId }));
    const { intoB } = await swap(ana, ben);
    expect(intoB.deleted).toEqual([expect.objectContaining({ kind: 'claim', id: claimId })]);
    expect((await recordsOf(ben.api)).claims).toEqual([]);
    expect(await recordsOf(ana.api)).toEqual(await recordsOf(ben.api));
    await close(ana, ben);
  });

  it('re-anchor highlights in an article whose text changed, and send the lost ones to Needs review', async () => {
    const { ana, ben, articleId, first, second } = await sharedNotebooks();
    const edited = ARTICLE_TEXT.replace('Shared work needs a common plan. ', 'Shared work needs patience. ').replace('Alliances rest on trust. ', 'Alliances rest, first, on trust. ');
    await valueOf(ana.api.importArticle({ format: 'text', content: edited, title: 'On alliances', replaceId: articleId }));
    const summary = await importFile(ben.api, 'ana.marginalia.json', await bundleOf(ana.api));
    expect(summary.updated.map((item) => item.id)).toContain(articleId);
    const anchors = Object.fromEntries((await valueOf(ben.api.listAnnotations({ articleId }))).map((a) => [a.id, a.anchor.status]));
    expect(anchors).toEqual({ [first]: 'anchored', [second]: 'orphaned' });
    await close(ana, ben);
  });

  it('find every notebook’s sample article the same record, so a swap brings no second copy', async () => {
    const [ana, ben] = await Promise.all([colleague('ana', { sample: true }), colleague('ben', { sample: true })]);
    const [sample] = await valueOf(ana.api.listArticles({}));
    await valueOf(ana.api.createAnnotation({ articleId: sample!.id, target: await targetOf(ana.api, sample!.id, 'historic turning point') }));
    const summary = await importFile(ben.api, 'ana.marginalia.json', await bundleOf(ana.api));
    expect(summary).toMatchObject({ added: [expect.objectContaining({ kind: 'highlight' })], unchanged: 1 });
    expect((await valueOf(ben.api.listArticles({}))).map((a) => a.id)).toEqual([sample!.id]);
    await close(ana, ben);
  });

  it('keep an article the other side deleted when it holds highlights made here since', async () => {
    const { ana, ben, articleId } = await sharedNotebooks();
    await valueOf(ana.api.deleteArticle({ id: articleId }));
    const mine = await valueOf(ben.api.createAnnotation({ articleId, target: await targetOf(ben.api, articleId, 'keep their word') }));
    const intoBen = await importFile(ben.api, 'ana.marginalia.json', await bundleOf(ana.api));
    expect(intoBen.kept).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'article', id: articleId, reason: expect.stringMatching(/holds highlights made here/) })]));
    expect((await valueOf(ben.api.listAnnotations({ articleId }))).map((a) => a.id)).toContain(mine.id);
    // And Ana, who deleted it, gets it back with Ben's highlight: both end the same.
    const intoAna = await importFile(ana.api, 'ben.marginalia.json', await bundleOf(ben.api));
    expect(intoAna.kept).toEqual([expect.objectContaining({ kind: 'article', id: articleId })]);
    expect(intoAna.refused).toEqual([]);
    expect(await recordsOf(ana.api)).toEqual(await recordsOf(ben.api));
    await close(ana, ben);
  });

  it('are taken back whole by one undo', async () => {
    const { ana } = await anasNotebook();
    const ben = await colleague('ben');
    await importFile(ben.api, 'ana.marginalia.json', await bundleOf(ana.api));
    expect(await valueOf(ben.api.undo({}))).toMatchObject({ label: 'Import “ana.marginalia.json”' });
    expect(await recordsOf(ben.api)).toEqual({ articles: [], annotations: [], claims: [], notes: [] });
    await close(ana, ben);
  });

  it('carry articles and notes that have no highlights, and say so when a scope holds nothing at all', async () => {
    const ana = await colleague('ana');
    const empty = await ana.api.exportReport({ format: 'bundle' });
    expect(empty.ok === false && empty.error.message).toBe('Nothing in this scope to export: no articles, claims or notes.');
    await valueOf(ana.api.importArticle({ format: 'text', content: ARTICLE_TEXT, title: 'Unread yet' }));
    await valueOf(ana.api.createNote({ title: 'A thought' }));
    const ben = await colleague('ben');
    const summary = await importFile(ben.api, 'ana.marginalia.json', await bundleOf(ana.api));
    expect(summary.added.map((item) => item.label).sort()).toEqual(['A thought', 'Unread yet']);
    await close(ana, ben);
  });

  it('of one article carry its highlights, the claims they back and the notes on those', async () => {
    const { ana, articleId } = await anasNotebook();
    await valueOf(ana.api.importArticle({ format: 'text', content: 'Another piece entirely, about tides.', title: 'Tides' }));
    const ben = await colleague('ben');
    const summary = await importFile(ben.api, 'one.marginalia.json', await bundleOf(ana.api, { articleIds: [articleId] }));
    expect(summary.added.map((item) => item.label)).toEqual(expect.arrayContaining(['On alliances', 'Trust is built, not given.', 'Why trust matters']));
    expect((await recordsOf(ben.api)).articles.map((a) => a.title)).toEqual(['On alliances']);
    await close(ana, ben);
  });

  it('between three colleagues, swapped in any order, end in the same notebook', async () => {
    const { ana, ben, first, second } = await sharedNotebooks();
    const cai = await colleague('cai');
    await importFile(cai.api, 'ana.marginalia.json', await bundleOf(ana.api));
    await valueOf(ana.api.updateAnnotation({ id: first, comment: 'Ana again' }));
    await valueOf(ben.api.updateAnnotation({ id: first, comment: 'Ben again' }));
    await valueOf(cai.api.deleteAnnotation({ id: second }));
    await valueOf(cai.api.createNote({ title: 'Cai joins in' }));
    await swap(cai, ana);
    await swap(ben, cai);
    await swap(ana, ben);
    await swap(cai, ana);
    const records = await recordsOf(ana.api);
    expect(await recordsOf(ben.api)).toEqual(records);
    expect(await recordsOf(cai.api)).toEqual(records);
    const highlight = records.annotations.find((a) => a.id === first)!;
    expect([highlight.comment, ...(highlight.conflicts ?? []).map((c) => c.comment)].sort()).toEqual(['Ana again', 'Ben again']);
    expect(records.annotations.some((a) => a.id === second)).toBe(false);
    await close(ana, ben, cai);
  });
});
