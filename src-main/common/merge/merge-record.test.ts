import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTombstone, mergeRecord, type MergeableRecord, type Tombstone } from './merge-record';
import { descendantRevs, newRevision } from './revisions';

interface Rec extends MergeableRecord {
  id: string;
  text: string;
}
type Notebook = Map<string, Rec | Tombstone>;

const at = (tick: number) => new Date(Date.UTC(2026, 10, 30) + tick * 1000).toISOString();

/** A world of notebooks that edit, delete and swap whole-notebook bundles, remembering every version ever made. */
class World {
  readonly notebooks: Notebook[];
  /** Every version made (by revision), with the revisions it was made on top of. */
  readonly parents = new Map<string, string[]>();
  /** Versions someone deleted while holding them: a deletion is an edit too. */
  readonly deleted = new Set<string>();
  #tick = 0;
  #serial = 0;

  constructor(count: number) {
    this.notebooks = Array.from({ length: count }, () => new Map());
  }

  edit(who: number, id: string, text: string): void {
    const book = this.notebooks[who]!;
    const current = book.get(id);
    const stamp = at(++this.#tick);
    const rev = newRevision(stamp, `n${who}x${(++this.#serial).toString(36).padStart(4, '0')}`);
    const previous = current && !isTombstone(current) ? current : null;
    const record: Rec = {
      id,
      text,
      rev,
      revs: descendantRevs(previous, previous?.rev ?? (current && isTombstone(current) ? current.rev : undefined)),
      updatedAt: stamp,
      conflicts: previous?.conflicts ?? [],
    };
    this.parents.set(rev, current ? [current.rev] : []);
    book.set(id, record);
  }

  remove(who: number, id: string): void {
    const book = this.notebooks[who]!;
    const current = book.get(id);
    if (!current || isTombstone(current)) return;
    this.deleted.add(current.rev);
    book.set(id, { deleted: true, rev: current.rev, revs: current.revs, deletedAt: at(++this.#tick) });
  }

  /** `to` imports a bundle of everything `from` holds; returns how many records changed. */
  exchange(from: number, to: number): number {
    const target = this.notebooks[to]!;
    let changed = 0;
    for (const [id, incoming] of this.notebooks[from]!) {
      const outcome = mergeRecord(target.get(id) ?? null, structuredClone(incoming));
      if (outcome.kind === 'added' || outcome.kind === 'updated' || outcome.kind === 'restored' || outcome.kind === 'conflict' || outcome.kind === 'merged') {
        if (outcome.kind === 'conflict' || outcome.kind === 'merged') this.parents.set(outcome.record.rev, [(target.get(id) as Rec).rev, incoming.rev]);
        target.set(id, outcome.record);
        changed += 1;
      } else if (outcome.kind === 'deleted') {
        target.set(id, incoming);
        changed += 1;
      }
    }
    return changed;
  }

  /** Every revision reachable from `rev` through the versions it was made on top of. */
  history(rev: string): Set<string> {
    const seen = new Set<string>();
    const stack = [rev];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(this.parents.get(next) ?? []));
    }
    return seen;
  }
}

const live = (book: Notebook) =>
  Object.fromEntries([...book].filter(([, value]) => !isTombstone(value)).sort(([a], [b]) => a.localeCompare(b)));

type Step = { op: 'edit'; who: number; id: string; text: string } | { op: 'remove'; who: number; id: string } | { op: 'swap'; from: number; to: number };

const steps = (notebooks: number) =>
  fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.record({ op: fc.constant('edit' as const), who: fc.nat(notebooks - 1), id: fc.constantFrom('a', 'b', 'c', 'd'), text: fc.string({ maxLength: 6 }) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), who: fc.nat(notebooks - 1), id: fc.constantFrom('a', 'b', 'c', 'd') }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('swap' as const), from: fc.nat(notebooks - 1), to: fc.nat(notebooks - 1) }) },
    ),
    { maxLength: 60 },
  );

function play(world: World, script: Step[]): void {
  for (const step of script) {
    if (step.op === 'edit') world.edit(step.who, step.id, step.text);
    else if (step.op === 'remove') world.remove(step.who, step.id);
    else if (step.from !== step.to) world.exchange(step.from, step.to);
  }
}

/** Everyone sends to everyone, twice round: after that no exchange may change anything. */
function settle(world: World): void {
  const count = world.notebooks.length;
  for (let round = 0; round < 2; round += 1) for (let from = 0; from < count; from += 1) for (let to = 0; to < count; to += 1) if (from !== to) world.exchange(from, to);
}

describe('mergeRecord', () => {
  it('two or three notebooks that swap bundles in any order end with the same records', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }).chain((n) => fc.tuple(fc.constant(n), steps(n))), ([n, script]) => {
        const world = new World(n);
        play(world, script);
        settle(world);
        for (const book of world.notebooks.slice(1)) expect(live(book)).toEqual(live(world.notebooks[0]!));
      }),
      { numRuns: 300 },
    );
  });

  it('loses no edit: each is the record, in its conflict history, or under a later edit or deletion made on top of it', () => {
    fc.assert(
      fc.property(steps(3), (script) => {
        const world = new World(3);
        play(world, script);
        settle(world);
        const accounted = new Set<string>([...world.deleted].flatMap((rev) => [...world.history(rev)]));
        for (const value of world.notebooks[0]!.values()) {
          for (const rev of world.history(value.rev)) accounted.add(rev);
          if (!isTombstone(value)) for (const version of value.conflicts ?? []) for (const rev of world.history(version.rev)) accounted.add(rev);
        }
        for (const rev of world.parents.keys()) expect(accounted.has(rev), `version ${rev} was lost`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('importing the same bundle again changes nothing', () => {
    fc.assert(
      fc.property(steps(2), (script) => {
        const world = new World(2);
        play(world, script);
        world.exchange(0, 1);
        expect(world.exchange(0, 1)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps both sides of a conflict: the newer edit wins, the other is in the conflict history', () => {
    const world = new World(2);
    world.edit(0, 'a', 'first');
    world.exchange(0, 1);
    world.edit(0, 'a', 'mine');
    world.edit(1, 'a', 'theirs, later');
    world.exchange(1, 0);
    const merged = world.notebooks[0]!.get('a') as Rec;
    expect(merged.text).toBe('theirs, later');
    expect(merged.conflicts?.map((c) => c.text)).toEqual(['mine']);
  });

  it('keeps both losers of three edits made apart: the first merge’s loser survives the merge with the third', () => {
    const world = new World(3);
    world.edit(0, 'a', 'first');
    world.exchange(0, 1);
    world.exchange(0, 2);
    world.edit(1, 'a', 'Ben’s');
    world.edit(2, 'a', 'Cai’s');
    world.edit(0, 'a', 'Ada’s, last');
    world.exchange(0, 1);
    world.exchange(1, 2);
    const merged = world.notebooks[2]!.get('a') as Rec;
    expect(merged.text).toBe('Ada’s, last');
    expect(merged.conflicts?.map((c) => c.text).sort()).toEqual(['Ben’s', 'Cai’s']);
  });

  it('keeps a record deleted on one side and edited on the other, on both sides', () => {
    const world = new World(2);
    world.edit(0, 'a', 'first');
    world.exchange(0, 1);
    world.remove(0, 'a');
    world.edit(1, 'a', 'edited');
    expect(mergeRecord(world.notebooks[1]!.get('a') as Rec, world.notebooks[0]!.get('a')!)).toEqual({ kind: 'kept' });
    expect(mergeRecord(world.notebooks[0]!.get('a')!, world.notebooks[1]!.get('a')!).kind).toBe('restored');
  });

  it('deletes a record deleted on one side and untouched on the other', () => {
    const world = new World(2);
    world.edit(0, 'a', 'first');
    world.exchange(0, 1);
    world.remove(0, 'a');
    expect(mergeRecord(world.notebooks[1]!.get('a')!, world.notebooks[0]!.get('a')!)).toEqual({ kind: 'deleted' });
    expect(mergeRecord(world.notebooks[0]!.get('a')!, world.notebooks[1]!.get('a')!)).toEqual({ kind: 'unchanged' });
  });
});

describe('mergeRecord, the same edit made apart', () => {
  it('joins the histories without a conflict, the same on both sides', () => {
    const world = new World(2);
    world.edit(0, 'a', 'first');
    world.exchange(0, 1);
    world.edit(0, 'a', 'same words');
    world.edit(1, 'a', 'same words');
    const here = mergeRecord(world.notebooks[0]!.get('a')!, world.notebooks[1]!.get('a')!);
    const there = mergeRecord(world.notebooks[1]!.get('a')!, world.notebooks[0]!.get('a')!);
    expect(here.kind).toBe('merged');
    expect(here).toEqual(there);
    expect(here.kind === 'merged' && here.record.conflicts).toEqual([]);
  });
});
