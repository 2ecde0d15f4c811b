/**
 * Every pair of write calls, sent together, completes, and leaves the notebook as one of the
 * two serial orders would: no deadlock, no acknowledged change lost. The table is over the
 * API's method list, so a new method is covered by construction: unless `API_READS` names it,
 * it is a write, and the compiler asks how it is called here.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse, NotebookApi } from '../../common/api';
import { describeRange } from '../../common/anchoring/describe-range';
import { API_METHODS, API_READS, type ApiWriteMethod as WriteMethod } from '../../common/api-methods';
import { inProcessApi, valueOf } from '../../test-support/in-process-api';
import { tempDir } from '../../test-support/temp-dir';
import { newRevision } from '../../common/merge/revisions';
import { writeBundle, type BundleBody } from '../exchange/bundle/bundle-format';
import { openNotebook } from '../open-notebook';

/** The ids of the fixture's records, and the address of a page to import. */
interface Fixture {
  a: string;
  b: string;
  a1: string;
  a2: string;
  b1: string;
  c1: string;
  n1: string;
  n2: string;
  /** A version of n2 in its conflict history (a colleague's edit, older than this notebook's). */
  conflictRev: string;
  pageUrl: string;
  newTarget: ReturnType<typeof describeRange>;
}

/** A colleague's W3C annotation of a passage of article `a`, commented and tagged. */
const colleagueAnnotation = (articleId: string) => ({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'urn:test:colleague:1',
  type: 'Annotation',
  body: [
    { type: 'TextualBody', value: 'Seen elsewhere too', purpose: 'commenting' },
    { type: 'TextualBody', value: 't1', purpose: 'tagging' },
  ],
  target: { source: `urn:marginalia:article:${articleId}`, selector: { type: 'TextQuoteSelector', exact: 'Trust grows' } },
});

/** How each write is called on the fixture: chosen so that pairs touch the same records. */
const WRITES: Record<WriteMethod, (api: NotebookApi, f: Fixture) => Promise<ApiResponse<unknown>>> = {
  importArticle: (api) => api.importArticle({ format: 'text', content: 'Tides follow the moon.', title: 'Tides' }),
  importUrl: (api, f) => api.importUrl({ url: f.pageUrl }),
  resolveConflict: (api, f) => api.resolveConflict({ kind: 'note', id: f.n2, rev: f.conflictRev, choice: 'use' }),
  importExchange: (api, f) => api.importExchange({ fileName: 'colleague.jsonld', content: Buffer.from(JSON.stringify(colleagueAnnotation(f.a))).toString('base64') }),
  updateArticle: (api, f) => api.updateArticle({ id: f.a, title: 'Renamed', tags: ['topic/b'] }),
  deleteArticle: (api, f) => api.deleteArticle({ id: f.b }),
  markArticleOpened: (api, f) => api.markArticleOpened({ id: f.a }),
  tagArticles: (api, f) => api.tagArticles({ ids: [f.a, f.b], add: ['bulk'] }),
  deleteArticles: (api, f) => api.deleteArticles({ ids: [f.a] }),
  createAnnotation: (api, f) => api.createAnnotation({ articleId: f.a, target: f.newTarget, color: 'blue' }),
  updateAnnotation: (api, f) => api.updateAnnotation({ id: f.a1, comment: 'Changed', tags: ['t2'] }),
  deleteAnnotation: (api, f) => api.deleteAnnotation({ id: f.a1 }),
  updateLegend: (api) => api.updateLegend({ color: 'green', meaning: 'Method' }),
  undo: (api) => api.undo({}),
  redo: (api) => api.redo({}),
  createClaim: (api, f) => api.createClaim({ annotationId: f.a2 }),
  updateClaim: (api, f) => api.updateClaim({ id: f.c1, statement: 'A sharper statement' }),
  deleteClaim: (api, f) => api.deleteClaim({ id: f.c1 }),
  addEvidence: (api, f) => api.addEvidence({ claimId: f.c1, annotationId: f.b1 }),
  removeEvidence: (api, f) => api.removeEvidence({ claimId: f.c1, annotationId: f.a1 }),
  createNote: (api) => api.createNote({ title: 'Fresh' }),
  updateNote: (api, f) => api.updateNote({ id: f.n1, body: 'Edited body', tags: ['t1', 'topic/a'] }),
  deleteNote: (api, f) => api.deleteNote({ id: f.n1 }),
  linkNote: (api, f) => api.linkNote({ noteId: f.n2, target: { claimId: f.c1 }, relation: 'contradicts' }),
  unlinkNote: (api, f) => api.unlinkNote({ noteId: f.n1, target: { annotationId: f.a2 } }),
  renameTag: (api) => api.renameTag({ from: 't1', to: 't9' }),
  mergeTags: (api) => api.mergeTags({ from: 'topic/a', into: 't1' }),
  // Sharing and syncing against a remote nobody answers at: they must still complete (as
  // "offline") beside every write, and change no record. Syncing with a real remote while
  // writing is proven in sync/test/.
  shareNotebook: (api) => api.shareNotebook({ remote: 'http://127.0.0.1:9/team.git', authorName: 'Ada' }),
  syncNotebook: (api) => api.syncNotebook({}),
  setSyncCredentials: (api) => api.setSyncCredentials({ token: 'secret' }),
  restoreVersion: (api, f) => api.restoreVersion({ kind: 'note', id: f.n1, commit: '0'.repeat(40) }),
  // Nothing is on the list in the fixture: refused, beside every write, changing nothing.
  restoreDamagedFile: (api) => api.restoreDamagedFile({ id: 'dmg_none' }),
  dismissDamagedFile: (api) => api.dismissDamagedFile({ id: 'dmg_none' }),
};

const TEXT_A = 'Alliances rest on trust. Trust grows from shared work. Shared work needs a common plan.';

let server: Server;
let fixtureDir = '';
let fixture: Fixture;

/** Builds the fixture notebook once; each run works on its own copy. */
async function buildFixture(pageUrl: string): Promise<{ dir: string; fixture: Fixture }> {
  // Kept for the whole file (tempDir folders go after each test).
  const dir = await mkdtemp(join(tmpdir(), 'marginalia-fixture-'));
  const notebook = await openNotebook(dir, { sample: false, persistSearch: false });
  const api = inProcessApi(notebook.handlers);
  const range = (text: string, phrase: string) => describeRange(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length);
  const a = await valueOf(api.importArticle({ format: 'text', content: TEXT_A, title: 'Alliances' }));
  const b = await valueOf(api.importArticle({ format: 'markdown', content: '# Bases\n\nThe base hosts ships and aircraft.', title: 'Bases' }));
  await valueOf(api.updateArticle({ id: a.id, tags: ['topic/a'] }));
  const textA = (await valueOf(api.getArticle({ id: a.id }))).text;
  const textB = (await valueOf(api.getArticle({ id: b.id }))).text;
  const a1 = await valueOf(api.createAnnotation({ articleId: a.id, target: range(textA, 'Alliances rest on trust'), tags: ['t1'] }));
  const a2 = await valueOf(api.createAnnotation({ articleId: a.id, target: range(textA, 'Trust grows'), color: 'green' }));
  const b1 = await valueOf(api.createAnnotation({ articleId: b.id, target: range(textB, 'hosts ships') }));
  const c1 = await valueOf(api.createClaim({ annotationId: a1.id, tags: ['t1'] }));
  const n1 = await valueOf(api.createNote({ title: 'Why', body: 'Because.', tags: ['t1'] }));
  await valueOf(api.linkNote({ noteId: n1.id, target: { claimId: c1.id }, relation: 'supports' }));
  await valueOf(api.linkNote({ noteId: n1.id, target: { annotationId: a2.id }, relation: 'questions' }));
  const n2 = await valueOf(api.createNote({ title: 'Plain' }));
  // A colleague edited n2 too, before this notebook did: their version is kept in its conflict history.
  const { checksum: _checksum, ...bundle } = JSON.parse((await valueOf(api.exportReport({ format: 'bundle' }))).content) as BundleBody & { checksum: string };
  await valueOf(api.updateNote({ id: n2.id, body: 'Edited here.' }));
  const conflictRev = newRevision('2026-01-01T00:00:00.000Z', 'colleague1');
  bundle.notes = bundle.notes.map((note) => (note.id === n2.id ? { ...note, body: 'Edited in a colleague’s copy.', updatedAt: '2026-01-01T00:00:00.000Z', rev: conflictRev, revs: [note.rev!] } : note));
  await valueOf(api.importExchange({ fileName: 'colleague.marginalia.json', content: Buffer.from(writeBundle(bundle)).toString('base64') }));
  // Leave something to redo.
  await valueOf(api.createNote({ title: 'Undone' }));
  await valueOf(api.undo({}));
  await notebook.close();
  const newTarget = range(textA, 'common plan');
  return { dir, fixture: { a: a.id, b: b.id, a1: a1.id, a2: a2.id, b1: b1.id, c1: c1.id, n1: n1.id, n2: n2.id, conflictRev, pageUrl, newTarget } };
}

/**
 * Record ids, revisions and timestamps that differ between runs are masked (a record's count of
 * ancestor revisions, how many edits it went through, stays); the rest must match.
 */
function normalize(value: unknown, known: Set<string>): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (/At$|^at$/.test(key)) return undefined;
    if (key === 'rev') return '<rev>';
    if (key === 'revs' && Array.isArray(v)) return v.length;
    if (typeof v === 'string' && /^(art|ann|clm|note)_[a-z0-9]+$/.test(v) && !known.has(v)) return '<new>';
    return v;
  });
}

/** Every record file of the folder as sorted normalized lines. */
async function snapshot(dir: string, known: Set<string>): Promise<string[]> {
  const lines: string[] = [];
  for (const folder of ['articles', 'claims', 'notes']) {
    for (const name of (await readdir(join(dir, folder))).sort()) {
      const file = JSON.parse(await readFile(join(dir, folder, name), 'utf8')) as Record<string, unknown>;
      const { article, annotations, ...rest } = file as { article?: Record<string, unknown>; annotations?: unknown[] };
      if (article) {
        const { doc: _doc, original: _original, ...meta } = article;
        lines.push(normalize({ ...rest, article: meta }, known));
        for (const annotation of annotations ?? []) lines.push(normalize(annotation, known));
      } else lines.push(normalize(file, known));
    }
  }
  return lines.sort();
}

type Outcome = { ok: boolean[]; state: string[]; history: unknown };

/** Runs the two calls on a fresh copy of the fixture, one after the other or together. */
async function run(first: WriteMethod, second: WriteMethod, together: boolean): Promise<Outcome> {
  const dir = await tempDir('pair');
  // With its files' times, as the same folder reopened (see synced-folder/file-stamps.ts).
  await cp(fixtureDir, dir, { recursive: true, preserveTimestamps: true });
  const notebook = await openNotebook(dir, { sample: false, persistSearch: false });
  const api = inProcessApi(notebook.handlers);
  let answers: ApiResponse<unknown>[];
  if (together) answers = await Promise.all([WRITES[first](api, fixture), WRITES[second](api, fixture)]);
  else answers = [await WRITES[first](api, fixture), await WRITES[second](api, fixture)];
  const history = await valueOf(api.getHistory({}));
  // The legend as the notebook answers it: notebook.json may not hold its newest journal entry yet.
  const legend = await valueOf(api.getLegend({}));
  await notebook.close();
  const known = new Set(Object.values(fixture).filter((v): v is string => typeof v === 'string'));
  return { ok: answers.map((answer) => answer.ok), state: [...(await snapshot(dir, known)), normalize({ legend }, known)].sort(), history };
}

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<html><head><title>Harbours</title></head><body><article><h1>Harbours</h1><p>Harbours shelter fleets from storms and tides, and have done so for centuries along every coast.</p><p>A second paragraph keeps the reader-mode extraction honest about what an article is.</p></article></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  ({ dir: fixtureDir, fixture } = await buildFixture(`http://127.0.0.1:${address.port}/harbours`));
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (fixtureDir) await rm(fixtureDir, { recursive: true, force: true });
});

const WRITE_METHODS = Object.keys(WRITES) as WriteMethod[];

describe('the write table', () => {
  it('names every API method as a read or a write', () => {
    const classified = new Set<string>([...API_READS, ...WRITE_METHODS]);
    expect(API_METHODS.filter((method) => !classified.has(method))).toEqual([]);
    expect(API_READS.filter((method) => WRITE_METHODS.includes(method as WriteMethod))).toEqual([]);
  });
});

describe.each(WRITE_METHODS)('%s sent together with', (first) => {
  const partners = WRITE_METHODS.slice(WRITE_METHODS.indexOf(first));
  it.each(partners)('%s: both complete, as in one of the two serial orders', async (second) => {
    const together = await run(first, second, true);
    const inOrder = await run(first, second, false);
    // Sent first, the first call is usually applied first: the other order is run only when
    // needed (a third of the file's time), or to show both in the failure.
    if (isDeepStrictEqual(inOrder, together)) return;
    const reversed = first === second ? inOrder : await run(second, first, false);
    const reversedAsSent = { ...reversed, ok: [...reversed.ok].reverse() };
    expect([inOrder, reversedAsSent]).toContainEqual(together);
  });
});
