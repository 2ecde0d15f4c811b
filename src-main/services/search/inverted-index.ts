/**
 * A compact inverted index: term -> postings, each posting one 32-bit number packing the
 * document number (high 24 bits) and the term's count in it (low 8 bits, saturating). No
 * positions and no document bodies are stored: phrases and snippets are checked against the
 * text of the few candidates a query ranks highest, which keeps the index small (see the
 * search bench for the figures that chose this over MiniSearch and FlexSearch).
 *
 * Documents are replaced by key. A replaced or removed document is only marked dead; its
 * postings are dropped the next time the index compacts (when a quarter is dead) or is saved.
 */

/** A term found in a single document is stored as its bare posting (most terms are). */
type Postings = number | { list: Uint32Array; n: number };

const MAX_DOCS = 1 << 24;
const TF_MAX = 255;
/** Postings per chunk of a saved index (1 MiB). */
const CHUNK = 1 << 18;
const EMPTY = new Uint32Array(0);

export interface Posting {
  doc: number;
  tf: number;
}

export class InvertedIndex {
  #terms = new Map<string, Postings>();
  /** Terms in sorted order, for prefix search; new terms wait in `#recent` until merged. */
  #sorted: string[] = [];
  #recent: string[] = [];
  #keys: (string | undefined)[] = [];
  #lengths = new Uint32Array(1024);
  /** A small number per document chosen by the caller (what kind of record it is), not saved. */
  #groups = new Uint8Array(1024);
  #byKey = new Map<string, number>();
  #dead = 0;
  #totalLength = 0;
  /** Increases with every compaction, which renumbers documents under a snapshot being read. */
  #epoch = 0;

  /** Documents currently in the index. */
  get size(): number {
    return this.#byKey.size;
  }

  /** Mean length (in tokens) of the live documents. */
  get averageLength(): number {
    return this.size === 0 ? 1 : this.#totalLength / this.size;
  }

  /** One more than the highest document number in use (dead ones included). */
  get capacity(): number {
    return this.#keys.length;
  }

  /** The live document number of a key, if indexed. */
  docOf(key: string): number | undefined {
    return this.#byKey.get(key);
  }

  keyOf(doc: number): string | undefined {
    return this.#keys[doc];
  }

  lengthOf(doc: number): number {
    return this.#lengths[doc] ?? 0;
  }

  groupOf(doc: number): number {
    return this.#groups[doc] ?? 0;
  }

  /** Sets a document's group (for an index read back from bytes, which do not hold them). */
  setGroup(key: string, group: number): void {
    const doc = this.#byKey.get(key);
    if (doc !== undefined) this.#groups[doc] = group;
  }

  /** Adds (or replaces) a document given the count of each of its terms. */
  put(key: string, counts: ReadonlyMap<string, number>, length: number, group = 0): number {
    this.remove(key);
    if (this.#keys.length >= MAX_DOCS) this.compact();
    const doc = this.#keys.length;
    this.#keys.push(key);
    if (doc >= this.#lengths.length) {
      const grown = new Uint32Array(this.#lengths.length * 2);
      grown.set(this.#lengths);
      this.#lengths = grown;
      const groups = new Uint8Array(grown.length);
      groups.set(this.#groups);
      this.#groups = groups;
    }
    this.#lengths[doc] = length;
    this.#groups[doc] = group;
    this.#totalLength += length;
    this.#byKey.set(key, doc);
    for (const [term, count] of counts) this.#append(term, doc * 256 + Math.min(count, TF_MAX));
    return doc;
  }

  remove(key: string): void {
    const doc = this.#byKey.get(key);
    if (doc === undefined) return;
    this.#byKey.delete(key);
    this.#keys[doc] = undefined;
    this.#totalLength -= this.#lengths[doc]!;
    this.#dead += 1;
    if (this.#dead > 1000 && this.#dead * 4 > this.#keys.length) this.compact();
  }

  #append(term: string, posting: number): void {
    const postings = this.#terms.get(term);
    if (postings === undefined) {
      this.#terms.set(term, posting);
      this.#recent.push(term);
    } else if (typeof postings === 'number') {
      const list = new Uint32Array(4);
      list[0] = postings;
      list[1] = posting;
      this.#terms.set(term, { list, n: 2 });
    } else {
      if (postings.n === postings.list.length) {
        const grown = new Uint32Array(postings.n * 2);
        grown.set(postings.list);
        postings.list = grown;
      }
      postings.list[postings.n++] = posting;
    }
  }

  /** Number of live documents holding `term` (an upper bound until the next compaction). */
  frequency(term: string): number {
    const postings = this.#terms.get(term);
    if (postings === undefined) return 0;
    return typeof postings === 'number' ? 1 : postings.n;
  }

  /**
   * The postings of `term` as they are stored (document << 8 | count, in document order), dead
   * documents included (check `isLive`): for loops too hot for a callback per posting. A view,
   * valid until the next change to the index.
   */
  postings(term: string): Uint32Array {
    const postings = this.#terms.get(term);
    if (postings === undefined) return EMPTY;
    return typeof postings === 'number' ? Uint32Array.of(postings) : postings.list.subarray(0, postings.n);
  }

  isLive(doc: number): boolean {
    return this.#keys[doc] !== undefined;
  }

  /** Calls `visit` for each live document holding `term`, in document order. */
  forEachPosting(term: string, visit: (doc: number, tf: number) => void): void {
    const postings = this.#terms.get(term);
    if (postings === undefined) return;
    if (typeof postings === 'number') {
      const doc = postings >>> 8;
      if (this.#keys[doc] !== undefined) visit(doc, postings & TF_MAX);
      return;
    }
    const { list, n } = postings;
    for (let i = 0; i < n; i += 1) {
      const posting = list[i]!;
      const doc = posting >>> 8;
      if (this.#keys[doc] !== undefined) visit(doc, posting & TF_MAX);
    }
  }

  /** Terms that start with `prefix`, the most frequent first, at most `limit` of them. */
  termsWithPrefix(prefix: string, limit: number): string[] {
    if (this.#recent.length > 0) this.#mergeRecent();
    const found: string[] = [];
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#sorted[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.#sorted.length && this.#sorted[i]!.startsWith(prefix); i += 1) found.push(this.#sorted[i]!);
    if (found.length <= limit) return found;
    return found.sort((a, b) => this.frequency(b) - this.frequency(a)).slice(0, limit);
  }

  #mergeRecent(): void {
    const recent = this.#recent.sort();
    const merged: string[] = new Array(this.#sorted.length + recent.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.#sorted.length && j < recent.length) merged[k++] = this.#sorted[i]! < recent[j]! ? this.#sorted[i++]! : recent[j++]!;
    while (i < this.#sorted.length) merged[k++] = this.#sorted[i++]!;
    while (j < recent.length) merged[k++] = recent[j++]!;
    this.#sorted = merged;
    this.#recent = [];
  }

  /** Drops dead documents and renumbers the live ones (keys are unchanged). */
  compact(): void {
    this.#epoch += 1;
    const renumber = new Int32Array(this.#keys.length).fill(-1);
    const keys: string[] = [];
    const lengths = new Uint32Array(Math.max(1024, this.#byKey.size * 2));
    const groups = new Uint8Array(lengths.length);
    for (let doc = 0; doc < this.#keys.length; doc += 1) {
      const key = this.#keys[doc];
      if (key === undefined) continue;
      renumber[doc] = keys.length;
      lengths[keys.length] = this.#lengths[doc]!;
      groups[keys.length] = this.#groups[doc]!;
      this.#byKey.set(key, keys.length);
      keys.push(key);
    }
    const terms = new Map<string, Postings>();
    for (const [term, postings] of this.#terms) {
      const kept = this.#livePostings(postings, renumber);
      if (kept.length === 1) terms.set(term, kept[0]!);
      else if (kept.length > 1) terms.set(term, { list: kept, n: kept.length });
    }
    this.#terms = terms;
    this.#sorted = [...terms.keys()].sort();
    this.#recent = [];
    this.#keys = keys;
    this.#lengths = lengths;
    this.#groups = groups;
    this.#dead = 0;
  }

  #livePostings(postings: Postings, renumber: Int32Array): Uint32Array {
    const list = typeof postings === 'number' ? Uint32Array.of(postings) : postings.list.subarray(0, postings.n);
    const out = new Uint32Array(list.length);
    let n = 0;
    for (const posting of list) {
      const doc = renumber[posting >>> 8]!;
      if (doc >= 0) out[n++] = doc * 256 + (posting & TF_MAX);
    }
    return n === out.length ? out : out.slice(0, n);
  }

  /**
   * The index as it is now, to be saved while it keeps changing: its size in bytes, and the
   * bytes in chunks produced on demand. Cheap to take: posting lists only grow at their ends
   * and keys are copied, so later changes do not touch what the snapshot covers. A compaction
   * (which renumbers everything) while it is read makes the read fail, and the save is tried
   * again later. Dead documents are saved as null keys and dropped at the next compaction.
   *
   * Layout: a 16-byte preamble (header length, documents, terms, postings), the JSON header
   * (keys, terms) padded to 4 bytes, then document lengths, per-term counts and postings.
   */
  snapshot(): { byteLength: number; chunks: () => Generator<Uint8Array> } {
    if (this.#recent.length > 0) this.#mergeRecent();
    const terms = this.#sorted;
    const counts = new Uint32Array(terms.length);
    let total = 0;
    terms.forEach((term, i) => {
      counts[i] = this.frequency(term);
      total += counts[i]!;
    });
    const keys = this.#keys.map((key) => key ?? null);
    const lengths = this.#lengths.slice(0, keys.length);
    const header = new TextEncoder().encode(JSON.stringify({ keys, terms }));
    const headerPadded = Math.ceil(header.length / 4) * 4;
    const byteLength = 16 + headerPadded + (lengths.length + counts.length + total) * 4;
    const head = new Uint8Array(16 + headerPadded);
    new Uint32Array(head.buffer, 0, 4).set([header.length, lengths.length, counts.length, total]);
    head.set(header, 16);
    const epoch = this.#epoch;
    return { byteLength, chunks: () => this.#chunks(epoch, head, lengths, terms, counts) };
  }

  *#chunks(epoch: number, head: Uint8Array, lengths: Uint32Array, terms: readonly string[], counts: Uint32Array): Generator<Uint8Array> {
    const unchanged = () => {
      if (this.#epoch !== epoch) throw new Error('the index was compacted while it was being saved; it will be saved again');
    };
    yield head;
    yield new Uint8Array(lengths.buffer, 0, lengths.byteLength);
    yield new Uint8Array(counts.buffer);
    let chunk = new Uint32Array(CHUNK);
    let at = 0;
    for (let i = 0; i < terms.length; i += 1) {
      unchanged();
      const postings = this.#terms.get(terms[i]!)!;
      const list = typeof postings === 'number' ? Uint32Array.of(postings) : postings.list.subarray(0, counts[i]);
      for (let from = 0; from < list.length; ) {
        const take = Math.min(list.length - from, CHUNK - at);
        chunk.set(list.subarray(from, from + take), at);
        at += take;
        from += take;
        if (at === CHUNK) {
          yield new Uint8Array(chunk.buffer);
          chunk = new Uint32Array(CHUNK);
          at = 0;
        }
      }
    }
    unchanged();
    if (at > 0) yield new Uint8Array(chunk.buffer, 0, at * 4);
  }

  /** The whole snapshot in one array (for tests and the bench). */
  serialize(): Uint8Array {
    const { byteLength, chunks } = this.snapshot();
    const bytes = new Uint8Array(byteLength);
    let offset = 0;
    for (const chunk of chunks()) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  }

  /** Reads what `serialize` wrote; throws on bytes that do not hold an index. */
  static deserialize(bytes: Uint8Array): InvertedIndex {
    if (bytes.byteLength < 16) throw new Error('the index file is truncated');
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
    const [headerLength, docCount, termCount, postingCount] = new Uint32Array(aligned.buffer, aligned.byteOffset, 4);
    const headerPadded = Math.ceil(headerLength! / 4) * 4;
    const expected = 16 + headerPadded + (docCount! + termCount! + postingCount!) * 4;
    if (aligned.byteLength !== expected) throw new Error('the index file has the wrong size');
    const header = JSON.parse(new TextDecoder().decode(aligned.subarray(16, 16 + headerLength!))) as { keys: (string | null)[]; terms: string[] };
    if (header.keys.length !== docCount || header.terms.length !== termCount) throw new Error('the index file does not agree with itself');
    let offset = aligned.byteOffset + 16 + headerPadded;
    const lengths = new Uint32Array(aligned.buffer, offset, docCount);
    offset += docCount! * 4;
    const counts = new Uint32Array(aligned.buffer, offset, termCount);
    offset += termCount! * 4;
    // One copy of every posting, which the terms' lists view: the file's bytes (header and all)
    // can go, and a large index costs one allocation instead of one per term. A list that grows
    // later gets an array of its own (a view is exactly full), so views never touch a neighbour.
    const postings = new Uint32Array(aligned.buffer, offset, postingCount).slice();

    const index = new InvertedIndex();
    index.#keys = header.keys.map((key) => key ?? undefined);
    index.#lengths = new Uint32Array(Math.max(1024, docCount! * 2));
    index.#lengths.set(lengths);
    index.#groups = new Uint8Array(index.#lengths.length);
    header.keys.forEach((key, doc) => {
      if (key === null) {
        index.#dead += 1;
        return;
      }
      if (typeof key !== 'string' || index.#byKey.has(key)) throw new Error('the index file has a bad document key');
      index.#byKey.set(key, doc);
      index.#totalLength += lengths[doc]!;
    });
    let at = 0;
    header.terms.forEach((term, i) => {
      const n = counts[i]!;
      const list = postings.subarray(at, at + n);
      at += n;
      if (list.some((p) => p >>> 8 >= docCount!)) throw new Error('the index file points past its documents');
      index.#terms.set(term, n === 1 ? list[0]! : { list, n });
    });
    if (at !== postingCount) throw new Error('the index file does not agree with itself');
    index.#sorted = header.terms;
    return index;
  }
}
