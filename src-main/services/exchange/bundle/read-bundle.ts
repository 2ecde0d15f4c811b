/**
 * A bundle file → its records, or a refusal in words. Nothing is read from or written to the
 * notebook here: a bundle that fails any check changes nothing.
 *
 * Records are checked a slice at a time, letting the event loop answer the window between
 * slices: a whole notebook's bundle holds tens of thousands of records, and checking them in
 * one go held every other call for seconds.
 */
import { z } from '../../../common/zod';
import { NotebookError } from '../../../common/errors';
import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleBodySchema, checkBundleBytes, type BundleBody } from './bundle-format';
import { yieldToEventLoop } from '../../../store/event-loop-turns';

/** The lists of records, checked record by record. */
const RECORD_LISTS = ['articles', 'annotations', 'claims', 'notes', 'deletions'] as const;
type RecordList = (typeof RECORD_LISTS)[number];

/** The bundle with its record lists left unchecked: the cheap part, checked at once. */
const headSchema = bundleBodySchema.extend(Object.fromEntries(RECORD_LISTS.map((list) => [list, z.array(z.unknown())])) as Record<RecordList, z.ZodArray<z.ZodUnknown>>);

/** Records checked between two turns of the event loop. */
const SLICE = 200;
const turn = yieldToEventLoop;

type Issue = { path: readonly PropertyKey[]; message: string };

const refuse = (message: string): never => {
  throw new NotebookError('invalid_argument', message);
};

/** True when `json` says it is a bundle (whatever its version), so the import knows which reader to use. */
export function looksLikeBundle(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && (json as Record<string, unknown>).format === BUNDLE_FORMAT;
}

/** The first problems zod found, each with the place in the bundle it is. */
function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || 'the file'}: ${issue.message}`);
  return shown.join('; ') + (issues.length > 3 ? ` (and ${issues.length - 3} more)` : '');
}

function checkUnique(body: BundleBody): void {
  const seen = new Set<string>();
  const lists = [
    ['article', body.articles.map((a) => a.id)],
    ['highlight', body.annotations.map((a) => a.id)],
    ['claim', body.claims.map((c) => c.id)],
    ['note', body.notes.map((n) => n.id)],
  ] as const;
  for (const [noun, ids] of lists) {
    for (const id of ids) {
      if (seen.has(id)) refuse(`This bundle holds ${noun} ${id} twice, so it cannot say which to keep. Export it again.`);
      seen.add(id);
    }
  }
}

/** Each list's records checked against its record schema, a slice at a time; the first problems found. */
async function checkRecords(raw: Record<RecordList, unknown[]>): Promise<{ lists: Partial<Record<RecordList, unknown[]>>; issues: Issue[] }> {
  const shape = bundleBodySchema.shape;
  const lists: Partial<Record<RecordList, unknown[]>> = {};
  const issues: Issue[] = [];
  let checked = 0;
  for (const list of RECORD_LISTS) {
    const schema = shape[list].element;
    const parsed: unknown[] = [];
    for (const [index, record] of raw[list].entries()) {
      const result = schema.safeParse(record);
      if (result.success) parsed.push(result.data);
      else issues.push(...result.error.issues.map((issue) => ({ ...issue, path: [list, index, ...issue.path] })));
      if (issues.length >= 3) return { lists, issues };
      if (++checked % SLICE === 0) await turn();
    }
    lists[list] = parsed;
  }
  return { lists, issues };
}

/**
 * Checks a bundle: `json` is the file parsed, `bytes` the file itself (the checksum covers its
 * bytes). Throws NotebookError('invalid_argument') naming the problem.
 */
export async function readBundle(json: unknown, bytes: Uint8Array): Promise<BundleBody> {
  if (!looksLikeBundle(json)) refuse(`This is not a Marginalia bundle: it has no "format": "${BUNDLE_FORMAT}".`);
  const raw = json as Record<string, unknown>;
  if (typeof raw.version === 'number' && raw.version > BUNDLE_VERSION) {
    refuse(`This bundle was made by a newer Marginalia (bundle version ${raw.version}; this one reads version ${BUNDLE_VERSION}). Update Marginalia, then import it again.`);
  }
  if (raw.version !== BUNDLE_VERSION) refuse(`This bundle's version (${JSON.stringify(raw.version)}) is not one Marginalia knows (it reads version ${BUNDLE_VERSION}).`);
  const sealed = checkBundleBytes(bytes);
  if (!sealed) refuse('This bundle has no checksum, so it cannot be told apart from a damaged one. Export it again.');
  if (!sealed!.matches) refuse("This bundle's checksum does not match its content: it was changed or damaged after it was exported. Ask for it again.");
  const { checksum: _checksum, ...rest } = raw;
  const head = headSchema.safeParse(rest);
  if (!head.success) refuse(`This bundle is damaged or was edited by hand: ${describe(head.error.issues)}.`);
  const { lists, issues } = await checkRecords(head.data!);
  if (issues.length > 0) refuse(`This bundle is damaged or was edited by hand: ${describe(issues)}.`);
  const body = { ...head.data!, ...lists } as BundleBody;
  checkUnique(body);
  return body;
}
