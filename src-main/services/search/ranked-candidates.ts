/**
 * A query's candidates taken best first (falling score, then document order), one heap per kind
 * of record: a kind whose results are all shown is dropped whole, so a common word that matches
 * sixty thousand highlights orders the twenty shown instead of every one of them.
 */

/**
 * The candidates holding every word, by slot: their document, score, kind and whether the title
 * holds every word; `order` is room for the heaps. Arrays of a capacity, filled up to `n`.
 */
export interface Kept {
  docs: Int32Array;
  scores: Float64Array;
  groups: Uint8Array;
  inTitle: Uint8Array;
  order: Int32Array;
  n: number;
}

/** Room for `capacity` candidates. */
export function keptArrays(capacity: number): Kept {
  return { docs: new Int32Array(capacity), scores: new Float64Array(capacity), groups: new Uint8Array(capacity), inTitle: new Uint8Array(capacity), order: new Int32Array(capacity), n: 0 };
}

interface Heap {
  order: Int32Array;
  size: number;
}

export class RankedCandidates<T> {
  readonly #kept: Kept;
  readonly #heaps: Heap[];
  readonly #take: (slot: number) => T | null;

  /** `take` describes a slot, or answers null to skip it (a filter); `groups` is the number of kinds. */
  constructor(kept: Kept, groups: number, take: (slot: number) => T | null) {
    this.#kept = kept;
    this.#take = take;
    const sizes = new Int32Array(groups);
    for (let slot = 0; slot < kept.n; slot += 1) sizes[kept.groups[slot]!]! += 1;
    let at = 0;
    this.#heaps = Array.from(sizes, (size) => ({ order: kept.order.subarray(at, (at += size)), size: 0 }));
    for (let slot = 0; slot < kept.n; slot += 1) {
      const heap = this.#heaps[kept.groups[slot]!]!;
      heap.order[heap.size++] = slot;
    }
    for (const heap of this.#heaps) for (let i = (heap.size >> 1) - 1; i >= 0; i -= 1) this.#sink(heap, i);
  }

  /** The next candidate of the kinds not finished, or undefined when there is none. */
  next(): T | undefined {
    for (;;) {
      let best: Heap | null = null;
      for (const heap of this.#heaps) if (heap.size > 0 && (!best || this.#before(heap.order[0]!, best.order[0]!))) best = heap;
      if (!best) return undefined;
      const slot = best.order[0]!;
      best.order[0] = best.order[--best.size]!;
      this.#sink(best, 0);
      const taken = this.#take(slot);
      if (taken !== null) return taken;
    }
  }

  /** Drops the rest of a kind's candidates. */
  finish(group: number): void {
    const heap = this.#heaps[group];
    if (heap) heap.size = 0;
  }

  #before(a: number, b: number): boolean {
    const { scores, docs } = this.#kept;
    return scores[a]! > scores[b]! || (scores[a] === scores[b] && docs[a]! < docs[b]!);
  }

  #sink(heap: Heap, from: number): void {
    const { order, size } = heap;
    for (let at = from; ; ) {
      const left = 2 * at + 1;
      if (left >= size) return;
      const child = left + 1 < size && this.#before(order[left + 1]!, order[left]!) ? left + 1 : left;
      if (!this.#before(order[child]!, order[at]!)) return;
      const swap = order[at]!;
      order[at] = order[child]!;
      order[child] = swap;
      at = child;
    }
  }
}
