/**
 * Note bodies in the history log: a step stores the span that changed, and reading it back
 * gives exactly the texts that were recorded, whatever the edit.
 */
import { describe, expect, it } from 'vitest';
import { applyPatch, decodeList, encodeList, textPatch } from './history-note-bodies';
import type { HistoryEntry } from './notebook-files';

const paragraph = 'The committee met twice in March. Its report, published in April, found no evidence of the claimed effect. ';
const long = paragraph.repeat(200);

describe('textPatch', () => {
  it.each([
    ['typing at the end', long, `${long}And then`],
    ['deleting at the start', long, long.slice(12)],
    ['replacing in the middle', long, `${long.slice(0, 5000)}the panel${long.slice(5013)}`],
    ['a repeated letter added inside a run', 'aaaa', 'aaaaa'],
    ['a repeated letter removed inside a run', 'abbba', 'abba'],
    ['from empty', '', 'New note'],
    ['to empty', 'Old note', ''],
    ['no change', long, long],
    ['astral characters', 'note 📝 one', 'note 📝📝 one'],
  ])('%s: applying the patch gives the text after', (_, before, after) => {
    const patch = textPatch(before, after);
    expect(applyPatch(before, patch)).toBe(after);
    expect(patch.put.length).toBeLessThanOrEqual(Math.max(after.length - before.length, 0) + 16);
  });
});

const note = (body: string, n: number) => ({
  id: 'note_abcdefgh1',
  title: 'Reading notes',
  tags: [],
  links: [],
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: `2026-11-30T10:00:${String(n).padStart(2, '0')}.000Z`,
  body,
});

const edit = (n: number, before: string, after: string): HistoryEntry => ({
  label: `Edit ${n}`,
  at: '2026-11-30T10:00:00.000Z',
  changes: [{ kind: 'note', noteId: 'note_abcdefgh1', before: note(before, n), after: note(after, n + 1) }],
});

describe('a list of note edits', () => {
  it('is stored in proportion to each edit and reads back exactly', () => {
    const bodies = Array.from({ length: 10 }, (_, i) => `${long.slice(0, 9000 + i * 7)} draft ${i} ${long.slice(9000)}`);
    const entries = bodies.slice(1).map((body, i) => edit(i, bodies[i]!, body));
    const { stored } = encodeList(entries);
    const sizes = stored.map((line) => JSON.stringify(line).length);
    // The first step holds its body before in full; the others refer to it and patch it.
    expect(sizes[0]).toBeGreaterThan(long.length);
    for (const size of sizes.slice(1)) expect(size).toBeLessThan(800);
    expect(decodeList(JSON.parse(JSON.stringify(stored)), (e) => e)).toEqual(entries);
  });

  it('leaves out a step whose referred body is not in the list, and keeps the rest', () => {
    const entries = [edit(1, long, `${long}!`), edit(2, `${long}!`, `${long}!!`), edit(3, 'short', 'shorter')];
    const { stored } = encodeList(entries);
    expect(decodeList(stored.slice(1) as never, (e) => e)).toEqual([entries[2]]);
  });

  it('stores a created or deleted note in full', () => {
    const entries: HistoryEntry[] = [
      { label: 'New note', at: '2026-11-30T10:00:00.000Z', changes: [{ kind: 'note', noteId: 'note_abcdefgh1', before: null, after: note(long, 1) }] },
      { label: 'Delete note', at: '2026-11-30T10:00:00.000Z', changes: [{ kind: 'note', noteId: 'note_abcdefgh1', before: note(long, 1), after: null }] },
    ];
    const { stored } = encodeList(entries);
    expect(JSON.stringify(stored[1]).length).toBeLessThan(600);
    expect(decodeList(JSON.parse(JSON.stringify(stored)), (e) => e)).toEqual(entries);
  });
});
