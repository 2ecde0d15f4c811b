/**
 * A bundle file → its records, or a refusal in words. Nothing is read from or written to the
 * notebook here: a bundle that fails any check changes nothing.
 */
import { NotebookError } from '../../../common/errors';
import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleBodySchema, checkBundleBytes, type BundleBody } from './bundle-format';

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

/**
 * Checks a bundle: `json` is the file parsed, `bytes` the file itself (the checksum covers its
 * bytes). Throws NotebookError('invalid_argument') naming the problem.
 */
export function readBundle(json: unknown, bytes: Uint8Array): BundleBody {
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
  const parsed = bundleBodySchema.safeParse(rest);
  if (!parsed.success) refuse(`This bundle is damaged or was edited by hand: ${describe(parsed.error.issues)}.`);
  const body = parsed.data!;
  checkUnique(body);
  return body;
}
