/**
 * The process the crash test (crash-kill.test.ts) kills. It opens the notebook in DIR as the app
 * does — the real store, write path, services and search index — then checks what the parent
 * expects after the previous kill (EXPECTED, see crash-model.ts) and prints `verified
 * [problems]`; then it writes without end, a random write of every kind at a time (import,
 * highlight, comment, note, link, claim, deletes, undo), printing `do {…}` before each call and
 * `ack {…}` once it resolved, until it is killed.
 *
 * It composes the services itself, leaving out sync, exchange and export: those take seconds to
 * load, and the test starts a hundred of these. The parent opens with openNotebook itself.
 * Started from a bundle (test-support/child-bundle.ts) as `node crash-child.js DIR EXPECTED`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NotebookHandlers } from '../../common/api';
import { describeRange } from '../../common/anchoring/describe-range';
import { RELATIONS } from '../../common/relations';
import { removeTempLeftovers } from '../../store/atomic-file';
import { openStore } from '../../store/notebook-store';
import { inProcessApi, valueOf } from '../../test-support/in-process-api';
import { createAnnotations } from '../annotations';
import { citedHighlights } from '../cited-highlights';
import { createClaimsAndNotes } from '../claims-and-notes';
import { createCommitter } from '../commit';
import { createImporter } from '../import/import-service';
import { createLibrary } from '../library';
import { INDEX_DIR } from '../search/index-file';
import { openSearch } from '../search/search-service';
import { linkValue, verify, type Expectations, type State, type Touched, type Value, type WriteLine } from './crash-model';

const [dir, expectedPath] = process.argv.slice(2);
if (!dir || !expectedPath) throw new Error('usage: crash-child.ts DIR EXPECTED');
const say = (line: string) => process.stdout.write(`${line}\n`);
say('hello');

const now = () => new Date();
const store = await openStore(dir, { now });
const writes = createCommitter(store, now);
const library = createLibrary(store, writes, now);
const research = createClaimsAndNotes(store, writes, now, citedHighlights(store));
// As openNotebook does before search starts.
await removeTempLeftovers(join(dir, INDEX_DIR));
const search = openSearch(store, { persist: true });
// Only the calls below are made: the rest of the table (sync, exchange, export) is not loaded.
const handlers = {
  ...library.handlers,
  ...createImporter(library).handlers,
  ...createAnnotations(store, writes, now),
  ...research,
  undo: () => writes.undo(),
  search: (arg) => search.search(arg),
} as Partial<NotebookHandlers> as NotebookHandlers;
const api = inProcessApi(handlers);

const expected: Expectations | null = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : null;
const checked = await verify(api, expected ?? { acked: [], inFlight: [], lastNote: null });
say(`verified ${JSON.stringify(checked.problems)}`);
const state: State = checked.state;

const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(Math.random() * items.length)];
const word = () => `w${Math.random().toString(36).slice(2, 8)}`;
const ids = (kind: string) => [...state.keys()].filter((key) => key.startsWith(`${kind}:`)).map((key) => key.slice(kind.length + 1));
const valueOfKey = <V extends Value>(key: string) => state.get(key) as V;
const texts = new Map<string, string>();
const PHRASES = ['wade at dawn', 'near the river', 'turns at noon'];

/** The notes that link to `targets`, with those links gone. */
function detachedNotes(targets: Set<string>): Touched {
  return ids('note').flatMap((id): Touched => {
    const note = valueOfKey<{ title: string; body: string; links: string[] }>(`note:${id}`);
    const links = note.links.filter((link) => !targets.has(link.slice(link.indexOf('>') + 1)));
    return links.length === note.links.length ? [] : [[`note:${id}`, { ...note, links }]];
  });
}

interface Write {
  op: string;
  /** What the call will change, as far as it is known before (a new record's id is not). */
  touched: Touched;
  undoable: boolean;
  call(): Promise<Omit<WriteLine, 'op'>>;
}

/** The writes possible now, each as often as its weight. */
function writesNow(lastUndoable: Touched | null): (() => Write)[] {
  const articles = ids('article');
  const annotations = ids('annotation');
  const claims = ids('claim');
  const notes = ids('note');
  const options: [number, () => Write][] = [
    [
      2,
      () => {
        const [w1, w2] = [word(), word()];
        const format = pick(['text', 'markdown'] as const)!;
        const content = `${format === 'markdown' ? '*Herons*' : 'Herons'} ${w1} wade at dawn near the river.\n\nThe tide ${w2} turns at noon.`;
        return {
          op: `import ${format}`,
          touched: [],
          undoable: false,
          call: async () => {
            const article = await valueOf(api.importArticle({ format, content, title: `Report ${w1}` }));
            return { touched: [[`article:${article.id}`, { title: article.title }]] };
          },
        };
      },
    ],
  ];
  if (articles.length > 0) {
    const articleId = pick(articles)!;
    options.push([
      3,
      () => {
        const comment = `Seen ${word()}.`;
        return {
          op: 'highlight',
          touched: [],
          undoable: true,
          call: async () => {
            const text = texts.get(articleId) ?? (await valueOf(api.getArticle({ id: articleId }))).text;
            texts.set(articleId, text);
            // A phrase of ours, or in the sample article any long word.
            const phrase = pick(PHRASES.filter((p) => text.includes(p))) ?? pick(text.match(/\p{L}{6,}/gu) ?? [])!;
            const at = text.indexOf(phrase);
            const made = await valueOf(api.createAnnotation({ articleId, target: describeRange(text, at, at + phrase.length), comment }));
            return { touched: [[`annotation:${made.id}`, { articleId, comment: made.comment }]] };
          },
        };
      },
    ]);
    const bare = articles.filter((id) => !annotations.some((a) => valueOfKey<{ articleId: string; comment: string }>(`annotation:${a}`).articleId === id));
    const doomed = pick(bare.length > 0 && Math.random() < 0.7 ? bare : articles)!;
    const held = new Set(annotations.filter((a) => valueOfKey<{ articleId: string; comment: string }>(`annotation:${a}`).articleId === doomed).map((a) => `annotation:${a}`));
    const touched: Touched = [[`article:${doomed}`, null], ...[...held].map((key): Touched[number] => [key, null]), ...detachedNotes(held)];
    options.push([1, () => ({ op: 'delete article', touched, undoable: true, call: async () => (await valueOf(api.deleteArticle({ id: doomed })), { touched }) })]);
  }
  if (annotations.length > 0) {
    const id = pick(annotations)!;
    const before = valueOfKey<{ articleId: string; comment: string }>(`annotation:${id}`);
    const comment: Touched = [[`annotation:${id}`, { ...before, comment: `Changed ${word()}.` }]];
    options.push([2, () => ({ op: 'comment', touched: comment, undoable: true, call: async () => (await valueOf(api.updateAnnotation({ id, comment: (comment[0]![1] as { comment: string }).comment })), { touched: comment }) })]);
    const gone: Touched = [[`annotation:${id}`, null], ...detachedNotes(new Set([`annotation:${id}`]))];
    options.push([1, () => ({ op: 'delete highlight', touched: gone, undoable: true, call: async () => (await valueOf(api.deleteAnnotation({ id })), { touched: gone }) })]);
    const statement = `Claim ${word()}`;
    options.push([
      2,
      () => ({
        op: 'claim',
        touched: [],
        undoable: true,
        call: async () => {
          const claim = await valueOf(api.createClaim({ annotationId: id, statement }));
          return { touched: [[`claim:${claim.id}`, { statement: claim.statement }]] };
        },
      }),
    ]);
  }
  if (claims.length > 0) {
    const id = pick(claims)!;
    const edited: Touched = [[`claim:${id}`, { statement: `Claim ${word()}` }]];
    options.push([1, () => ({ op: 'edit claim', touched: edited, undoable: true, call: async () => (await valueOf(api.updateClaim({ id, statement: (edited[0]![1] as { statement: string }).statement })), { touched: edited }) })]);
    const gone: Touched = [[`claim:${id}`, null], ...detachedNotes(new Set([`claim:${id}`]))];
    options.push([1, () => ({ op: 'delete claim', touched: gone, undoable: true, call: async () => (await valueOf(api.deleteClaim({ id })), { touched: gone }) })]);
  }
  options.push([
    3,
    () => {
      const w = word();
      const body = `Body ${w} text.`;
      return {
        op: 'note',
        touched: [],
        undoable: true,
        call: async () => {
          const note = await valueOf(api.createNote({ title: `Note ${word()}`, body }));
          return { touched: [[`note:${note.id}`, { title: note.title, body: note.body, links: [] }]], searchable: { id: note.id, word: w } };
        },
      };
    },
  ]);
  if (notes.length > 0) {
    const id = pick(notes)!;
    const before = valueOfKey<{ title: string; body: string; links: string[] }>(`note:${id}`);
    const w = word();
    const edited: Touched = [[`note:${id}`, { ...before, body: `Body ${w} rewritten.` }]];
    options.push([3, () => ({ op: 'edit note', touched: edited, undoable: true, call: async () => (await valueOf(api.updateNote({ id, body: `Body ${w} rewritten.` })), { touched: edited, searchable: { id, word: w } }) })]);
    options.push([1, () => ({ op: 'delete note', touched: [[`note:${id}`, null]], undoable: true, call: async () => (await valueOf(api.deleteNote({ id })), { touched: [[`note:${id}`, null]] }) })]);
    const targets = [...claims.map((claimId) => ({ claimId })), ...annotations.map((annotationId) => ({ annotationId }))];
    const target = pick(targets);
    if (target) {
      const relation = pick(RELATIONS)!;
      const link = linkValue(relation, target);
      const others = before.links.filter((l) => l.slice(l.indexOf('>')) !== link.slice(link.indexOf('>')));
      // Linking an already linked target with the same relation changes nothing: no undo step.
      if (!before.links.includes(link)) {
        const linked: Touched = [[`note:${id}`, { ...before, links: [...others, link].sort() }]];
        options.push([2, () => ({ op: 'link', touched: linked, undoable: true, call: async () => (await valueOf(api.linkNote({ noteId: id, target, relation })), { touched: linked }) })]);
      }
    }
  }
  // Now and then, take back the write just made (undo's own step is what the history holds on top).
  if (lastUndoable && Math.random() < 0.3) {
    const restored = lastUndoable;
    const undo = async () => {
      if (!(await valueOf(api.undo({})))) throw new Error('undo found nothing to undo');
      return { touched: restored };
    };
    return [() => ({ op: 'undo', touched: restored, undoable: false, call: undo })];
  }
  return options.flatMap(([weight, make]) => Array.from({ length: weight }, () => make));
}

let lastUndoable: Touched | null = null;
for (;;) {
  const chosen = pick(writesNow(lastUndoable))!();
  say(`do ${JSON.stringify({ op: chosen.op, touched: chosen.touched } satisfies WriteLine)}`);
  const done = await chosen.call();
  // What undo puts back: each touched record as it was before this write.
  const before: Touched = done.touched.map(([key]) => [key, state.get(key) ?? null]);
  for (const [key, after] of done.touched) {
    if (after) state.set(key, after);
    else state.delete(key);
  }
  say(`ack ${JSON.stringify({ op: chosen.op, ...done } satisfies WriteLine)}`);
  lastUndoable = chosen.undoable ? before : null;
}
