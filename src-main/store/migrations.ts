/**
 * Ordered migrations of the notebook's files. Each file carries `schemaVersion`; a file older
 * than `CURRENT_SCHEMA_VERSION` is upgraded step by step before its schema checks it, and a
 * snapshot is taken first (see notebook-store.ts). A file from a newer Marginalia is refused
 * rather than stripped of fields this version does not know.
 */
import { DEFAULT_LEGEND } from '../common/highlight-colors';
import { NotebookError } from '../common/errors';

export interface Migration {
  /** The version this step produces; steps are applied in ascending `to` order. */
  to: number;
  describe: string;
  migrate(data: Record<string, unknown>): Record<string, unknown>;
}

/** Every file kind shares one version number so a notebook folder is one consistent thing. */
export const CURRENT_SCHEMA_VERSION = 3;

/** Every step, in order; a step must accept any file kind (notebook.json, article, history). */
export const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    describe: 'highlights: a colour legend and annotation index in notebook.json, an annotation list in each article file',
    migrate(data) {
      if (Array.isArray(data.articles)) {
        return { ...data, legend: data.legend ?? { ...DEFAULT_LEGEND }, annotations: data.annotations ?? {} };
      }
      if (typeof data.article === 'object' && data.article !== null) return { ...data, annotations: data.annotations ?? [] };
      return data;
    },
  },
  {
    to: 3,
    describe: 'claims and notes: lists of claims and of note metadata in notebook.json',
    migrate(data) {
      if (Array.isArray(data.articles)) return { ...data, claims: data.claims ?? [], notes: data.notes ?? [] };
      return data;
    },
  },
];

export interface MigrationResult {
  data: Record<string, unknown>;
  from: number;
  migrated: boolean;
}

export function migrate(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new NotebookError('storage', 'the file does not hold a JSON object');
  }
  const data = raw as Record<string, unknown>;
  const from = data.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    throw new NotebookError('storage', 'the file has no valid schemaVersion');
  }
  if (from > current) {
    throw new NotebookError(
      'storage',
      `the file was written by a newer Marginalia (format ${from}; this version reads up to ${current}). Update Marginalia to open it.`,
    );
  }
  let result = data;
  for (const step of [...migrations].sort((a, b) => a.to - b.to)) {
    if (step.to <= from || step.to > current) continue;
    result = { ...step.migrate(result), schemaVersion: step.to };
  }
  return { data: result, from, migrated: from !== current };
}
