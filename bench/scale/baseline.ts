/**
 * The naive baseline: the whole notebook in ONE lowdb JSONFile (records, claims, notes and
 * undo history, each undo step holding full before/after copies), every change a rewrite of
 * that file. Filled from the same generator and timed on the same operations, in this process.
 * When the file cannot be written any more (V8's string limit: RangeError: Invalid string
 * length), each row says "cannot save".
 */
import { rm, stat } from 'node:fs/promises';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { describeRange } from '../../src-main/common/anchoring/describe-range';
import type { Annotation, Claim, Note } from '../../src-main/common/model';
import type { ArticleRecord } from '../../src-main/store/notebook-files';
import { figure, repeat, timed, type Figure } from './figures';
import { generateLibrary } from './library-records';
import type { Workload } from './workload';

interface Step {
  label: string;
  before: unknown;
  after: unknown;
}

interface SingleFile {
  articles: ArticleRecord[];
  claims: Claim[];
  notes: Note[];
  undo: Step[];
}

export type BaselineFigures = Record<string, Figure | string>;

/** Autosaves actually written (each rewrites the whole file); all 200 go into the history. */
const AUTOSAVES_WRITTEN = 10;

function listTags(data: SingleFile): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (tags: string[]) => tags.forEach((tag) => counts.set(tag, (counts.get(tag) ?? 0) + 1));
  for (const { article, annotations } of data.articles) {
    add(article.tags);
    annotations.forEach((a) => add(a.tags));
  }
  data.claims.forEach((c) => add(c.tags));
  data.notes.forEach((n) => add(n.tags));
  return counts;
}

function scan(data: SingleFile, query: string): number {
  const needle = query.replace(/"/g, '').toLowerCase();
  return data.articles.filter(({ article }) => article.original.toLowerCase().includes(needle)).length;
}

async function measureWrites(db: Low<SingleFile>, path: string, work: Workload, figures: BaselineFigures): Promise<void> {
  const bytes: number[] = [];
  const stamp = new Date().toISOString();
  const highlights = await repeat(10, async (i) => {
    const { articleId, text, at } = work.highlightSpots[i]!;
    const record = db.data.articles.find((r) => r.article.id === articleId)!;
    const annotation: Annotation = { id: `ann_base${String(i).padStart(6, '0')}`, articleId, target: describeRange(text, at, at + 40), color: 'green', comment: '', tags: [], createdAt: stamp, updatedAt: stamp };
    record.annotations.push(annotation);
    db.data.undo.push({ label: 'Highlight', before: null, after: annotation });
    await db.write();
    bytes.push((await stat(path)).size / 1024);
  });
  figures.highlightHost = figure(highlights, 'ms');
  figures.highlightService = figures.highlightHost;
  figures.highlightBytes = figure(bytes, 'KB');

  const note: Note = { id: 'note_basescale', title: 'Scale bench note', tags: [], links: [], body: work.noteBody(0), createdAt: stamp, updatedAt: stamp };
  db.data.notes.push(note);
  const edit = (body: string) => {
    db.data.undo.push({ label: 'Edit note', before: structuredClone(note), after: { ...note, body } });
    note.body = body;
  };
  const edits: number[] = [];
  const undos: number[] = [];
  for (let i = 1; i <= 5; i += 1) {
    edits.push((await timed(() => (edit(work.noteBody(i)), db.write())))[0]);
    undos.push((await timed(() => ((note.body = (db.data.undo.pop()!.before as Note).body), db.write())))[0]);
  }
  figures.noteEditHost = figures.noteEditService = figure(edits, 'ms');
  figures.noteUndoHost = figures.noteUndoService = figure(undos, 'ms');
  const historyBefore = JSON.stringify(db.data.undo).length;
  const saves = await repeat(AUTOSAVES_WRITTEN, (i) => (edit(work.noteBody(1000 + i)), db.write()));
  for (let i = AUTOSAVES_WRITTEN; i < 200; i += 1) edit(work.noteBody(1000 + i));
  figures.autosave = figure(saves, 'ms');
  figures.historyBytes = figure([(JSON.stringify(db.data.undo).length - historyBefore) / 1024], 'KB');
}

function measureReads(data: SingleFile, work: Workload, figures: BaselineFigures): void {
  const time = (call: () => unknown) => {
    const start = performance.now();
    call();
    return performance.now() - start;
  };
  figures.searchCommon = figure(work.commonWords.map((word) => time(() => scan(data, word))), 'ms');
  figures.searchPhrase = figure(work.phrases.map((phrase) => time(() => scan(data, phrase))), 'ms');
  figures.listTags = figure([0, 1, 2].map(() => time(() => listTags(data))), 'ms');
}

/** Builds the single file for `count` articles at `path` and times the operations on it. */
/**
 * Past this many articles the baseline is not run: at 10,000 its one file already cannot be
 * saved (Invalid string length), and at 50,000 holding the library as one object graph ran
 * this process out of an 8 GB heap before the save could fail.
 */
const BASELINE_LIMIT = 10_000;
const WRITE_ROWS = ['highlightHost', 'highlightService', 'highlightBytes', 'noteEditHost', 'noteUndoHost', 'noteEditService', 'noteUndoService', 'autosave', 'historyBytes', 'openListed'];

export async function measureBaseline(count: number, path: string, work: Workload): Promise<BaselineFigures> {
  if (count > BASELINE_LIMIT) {
    const why = `not run: cannot save past ${BASELINE_LIMIT.toLocaleString('en')} articles, nor be held in memory at this size`;
    return Object.fromEntries([...WRITE_ROWS, 'searchCommon', 'searchPhrase', 'listTags'].map((key) => [key, why]));
  }
  await rm(path, { force: true });
  const data: SingleFile = { articles: [], claims: [], notes: [], undo: [] };
  for (const { record, claims, notes } of generateLibrary(count)) {
    data.articles.push(record);
    data.claims.push(...claims);
    data.notes.push(...notes);
  }
  const db = new Low(new JSONFile<SingleFile>(path), data);
  const figures: BaselineFigures = {};
  try {
    await db.write();
  } catch (error) {
    const why = error instanceof RangeError ? `cannot save (${error.message})` : `cannot save (${String(error)})`;
    for (const key of WRITE_ROWS) figures[key] = why;
    measureReads(data, work, figures);
    return figures;
  }
  const opens = await repeat(3, async () => {
    const opened = new Low(new JSONFile<SingleFile>(path), data);
    await opened.read();
    return opened.data.articles.map(({ article }) => ({ ...article, original: undefined, doc: undefined }));
  });
  figures.openListed = figure(opens, 'ms');
  measureReads(db.data, work, figures);
  await measureWrites(db, path, work, figures);
  await rm(path, { force: true });
  return figures;
}
