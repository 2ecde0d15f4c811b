/**
 * The form a record takes in the shared history: the same files a notebook keeps
 * (`articles/<id>.json` with the article and its highlights, `claims/<id>.json`,
 * `notes/<id>.json`) plus `legend.json`, written canonically — keys sorted, highlights in id
 * order, two-space indent — and without what belongs to one machine (when this person last
 * opened an article). Two machines holding the same record therefore hold the same bytes, so
 * a synced record never looks changed just because it was written elsewhere.
 */
import { z } from '../../common/zod';
import { colorLegendSchema } from '../../common/annotation-schema';
import { NotebookError } from '../../common/errors';
import type { Claim, ColorLegend, Note } from '../../common/model';
import { claimSchema, noteSchema } from '../../common/research-schema';
import { recordFilePattern } from '../../common/record-ids';
import { CURRENT_SCHEMA_VERSION } from '../../store/migrations';
import { articleFileSchema, ARTICLES_DIR, CLAIMS_DIR, NOTES_DIR, type ArticleRecord } from '../../store/notebook-files';

export const LEGEND_PATH = 'legend.json';
export const SHARED_DIRS = [ARTICLES_DIR, CLAIMS_DIR, NOTES_DIR] as const;
export type SharedDir = (typeof SHARED_DIRS)[number];

/** A record of the shared history, by where it lives. */
export type SharedRecord =
  | { kind: 'article'; id: string; record: ArticleRecord }
  | { kind: 'claim'; id: string; record: Claim }
  | { kind: 'note'; id: string; record: Note }
  | { kind: 'legend'; record: ColorLegend };

const DIR_KIND = { [ARTICLES_DIR]: 'article', [CLAIMS_DIR]: 'claim', [NOTES_DIR]: 'note' } as const;

export const recordPath = (kind: 'article' | 'claim' | 'note', id: string): string =>
  `${kind === 'article' ? ARTICLES_DIR : kind === 'claim' ? CLAIMS_DIR : NOTES_DIR}/${id}.json`;

/** What a path of the shared tree holds, or undefined for a path that is not a record's. */
export function pathKind(path: string): { kind: 'article' | 'claim' | 'note'; id: string } | { kind: 'legend' } | undefined {
  if (path === LEGEND_PATH) return { kind: 'legend' };
  const slash = path.indexOf('/');
  const dir = path.slice(0, slash) as SharedDir;
  const kind = DIR_KIND[dir];
  const name = path.slice(slash + 1);
  if (!kind || !recordFilePattern(kind).test(name)) return undefined;
  return { kind, id: name.slice(0, -'.json'.length) };
}

/** JSON with every object's keys in order, two-space indented, ending in a newline. */
export function canonicalJson(value: unknown): string {
  const sorted = (inner: unknown): unknown => {
    if (Array.isArray(inner)) return inner.map(sorted);
    if (inner && typeof inner === 'object') {
      const keys = Object.keys(inner).sort();
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const field = (inner as Record<string, unknown>)[key];
        if (field !== undefined) out[key] = sorted(field);
      }
      return out;
    }
    return inner;
  };
  return `${JSON.stringify(sorted(value), null, 2)}\n`;
}

/** The shared form of a record: its path and its text. */
export function sharedText(shared: SharedRecord): { path: string; text: string } {
  switch (shared.kind) {
    case 'article': {
      const { openedAt: _machineLocal, ...article } = shared.record.article;
      const annotations = [...shared.record.annotations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { path: recordPath('article', shared.id), text: canonicalJson({ schemaVersion: CURRENT_SCHEMA_VERSION, article, annotations }) };
    }
    case 'claim':
    case 'note':
      return { path: recordPath(shared.kind, shared.id), text: canonicalJson({ schemaVersion: CURRENT_SCHEMA_VERSION, record: shared.record }) };
    case 'legend':
      return { path: LEGEND_PATH, text: canonicalJson({ schemaVersion: CURRENT_SCHEMA_VERSION, legend: shared.record }) };
  }
}

const versioned = z.object({ schemaVersion: z.number().int() }).loose();
const claimFile = z.object({ schemaVersion: z.number().int(), record: claimSchema });
const noteFile = z.object({ schemaVersion: z.number().int(), record: noteSchema });
const legendFile = z.object({ schemaVersion: z.number().int(), legend: colorLegendSchema });

/**
 * Reads a file of the shared history, checked like any record file. A file written by a newer
 * Marginalia is refused with what to do; one that does not parse names its path.
 */
export function readShared(path: string, text: string): SharedRecord {
  const where = pathKind(path);
  if (!where) throw new NotebookError('invalid_argument', `The shared notebook holds ${path}, which is not a record of a notebook.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new NotebookError('invalid_argument', `${path} in the shared notebook is not valid JSON: it was damaged or written by hand. Fix or remove it there.`);
  }
  const version = versioned.safeParse(json);
  if (version.success && version.data.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new NotebookError(
      'invalid_argument',
      `The shared notebook was written by a newer Marginalia (${path} is in format ${version.data.schemaVersion}; this one reads up to ${CURRENT_SCHEMA_VERSION}). Update Marginalia, then sync again.`,
    );
  }
  const fail = (error: z.ZodError): never => {
    throw new NotebookError('invalid_argument', `${path} in the shared notebook is not a valid record: ${error.issues[0]?.message ?? 'unreadable'} at ${error.issues[0]?.path.join('.') ?? ''}.`);
  };
  switch (where.kind) {
    case 'legend': {
      const parsed = legendFile.safeParse(json);
      return parsed.success ? { kind: 'legend', record: parsed.data.legend } : fail(parsed.error);
    }
    case 'article': {
      const parsed = articleFileSchema.safeParse(json);
      if (!parsed.success) return fail(parsed.error);
      const { article, annotations } = parsed.data;
      if (article.id !== where.id) throw new NotebookError('invalid_argument', `${path} in the shared notebook holds the article ${article.id}, not ${where.id}.`);
      const stray = annotations.find((annotation) => annotation.articleId !== where.id);
      if (stray) throw new NotebookError('invalid_argument', `${path} in the shared notebook holds the highlight ${stray.id} of another article (${stray.articleId}).`);
      return { kind: 'article', id: where.id, record: { article, annotations } };
    }
    case 'claim': {
      const parsed = claimFile.safeParse(json);
      if (!parsed.success) return fail(parsed.error);
      if (parsed.data.record.id !== where.id) throw new NotebookError('invalid_argument', `${path} in the shared notebook holds the claim ${parsed.data.record.id}, not ${where.id}.`);
      return { kind: 'claim', id: where.id, record: parsed.data.record };
    }
    case 'note': {
      const parsed = noteFile.safeParse(json);
      if (!parsed.success) return fail(parsed.error);
      if (parsed.data.record.id !== where.id) throw new NotebookError('invalid_argument', `${path} in the shared notebook holds the note ${parsed.data.record.id}, not ${where.id}.`);
      return { kind: 'note', id: where.id, record: parsed.data.record };
    }
  }
}

/** The shared paths a committed change set touched. */
export function stagedPaths(staged: { articles: Map<string, unknown>; claims: Map<string, unknown>; notes: Map<string, unknown>; legend?: unknown }): string[] {
  return [
    ...[...staged.articles.keys()].map((id) => recordPath('article', id)),
    ...[...staged.claims.keys()].map((id) => recordPath('claim', id)),
    ...[...staged.notes.keys()].map((id) => recordPath('note', id)),
    ...(staged.legend ? [LEGEND_PATH] : []),
  ];
}
