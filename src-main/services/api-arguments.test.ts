/**
 * Every call, given a bad argument, answers `{ ok: false }` with a message that names the
 * field — through the same `dispatch` both hosts use, against a real notebook on disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ApiMethod } from '../common/api-methods';
import { dispatch } from '../common/api-dispatch';
import { tempDir } from '../test-support/temp-dir';
import { openNotebook, type OpenNotebook } from './open-notebook';

const huge = 'x'.repeat(5_000_001);
const base64 = (text: string) => Buffer.from(text).toString('base64');

const BAD_ARGUMENTS: Record<ApiMethod, [unknown, RegExp][]> = {
  getNotebookStatus: [[{ extra: 1 }, /unknown field "extra"/], ['text', /expected object/i]],
  listArticles: [[{ sort: 'title' }, /unknown field "sort"/], [42, /expected object/i]],
  getArticle: [
    [{}, /"id" is required/],
    [{ id: 42 }, /article id must be a string/],
    [{ id: '../../etc/passwd' }, /"id".*must look like art_/],
    [{ id: 'art_missing000' }, /no longer in the notebook/],
  ],
  importArticle: [
    [{ content: 'Text' }, /"format"/],
    [{ format: 'doc', content: 'x' }, /format must be "text", "markdown", "html" or "pdf"/],
    [{ format: 'pdf', content: 'x' }, /"encoding" is required/],
    [{ format: 'html', content: '<p>x</p>', encoding: 'base64' }, /content is not valid base64/],
    [{ format: 'html', content: '<p>x</p>', url: 'javascript:alert(1)' }, /url must be a web address/],
    [{ format: 'text', content: 'ok', replaceId: 'art_missing000' }, /no longer in the notebook/],
    [{ format: 'text' }, /"content" is required/],
    [{ format: 'text', content: '   \n ' }, /content is empty/],
    [{ format: 'text', content: huge }, /content is longer than 5,000,000 characters/],
    [{ format: 'text', content: 'ok', title: '   ' }, /title must not be empty/],
    [{ format: 'text', content: 'ok', title: 'x'.repeat(501) }, /title is longer than 500/],
    [{ format: 'text', content: 'ok', source: 7 }, /source must be text/],
    [{ format: 'text', content: 'ok', script: '<x>' }, /unknown field "script"/],
  ],
  importExchange: [
    [{}, /"fileName" is required/],
    [{ fileName: 'colleague.json', content: '%%%' }, /content is not valid base64/],
    [{ fileName: 'colleague.json', content: base64('not json') }, /This file is not valid JSON/],
    [{ fileName: '../../etc/passwd', content: base64('{}') }, /cannot tell what kind of annotation file/],
    [{ fileName: 'colleague.json', content: base64('{"format":"marginalia-bundle","version":99}') }, /made by a newer Marginalia/],
    [{ fileName: 'colleague.json', content: '' }, /colleague.json is empty/],
    [{ fileName: 'colleague.json', content: base64('x'), extra: 1 }, /unknown field "extra"/],
  ],
  resolveConflict: [
    [{}, /"kind" is required/],
    [{ kind: 'tag', id: 'ann_abcdefgh', rev: '1-abcd', choice: 'use' }, /kind must be one of article, annotation, claim, note/],
    [{ kind: 'note', id: '../../etc', rev: '1-abcd', choice: 'use' }, /id must be a record id/],
    [{ kind: 'note', id: 'note_abcdefgh', rev: 'x', choice: 'use' }, /revision id must look like/],
    [{ kind: 'note', id: 'note_abcdefgh', rev: '1-abcd', choice: 'keep' }, /choice must be "use" or "dismiss"/],
    [{ kind: 'note', id: 'note_abcdefgh', rev: '1-abcd', choice: 'use' }, /That note no longer exists/],
  ],
  importUrl: [
    [{}, /"url" is required/],
    [{ url: 'file:///etc/passwd' }, /url must be a web address that starts with http/],
    [{ url: 'http://example.org', replaceId: 'x' }, /"replaceId".*must look like art_/],
  ],
  updateArticle: [
    [{ title: 'x' }, /"id" is required/],
    [{ id: 'art_missing000', title: 'x' }, /no longer in the notebook/],
    [{ id: 'art_missing000', tags: ['ok', '/bad'] }, /"tags\.1".*must not start or end with "\/"/],
    [{ id: 'art_missing000', tags: 'one' }, /tags must be a list/],
    [{ id: 'art_missing000', content: '' }, /content is empty/],
    [{ id: 'art_missing000', url: 'javascript:alert(1)' }, /"url".*must be a web address starting with http:\/\/ or https:\/\//],
    [{ id: 'art_missing000', url: 'example.org/story' }, /"url".*http:\/\/ or https:\/\//],
    [{ id: 'art_missing000', publishedAt: '2023-02-29' }, /"publishedAt".*real date written YYYY-MM-DD/],
    [{ id: 'art_missing000', publishedAt: '28/07/2024' }, /"publishedAt".*YYYY-MM-DD/],
    [{ id: 'art_missing000', byline: 42 }, /authors must be text/],
    [{ id: 'art_missing000', siteName: 'x'.repeat(301) }, /publisher is longer than 300 characters/],
    [{ id: 'art_missing000', byline: null, publishedAt: '' }, /no longer in the notebook/],
  ],
  deleteArticle: [
    [{}, /"id" is required/],
    [{ id: 'art_missing000' }, /no longer in the notebook/],
  ],
  markArticleOpened: [
    [{}, /"id" is required/],
    [{ id: 'art_missing000' }, /no longer in the notebook/],
  ],
  tagArticles: [
    [{ add: ['x'] }, /"ids" is required/],
    [{ ids: [], add: ['x'] }, /choose at least one article/],
    [{ ids: ['art_missing000'] }, /give a tag to add or to remove/],
    [{ ids: ['art_missing000'], add: ['/bad'] }, /must not start or end with "\/"/],
    [{ ids: ['art_missing000'], add: ['ok'] }, /1 article of the 1 article chosen is no longer in the notebook; nothing was changed/],
  ],
  deleteArticles: [
    [{ ids: 'art_missing000' }, /ids must be a list of article ids/],
    [{ ids: ['nope'] }, /"ids\.0".*must look like art_/],
    [{ ids: ['art_missing000'] }, /no longer in the notebook; nothing was changed/],
  ],
  listAnnotations: [
    [{}, /"articleId" is required/],
    [{ articleId: 'art_missing000' }, /no longer in the notebook/],
  ],
  createAnnotation: [
    [{ articleId: 'art_missing000' }, /"target" is required/],
    [{ articleId: 'art_missing000', target: { quote: { exact: '', prefix: '', suffix: '' }, position: { start: 0, end: 1 } } }, /"target\.quote\.exact".*must not be empty/],
    [{ articleId: 'art_missing000', target: { quote: { exact: 'a', prefix: '', suffix: '' }, position: { start: 5, end: 2 } } }, /position\.end must be after position\.start/],
    [{ articleId: 'art_missing000', target: { quote: { exact: 'a', prefix: '', suffix: '' }, position: { start: 0, end: 1 } }, color: 'red' }, /colour must be one of yellow/],
    [{ articleId: 'art_missing000', target: { quote: { exact: 'a', prefix: '', suffix: '' }, position: { start: 0, end: 1 } } }, /no longer in the notebook/],
  ],
  updateAnnotation: [
    [{ color: 'blue' }, /"id" is required/],
    [{ id: 'art_notanann0' }, /must look like ann_/],
    [{ id: 'ann_missing000', comment: 5 }, /comment must be text/],
    [{ id: 'ann_missing000', color: 'blue' }, /That highlight no longer exists/],
  ],
  deleteAnnotation: [
    [{}, /"id" is required/],
    [{ id: 'ann_missing000' }, /That highlight no longer exists/],
  ],
  getLegend: [[{ color: 'yellow' }, /unknown field "color"/]],
  updateLegend: [
    [{ color: 'yellow' }, /"meaning" is required/],
    [{ color: 'teal', meaning: 'x' }, /colour must be one of/],
    [{ color: 'yellow', meaning: '  ' }, /meaning must not be empty/],
    [{ color: 'yellow', meaning: 'x'.repeat(61) }, /meaning is longer than 60/],
  ],
  getHistory: [[{ all: true }, /unknown field "all"/]],
  undo: [[{ steps: 2 }, /unknown field "steps"/]],
  redo: [[[], /expected object/i]],
  listClaims: [[{ tag: 'x' }, /unknown field "tag"/]],
  createClaim: [
    [{}, /"annotationId" is required/],
    [{ annotationId: 'ann_missing000', statement: '   ' }, /statement must not be empty/],
    [{ annotationId: 'ann_missing000' }, /That highlight no longer exists/],
  ],
  updateClaim: [
    [{ statement: 'x' }, /"id" is required/],
    [{ id: 'clm_missing000', statement: 'x' }, /That claim no longer exists/],
  ],
  deleteClaim: [[{ id: 'note_missing000' }, /must look like clm_/]],
  addEvidence: [
    [{ claimId: 'clm_missing000' }, /"annotationId" is required/],
    [{ claimId: 'clm_missing000', annotationId: 'ann_missing000' }, /That claim no longer exists/],
  ],
  removeEvidence: [[{ claimId: 'clm_missing000', annotationId: 'ann_missing000' }, /That claim no longer exists/]],
  listNotes: [[{ order: 'title' }, /unknown field "order"/]],
  getNote: [
    [{}, /"id" is required/],
    [{ id: 'note_missing000' }, /That note is no longer in the notebook/],
  ],
  createNote: [
    [{ body: 'text' }, /"title" is required/],
    [{ title: ' ' }, /title must not be empty/],
    [{ title: 'x', body: 7 }, /body must be text/],
  ],
  updateNote: [[{ id: 'note_missing000', title: 'x' }, /That note is no longer in the notebook/]],
  deleteNote: [[{ id: 'note_missing000' }, /That note is no longer in the notebook/]],
  linkNote: [
    [{ noteId: 'note_missing000', target: { claimId: 'clm_missing000' } }, /"relation" is required/],
    [{ noteId: 'note_missing000', target: { claimId: 'clm_missing000' }, relation: 'refutes' }, /relation must be one of supports/],
    [{ noteId: 'note_missing000', target: { articleId: 'art_missing000' }, relation: 'supports' }, /target must be \{claimId\} or \{annotationId\}/],
    [{ noteId: 'note_missing000', target: { claimId: 'clm_missing000' }, relation: 'supports' }, /That note is no longer in the notebook/],
  ],
  unlinkNote: [[{ noteId: 'note_missing000' }, /"target" is required/]],
  getAnnotationUsage: [[{ id: 'ann_missing000' }, /That highlight no longer exists/]],
  listTags: [[{ kind: 'note' }, /unknown field "kind"/]],
  renameTag: [
    [{ from: 'a' }, /"to" is required/],
    [{ from: 'a', to: '/b' }, /must not start or end with "\/"/],
    [{ from: 'nowhere', to: 'b' }, /No record has the tag “nowhere”/],
  ],
  mergeTags: [[{ from: 'a', into: 'a' }, /same as the old one/]],
  search: [
    [{}, /"query" is required/],
    [{ query: 7 }, /query must be text/],
    [{ query: 'x'.repeat(501) }, /query is longer than 500/],
    [{ query: 'x', filters: { kind: 'tweet' } }, /kind must be one of article, annotation, claim, note/],
    [{ query: 'x', filters: { color: 'red' } }, /colour must be one of/],
    [{ query: 'x', filters: { articleId: '../x' } }, /must look like art_/],
    [{ query: 'x', filters: { tag: '/bad' } }, /must not start or end with "\/"/],
    [{ query: 'x', sort: 'date' }, /unknown field "sort"/],
  ],
  exportReport: [
    [{}, /"format" is required/],
    [{ format: 'odt' }, /format must be one of md, html, pdf/],
    [{ format: 'md', shape: 'tag' }, /shape must be "source" or "claim"/],
    [{ format: 'md', style: 'ieee' }, /style must be one of apa, chicago, mla, harvard/],
    [{ format: 'md', scope: { articleIds: ['../x'] } }, /must look like art_/],
    [{ format: 'md', scope: { tags: ['/bad'] } }, /must not start or end with "\/"/],
    [{ format: 'md', scope: { articleIds: ['art_missing000'] } }, /No article with id art_missing000/],
    [{ format: 'md', scope: { tags: ['nothing-here'] } }, /No highlights in this scope/],
    [{ format: 'md', options: { comments: 'yes' } }, /"options.comments"/],
    [{ format: 'md', path: '/tmp/x' }, /unknown field "path"/],
  ],
  previewExport: [
    [{ format: 'pdf', shape: 'claim' }, /No claims in this scope/],
    [{ format: 'md', scope: { claimIds: ['clm_missing000'] } }, /No claim with id clm_missing000/],
  ],
  exportProgress: [[{}, /"job" is required/], [{ job: '' }, /"job"/]],
  cancelExport: [[{ job: 7 }, /"job"/]],
  getSyncStatus: [[{ extra: 1 }, /unknown field "extra"/]],
  shareNotebook: [
    [{ authorName: 'Ada' }, /"remote" is required/],
    [{ remote: 'git@github.com:team/notebook.git', authorName: 'Ada' }, /is not an address/],
    [{ remote: 'http://example.org/team.git', authorName: 'Ada' }, /must be an https:\/\/ address/],
    [{ remote: 'https://ada:secret@example.org/team.git', authorName: 'Ada' }, /not in the address/],
    [{ remote: 'https://example.org/team.git', authorName: '  ' }, /give your name/],
    [{ remote: 'https://example.org/team.git', authorName: 'Ada', authorEmail: 'not an address' }, /e-mail address is not valid/],
  ],
  syncNotebook: [[{ now: true }, /unknown field "now"/]],
  getRecordHistory: [
    [{ kind: 'tag', id: 'note_abcdefgh' }, /kind must be one of article, annotation, claim, note/],
    [{ kind: 'note', id: '../x' }, /id must be a record id/],
  ],
  restoreVersion: [
    [{ kind: 'note', id: 'note_abcdefgh' }, /"commit" is required/],
    [{ kind: 'note', id: 'note_abcdefgh', commit: 'HEAD~1' }, /commit must be a commit id/],
  ],
  restoreDamagedFile: [
    [{}, /"id" is required/],
    [{ id: '../notebook.json' }, /must name an entry of the damaged files list/],
  ],
  dismissDamagedFile: [[{ id: 'dmg_1', also: true }, /unknown field "also"/]],
  setSyncCredentials: [
    [{}, /"token" is required/],
    [{ token: 'x'.repeat(4001) }, /token is too long/],
  ],
};

describe('bad arguments to every API method', () => {
  let notebook: OpenNotebook;
  beforeAll(async () => {
    notebook = await openNotebook(await tempDir());
  });
  afterAll(async () => notebook.close());

  it('covers every method of the contract', () => {
    expect(Object.keys(BAD_ARGUMENTS).sort()).toEqual([...API_METHODS].sort());
  });

  const cases = Object.entries(BAD_ARGUMENTS).flatMap(([method, rows]) => rows.map(([arg, message]) => [method, arg, message] as const));
  const label = (arg: unknown) => JSON.stringify(arg).replace(/x{40,}/, 'x…');
  it.each(cases.map(([method, arg, message]) => [method, label(arg), arg, message] as const))('%s(%s) answers a clear error', async (method, _label, arg, message) => {
    const before = await notebook.handlers.listArticles({});
    const answer = await dispatch(notebook.handlers, method, arg);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.message).toMatch(message);
    expect(['invalid_argument', 'not_found']).toContain(answer.error.code);
    expect(await notebook.handlers.listArticles({})).toEqual(before);
  });

  it('answers an unknown method with a clear error', async () => {
    expect(await dispatch(notebook.handlers, 'dropDatabase', {})).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: 'There is no call named "dropDatabase".' },
    });
  });
});
