/**
 * Three clones of one shared notebook, random edits on each (notes written, created and
 * deleted; a claim restated; a highlight recoloured), synced in random orders: once every
 * clone has synced after the last edit, all three hold the same notebook, and no acknowledged
 * edit is lost — each is the record's text, or in its conflict history, unless someone who had
 * already received it wrote over it or deleted the record.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueOf } from '../../../test-support/in-process-api';
import { startGitHttpServer, type GitHttpServer } from '../../../test-support/git-http-server';
import { holdings, member, type Member } from '../test-support/sync-support';

let server: GitHttpServer;
let counter = 0;
beforeAll(async () => {
  server = await startGitHttpServer();
});
afterAll(async () => {
  await server.close();
});

type Op =
  | { kind: 'write'; who: number; note: number }
  | { kind: 'create'; who: number }
  | { kind: 'delete'; who: number; note: number }
  | { kind: 'restate'; who: number }
  | { kind: 'recolour'; who: number; color: 'green' | 'blue' | 'pink' }
  | { kind: 'sync'; who: number };

const who = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('write' as const), who, note: fc.integer({ min: 0, max: 2 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('create' as const), who }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), who, note: fc.integer({ min: 0, max: 2 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('restate' as const), who }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('recolour' as const), who, color: fc.constantFrom('green' as const, 'blue' as const, 'pink' as const) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('sync' as const), who }), weight: 4 },
);

/** An edit someone made and was told was saved. */
interface Edit {
  id: number;
  note: string;
  text: string;
  by: number;
}

describe('three clones, random edits, random sync orders', () => {
  it('converge, with every acknowledged edit kept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const remote = await server.createBare(`three-${++counter}`);
        const members: Member[] = [await member('Ada'), await member('Ben'), await member('Cai')];
        const [ada] = members as [Member, Member, Member];
        const article = await valueOf(ada.api.importArticle({ format: 'text', content: 'Tides follow the moon. Storms follow the wind.', title: 'Tides' }));
        const { text } = await valueOf(ada.api.getArticle({ id: article.id }));
        const start = text.indexOf('Storms follow');
        const highlight = await valueOf(ada.api.createAnnotation({ articleId: article.id, target: { quote: { exact: 'Storms follow', prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + 13, start + 45) }, position: { start, end: start + 13 } } }));
        const claim = await valueOf(ada.api.createClaim({ annotationId: highlight.id }));
        const notes = [] as string[];
        for (const title of ['One', 'Two', 'Three']) notes.push((await valueOf(ada.api.createNote({ title, body: `${title} begins.` }))).id);
        await valueOf(ada.api.shareNotebook({ remote, authorName: 'Ada' }));
        for (const other of members.slice(1)) await valueOf(other.api.shareNotebook({ remote, authorName: other.name }));

        // Which edits each clone has received, and which reached the remote (see the header).
        const edits: Edit[] = [];
        const known = members.map(() => new Set<number>());
        let onRemote = new Set<number>();
        const superseded = new Set<number>();
        const supersede = (by: number, note: string) => {
          for (const edit of edits) if (edit.note === note && (edit.by === by || known[by]!.has(edit.id))) superseded.add(edit.id);
        };
        let serial = 0;
        for (const step of ops) {
          const { api } = members[step.who]!;
          switch (step.kind) {
            case 'write': {
              const note = notes[step.note % notes.length]!;
              const body = `Edit ${++serial} by ${members[step.who]!.name}.`;
              const answer = await api.updateNote({ id: note, body });
              if (!answer.ok) break; // deleted on this clone: nothing acknowledged
              supersede(step.who, note);
              const edit = { id: serial, note, text: body, by: step.who };
              edits.push(edit);
              known[step.who]!.add(edit.id);
              break;
            }
            case 'create':
              notes.push((await valueOf(api.createNote({ title: `New ${++serial}` }))).id);
              break;
            case 'delete': {
              const note = notes[step.note % notes.length]!;
              if ((await api.deleteNote({ id: note })).ok) supersede(step.who, note);
              break;
            }
            case 'restate':
              await valueOf(api.updateClaim({ id: claim.id, statement: `Statement ${++serial}` }));
              break;
            case 'recolour':
              await valueOf(api.updateAnnotation({ id: highlight.id, color: step.color }));
              break;
            case 'sync':
              await valueOf(api.syncNotebook({}));
              onRemote = new Set([...onRemote, ...known[step.who]!]);
              for (const id of onRemote) known[step.who]!.add(id);
              break;
          }
        }
        // Everyone syncs after the last edit; the first again, so it hears the last.
        for (const index of [0, 1, 2, 0, 1]) await valueOf(members[index]!.api.syncNotebook({}));

        const [first, ...others] = await Promise.all(members.map((m) => holdings(m)));
        for (const other of others) expect(other).toEqual(first);
        for (const edit of edits) {
          if (superseded.has(edit.id)) continue;
          const answer = await ada.api.getNote({ id: edit.note });
          const texts = answer.ok ? [answer.value.body, ...(answer.value.conflicts ?? []).map((version) => version.body)] : [];
          expect(texts, `edit ${edit.id} (“${edit.text}”)`).toContain(edit.text);
        }
        for (const m of members) await m.notebook.close();
      }),
      { numRuns: 12 },
    );
  }, 600_000);
});
