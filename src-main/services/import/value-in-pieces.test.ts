import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPiece, splitIntoPieces } from './value-in-pieces';

/** Counts the values in `value`, arrays and objects included. */
const count = (value: unknown): number =>
  typeof value !== 'object' || value === null ? 1 : 1 + (Array.isArray(value) ? value : Object.values(value)).reduce<number>((sum, inner) => sum + count(inner), 0);

function rebuilt(first: unknown, pieces: ReturnType<typeof splitIntoPieces>['pieces']): unknown {
  // Each piece crosses to the other thread on its own, as a structured clone.
  const whole = structuredClone(first);
  for (const piece of pieces) addPiece(whole, structuredClone(piece));
  return whole;
}

describe('a value sent in pieces', () => {
  it('arrives whole, whatever its shape and the size of the pieces', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
      tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('tree'), { maxLength: 50 }), fc.dictionary(fc.string(), tie('tree'), { maxKeys: 10 })),
    })).tree;
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 40 }), (data, size) => {
        const { first, pieces } = splitIntoPieces(data, size);
        expect(rebuilt(first, pieces)).toEqual(data);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps each piece near its size: a page of 8,000 table rows in pieces of 1,000 values', () => {
    const rows = Array.from({ length: 8_000 }, (_, row) => ({ type: 'row', children: Array.from({ length: 10 }, (_, cell) => ({ type: 'cell', text: `${row}:${cell}` })) }));
    const doc = { type: 'doc', children: [{ type: 'section', children: [{ type: 'table', children: rows }] }] };
    const { first, pieces } = splitIntoPieces({ title: 'Table', doc }, 1_000);
    expect(rebuilt(first, pieces)).toEqual({ title: 'Table', doc });
    // A row is 32 values: a piece stops at the first row past its budget.
    for (const value of [first, ...pieces.map((piece) => piece.items)]) expect(count(value)).toBeLessThan(1_000 + 40);
    expect(pieces.length).toBeGreaterThan(200);
  });

  it('sends a small value whole, in one piece', () => {
    const value = { title: 'Short', doc: { children: [{ text: 'one' }, { text: 'two' }] } };
    expect(splitIntoPieces(value, 1_000)).toEqual({ first: value, pieces: [] });
  });

  it('refuses a piece that does not fit where it says it goes', () => {
    expect(() => addPiece({ list: [1, 2] }, { path: ['list'], at: 1, items: [3] })).toThrow(/does not fit at list/);
  });
});
