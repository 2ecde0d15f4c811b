/**
 * A large value sent between threads a piece at a time. A worker's message is copied into the
 * receiving thread in one go, before its handler runs: the article kept whole from a page of
 * 80,000 table cells (~300,000 values) held the main thread ~150 ms as it arrived. Split here,
 * each piece holds about `size` values and is taken in a turn of the event loop of its own.
 *
 * The first piece is the value with the rest of some arrays left out; each later piece puts
 * back the next items of one array, found by its path from the top, in order. Arrays are the
 * only place a value is cut: an object always arrives with all its keys.
 */

export interface Piece {
  /** Keys and indexes from the top to the array the items belong in. */
  path: (string | number)[];
  /** Where the items start in that array: its length so far. */
  at: number;
  items: unknown[];
}

/** An array whose items from `at` on are still to be sent, and where it is. */
interface Rest {
  array: readonly unknown[];
  at: number;
  where: Where;
}

/** A container's place, kept as links to its parent's: a path is spelled out only for a rest. */
type Where = { parent: Where; key: string | number } | null;

const pathOf = (where: Where): (string | number)[] => {
  const path: (string | number)[] = [];
  for (let at = where; at; at = at.parent) path.push(at.key);
  return path.reverse();
};

/**
 * Splits `value` (plain data: what structured clone copies of JSON) into a first value and the
 * pieces that complete it, each with about `size` values.
 */
export function splitIntoPieces(value: unknown, size: number): { first: unknown; pieces: Piece[] } {
  const rests: Rest[] = [];
  let budget = size;

  const copy = (inner: unknown, where: Where): unknown => {
    budget -= 1;
    if (typeof inner !== 'object' || inner === null) return inner;
    if (Array.isArray(inner)) return copyItems(inner, 0, where);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(inner)) {
      const copied = copy(item, { parent: where, key });
      // A key named __proto__ (JSON can hold one) is a key, not the object's prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true });
      else out[key] = copied;
    }
    return out;
  };

  /** The items of `array` from `at` while the budget lasts; the rest is left for a later piece. */
  const copyItems = (array: readonly unknown[], at: number, where: Where): unknown[] => {
    const out: unknown[] = [];
    let index = at;
    for (; index < array.length && budget > 0; index += 1) out.push(copy(array[index], { parent: where, key: index }));
    if (index < array.length) rests.push({ array, at: index, where });
    return out;
  };

  const first = copy(value, null);
  const pieces: Piece[] = [];
  // A rest found while copying a piece comes after it: its array has arrived by then.
  for (let next = 0; next < rests.length; next += 1) {
    const { array, at, where } = rests[next]!;
    budget = size;
    pieces.push({ path: pathOf(where), at, items: copyItems(array, at, where) });
  }
  return { first, pieces };
}

/** Puts `piece` back into `whole` (the first value, completed by the pieces before this one). */
export function addPiece(whole: unknown, piece: Piece): void {
  let target = whole;
  for (const key of piece.path) target = (target as Record<string | number, unknown>)[key];
  if (!Array.isArray(target) || target.length !== piece.at) throw new Error(`a piece of the value does not fit at ${piece.path.join('.')}`);
  for (const item of piece.items) target.push(item);
}
