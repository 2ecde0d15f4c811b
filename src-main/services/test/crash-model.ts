/**
 * What the crash test (crash-kill.test.ts) knows of a notebook: each record reduced to the values
 * a person relies on, keyed `article:<id>`, `annotation:<id>`, `claim:<id>`, `note:<id>`; what
 * the writing child acknowledged; and the check run after every kill, through the API.
 */
import type { NotebookApi } from '../../common/api';
import { valueOf } from '../../test-support/in-process-api';

export type Value =
  | { title: string }
  | { articleId: string; comment: string }
  | { statement: string }
  | { title: string; body: string; links: string[] };

/** A record's values, or null when the notebook no longer holds it. */
export type State = Map<string, Value>;

/** The changes one write makes: each record it touches and that record's value after it (null: gone). */
export type Touched = [key: string, after: Value | null][];

/** What the child prints: `do` before a call, `ack` once it resolved (all on disk). */
export interface WriteLine {
  op: string;
  touched: Touched;
  /** A note whose body now holds `word`, which search must find. */
  searchable?: { id: string; word: string };
}

/** What must hold when the notebook opens after a kill. */
export interface Expectations {
  /** Every record an acknowledged write touched, with its value after the last such write. */
  acked: [key: string, value: Value | null][];
  /**
   * What writes in flight when a child was killed would have made of their records (one may
   * have landed, in part or whole): a record may hold one of these values instead, until an
   * acknowledged write sets it again. A key may come more than once.
   */
  inFlight: [key: string, value: Value | null][];
  /** The last acknowledged note edit still standing: search finds its word. */
  lastNote: { id: string; word: string } | null;
}

/** A note link as a value: `<relation>><kind>:<id>`. */
export const linkValue = (relation: string, target: { claimId: string } | { annotationId: string }) =>
  'claimId' in target ? `${relation}>claim:${target.claimId}` : `${relation}>annotation:${target.annotationId}`;

/** Every record in the notebook, as values. */
export async function readState(api: NotebookApi): Promise<State> {
  const state: State = new Map();
  for (const article of await valueOf(api.listArticles({}))) {
    state.set(`article:${article.id}`, { title: article.title });
    for (const annotation of await valueOf(api.listAnnotations({ articleId: article.id }))) {
      state.set(`annotation:${annotation.id}`, { articleId: article.id, comment: annotation.comment });
    }
  }
  for (const claim of await valueOf(api.listClaims({}))) state.set(`claim:${claim.id}`, { statement: claim.statement });
  for (const meta of await valueOf(api.listNotes({}))) {
    const note = await valueOf(api.getNote({ id: meta.id }));
    state.set(`note:${note.id}`, { title: note.title, body: note.body, links: note.links.map((l) => linkValue(l.relation, l.target)).sort() });
  }
  return state;
}

const same = (a: Value | null | undefined, b: Value | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What is wrong with the notebook behind `api` (nothing: []): an acknowledged value missing or
 * different (unless the write in flight explains it), or search not finding the last note at
 * once; and the notebook's records as found.
 */
export async function verify(api: NotebookApi, expected: Expectations): Promise<{ problems: string[]; state: State }> {
  // Search first, as a person would right after the notebook opened.
  const problems: string[] = [];
  if (expected.lastNote) {
    const { id, word } = expected.lastNote;
    const answer = await valueOf(api.search({ query: word }));
    if (!answer.results.some((r) => r.id === id)) problems.push(`search for “${word}” did not find ${id} (indexing: ${JSON.stringify(answer.indexing)})`);
  }
  const state = await readState(api);
  for (const [key, value] of expected.acked) {
    const found = state.get(key) ?? null;
    if (same(found, value) || expected.inFlight.some(([maybe, instead]) => maybe === key && same(found, instead))) continue;
    problems.push(`${key}: acknowledged ${JSON.stringify(value)}, found ${JSON.stringify(found)}`);
  }
  return { problems, state };
}
