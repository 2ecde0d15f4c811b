/**
 * A compact inverted index: term -> postings, each posting one 32-bit number packing the
 * document number (high 24 bits) and the term's count in it (low 8 bits, saturating). No
 * positions and no document bodies are stored: phrases and snippets are checked against the
 * text of the few candidates a query ranks highest, which keeps the index small (see the
 * search bench for the figures that chose this over MiniSearch and FlexSearch).
 *
 * Documents are replaced by key. A replaced or removed document is only marked dead; its
 * postings are dropped the next time the index compacts (when a quarter is dead).
 *
 * An index read back from its file (`open`), or switched to the file it was just saved to
 * (`adopt`), leaves the lists of two or more postings in the file and reads one when a query
 * asks for it (a few KB, from the page cache): at 10,000 articles that is ~70 MB not held.
 * Postings added since are kept in memory after the saved ones.
 *
 * The lists held in memory all live in one pool (a Uint32Array), not in a typed array each.
 * A first build makes millions of small lists that grow by doubling; as separate ArrayBuffers
 * each was a malloc of its own, and once the lists were saved and dropped the search thread's
 * malloc arena kept the holes: the host's RSS settled ~150 MB higher after a first build at
 * 10,000 articles than after opening the same notebook. The pool grows by copying its live
 * lists into a new, larger one; once the lists are saved, what is left is closed up in a pool of
 * the same size (see `adopt`). A large buffer is mapped memory, given back when it is freed.
 */
import { utf8Chunks } from '../../store/atomic-file';
import { bytesInMemory, type SavedBytes } from './saved-bytes';

/** Postings in memory: a bare posting for a term in a single document (most terms are), else a list. */
interface Listed {
  /** Where the list starts in the pool, the words it may fill there, and how many it holds. */
  at: number;
  cap: number;
  n: number;
}
/** A term's first `count` postings, in the saved file from posting number `start`; then `more`, added since. */
interface Saved {
  start: number;
  count: number;
  more: Listed | null;
}
type Postings = number | Listed | Saved;

const isSaved = (postings: Listed | Saved): postings is Saved => 'start' in postings;

const MAX_DOCS = 1 << 24;
const TF_MAX = 255;
/**
 * Postings per chunk of a saved index as it is written and read (64 KiB): below glibc's mmap
 * threshold, which any larger buffer freed would raise (see `poolWords`).
 */
const CHUNK = 1 << 14;
const EMPTY = new Uint32Array(0);
/** The pool's smallest size, and how much larger than its live lists it is made when it grows. */
const POOL_MIN = 1024;
const POOL_GROWTH = 1.5;
/** Pools past 128 KiB (glibc's first mmap threshold) are made 33 MiB or more (see `poolWords`). */
const POOL_SMALL = (128 << 10) / 4;
const POOL_MAPPED = (33 << 20) / 4;

/**
 * The words of a pool for `words` postings. glibc maps a buffer of 128 KiB or more, and gives
 * it back when it is freed, but freeing one raises its mmap threshold to that size (up to 32
 * MiB) and the threshold for trimming free memory off its heaps to twice that. A pool that grew
 * by steps through every size up to tens of MB, again after each save of a long build, left the
 * whole process keeping up to 64 MB free in each heap it had used: measured at 10,000 articles,
 * RSS settled at 330–430 MB after a first build, 254 MB once `malloc_trim` was called. A pool is
 * therefore small, or larger than 32 MiB, which glibc maps without changing its thresholds; the
 * pages of it never written take no memory.
 */
function poolWords(words: number): number {
  return words <= POOL_SMALL ? Math.max(POOL_MIN, words) : Math.max(POOL_MAPPED, words);
}

export interface Posting {
  doc: number;
  tf: number;
}

export class InvertedIndex {
  #terms = new Map<string, Postings>();
  /** Where `postings` reads a list from the saved file. */
  #readInto = new Uint32Array(0);
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
  /** The saved file the `Saved` lists are in, and where its postings start. */
  #file: { bytes: SavedBytes; postingsAt: number } | null = null;
  /** Every `Listed` list, at its `at`; words past `#poolUsed` are free. */
  #pool = new Uint32Array(POOL_MIN);
  #poolUsed = 0;

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
      const listed = this.#newList(4);
      this.#terms.set(term, listed);
      this.#push(listed, postings);
      this.#push(listed, posting);
    } else if (isSaved(postings)) {
      postings.more ??= this.#newList(4);
      this.#push(postings.more, posting);
    } else this.#push(postings, posting);
  }

  #newList(cap: number): Listed {
    return { at: this.#reserve(cap), cap, n: 0 };
  }

  #push(listed: Listed, posting: number): void {
    if (listed.n === listed.cap) {
      // Reserved first: making room may move every list, this one too.
      const at = this.#reserve(listed.cap * 2);
      this.#pool.copyWithin(at, listed.at, listed.at + listed.n);
      listed.at = at;
      listed.cap *= 2;
    }
    this.#pool[listed.at + listed.n++] = posting;
  }

  /** Where `words` free words start in the pool, made room for if need be. */
  #reserve(words: number): number {
    if (this.#poolUsed + words > this.#pool.length) this.#repack(words);
    const at = this.#poolUsed;
    this.#poolUsed += words;
    return at;
  }

  /** Copies the live lists, closed up, into a new pool with room for `extra` words more, of `least` words or more. */
  #repack(extra: number, least = 0): void {
    let live = 0;
    for (const listed of this.#inMemory()) live += listed.cap;
    const pool = new Uint32Array(poolWords(Math.max(least, Math.ceil((live + extra) * POOL_GROWTH))));
    let at = 0;
    for (const listed of this.#inMemory()) {
      pool.set(this.#pool.subarray(listed.at, listed.at + listed.n), at);
      listed.at = at;
      at += listed.cap;
    }
    this.#pool = pool;
    this.#poolUsed = at;
  }

  *#inMemory(): Generator<Listed> {
    for (const postings of this.#terms.values()) {
      if (typeof postings === 'number') continue;
      if (!isSaved(postings)) yield postings;
      else if (postings.more) yield postings.more;
    }
  }

  /** Number of live documents holding `term` (an upper bound until the next compaction). */
  frequency(term: string): number {
    const postings = this.#terms.get(term);
    return postings === undefined ? 0 : countOf(postings);
  }

  /** The first `n` postings of a list (all by default), read from the saved file if they are there. */
  #listOf(postings: Postings, n = countOf(postings)): Uint32Array {
    if (typeof postings === 'number') return Uint32Array.of(postings);
    if (!isSaved(postings)) return this.#pool.subarray(postings.at, postings.at + n);
    return this.#copyList(postings, 0, new Uint32Array(n));
  }

  /** Copies postings from number `from` of a list into `into` (filled), from the saved file where they are there. */
  #copyList(postings: Postings, from: number, into: Uint32Array): Uint32Array {
    const end = from + into.length;
    if (typeof postings === 'number') into[0] = postings;
    else if (!isSaved(postings)) into.set(this.#pool.subarray(postings.at + from, postings.at + end));
    else {
      const inFile = Math.max(0, Math.min(end, postings.count) - from);
      if (inFile > 0) this.#file!.bytes.readWords(this.#file!.postingsAt + (postings.start + from) * 4, inFile, into.subarray(0, inFile));
      const more = postings.more;
      if (inFile < into.length) into.set(this.#pool.subarray(more!.at + from + inFile - postings.count, more!.at + end - postings.count), inFile);
    }
    return into;
  }

  /**
   * The postings of `term` as they are stored (document << 8 | count, in document order), dead
   * documents included (check `isLive`): for loops too hot for a callback per posting. A view,
   * valid until the next call or the next change to the index: a list read from the saved file
   * is read into one array kept for the purpose (a common word's is hundreds of KB, read by
   * every query that has it; see `adopt` for why large arrays are not made afresh).
   */
  postings(term: string): Uint32Array {
    const postings = this.#terms.get(term);
    if (postings === undefined) return EMPTY;
    if (typeof postings === 'number' || !isSaved(postings)) return this.#listOf(postings);
    const n = countOf(postings);
    if (this.#readInto.length < n) this.#readInto = new Uint32Array(2 ** Math.ceil(Math.log2(n)));
    return this.#copyList(postings, 0, this.#readInto.subarray(0, n));
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
    const list = this.#listOf(postings);
    for (let i = 0; i < list.length; i += 1) {
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
    // Every live posting goes to a new pool, closed up.
    let total = 0;
    for (const postings of this.#terms.values()) total += countOf(postings);
    const pool = new Uint32Array(poolWords(total));
    let used = 0;
    const terms = new Map<string, Postings>();
    for (const [term, postings] of this.#terms) {
      const at = used;
      for (const posting of this.#listOf(postings)) {
        const doc = renumber[posting >>> 8]!;
        if (doc >= 0) pool[used++] = doc * 256 + (posting & TF_MAX);
      }
      const n = used - at;
      if (n === 1) {
        terms.set(term, pool[at]!);
        used = at;
      } else if (n > 1) terms.set(term, { at, cap: n, n });
    }
    this.#terms = terms;
    this.#pool = pool;
    this.#poolUsed = used;
    // Every list is in memory now: the saved file is used again once the index is saved.
    this.#file?.bytes.close();
    this.#file = null;
    this.#sorted = [...terms.keys()].sort();
    this.#recent = [];
    this.#keys = keys;
    this.#lengths = lengths;
    this.#groups = groups;
    this.#dead = 0;
  }

  /**
   * The index as it is now, to be saved while it keeps changing: its size in bytes, and the
   * bytes in chunks produced on demand. Cheap to take: posting lists only grow at their ends
   * and keys are copied, so later changes do not touch what the snapshot covers. A compaction
   * (which renumbers everything) while it is read makes the read fail, and the save is tried
   * again later. Dead documents are saved as null keys and dropped at the next compaction.
   * Once the bytes are in a file, `adopt` switches the index to reading its lists from there.
   *
   * Layout: a 16-byte preamble (header length, documents, terms, postings), the JSON header
   * (keys, terms) padded to 4 bytes, then document lengths, per-term counts and postings.
   */
  snapshot(): IndexSnapshot {
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
    const json = JSON.stringify({ keys, terms });
    const headerLength = Buffer.byteLength(json);
    const headerPadded = Math.ceil(headerLength / 4) * 4;
    const postingsAt = 16 + headerPadded + (lengths.length + counts.length) * 4;
    const preamble = new Uint8Array(Uint32Array.of(headerLength, lengths.length, counts.length, total).buffer);
    // The header is encoded in pieces as it is written (see `#chunks`).
    function* head() {
      yield preamble;
      yield* utf8Chunks(json);
      yield new Uint8Array(headerPadded - headerLength);
    }
    const epoch = this.#epoch;
    return {
      byteLength: postingsAt + total * 4,
      chunks: () => this.#chunks(epoch, head, lengths, terms, counts),
      [SNAPSHOT]: { epoch, terms, counts, postingsAt },
    };
  }

  /**
   * The bytes to save, in chunks; the postings go through one array, refilled for each chunk (a
   * consumer takes a chunk's bytes before asking for the next). A save allocates no buffer of
   * 128 KiB or more that it could do without (see `poolWords`).
   */
  *#chunks(epoch: number, head: () => Iterable<Uint8Array>, lengths: Uint32Array, terms: readonly string[], counts: Uint32Array): Generator<Uint8Array> {
    const unchanged = () => {
      if (this.#epoch !== epoch) throw new Error('the index was compacted while it was being saved; it will be saved again');
    };
    yield* head();
    yield new Uint8Array(lengths.buffer, 0, lengths.byteLength);
    yield new Uint8Array(counts.buffer);
    const chunk = new Uint32Array(CHUNK);
    let at = 0;
    for (let i = 0; i < terms.length; i += 1) {
      unchanged();
      const postings = this.#terms.get(terms[i]!)!;
      const count = counts[i]!;
      for (let from = 0; from < count; ) {
        const take = Math.min(count - from, CHUNK - at);
        this.#copyList(postings, from, chunk.subarray(at, at + take));
        at += take;
        from += take;
        if (at === CHUNK) {
          yield new Uint8Array(chunk.buffer);
          at = 0;
        }
      }
    }
    unchanged();
    if (at > 0) yield new Uint8Array(chunk.buffer, 0, at * 4);
  }

  /**
   * Reads lists from `bytes` from now on: they hold `snapshot` (written from `offset`) as it was
   * taken. Postings added since stay in memory after the saved ones. Answers false, and keeps
   * things as they are, when the index was compacted since (its documents were renumbered).
   */
  adopt(snapshot: IndexSnapshot, bytes: SavedBytes, offset: number): boolean {
    const { epoch, terms, counts, postingsAt } = snapshot[SNAPSHOT];
    if (epoch !== this.#epoch || bytes.size !== offset + snapshot.byteLength) {
      bytes.close();
      return false;
    }
    let start = 0;
    terms.forEach((term, i) => {
      const count = counts[i]!;
      const postings = this.#terms.get(term)!;
      // A term in one document then stays in memory, as a term read from a file does.
      if (count >= 2) this.#terms.set(term, { start, count, more: typeof postings === 'number' ? null : addedAfter(postings, count) });
      start += count;
    });
    // What is left in memory is the postings added since the snapshot: they are closed up in a
    // pool as large as before (its pages never written take no memory; see `poolWords`).
    this.#repack(0, this.#pool.length);
    this.#file?.bytes.close();
    this.#file = { bytes, postingsAt: offset + postingsAt };
    return true;
  }

  /** Stops reading the saved file (the index is no longer used). */
  close(): void {
    this.#file?.bytes.close();
    this.#file = null;
  }

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
    return InvertedIndex.open(bytesInMemory(bytes), 0);
  }

  /**
   * Reads the index saved in `bytes` from `offset`, leaving lists of two or more postings
   * there (the index keeps `bytes` open until it switches to another file or is closed).
   * Every posting is checked on the way, a megabyte at a time; throws on bytes that do not
   * hold an index.
   */
  static open(bytes: SavedBytes, offset: number): InvertedIndex {
    if (bytes.size - offset < 16) throw new Error('the index file is truncated');
    const [headerLength, docCount, termCount, postingCount] = bytes.readWords(offset, 4);
    const headerPadded = Math.ceil(headerLength! / 4) * 4;
    const postingsAt = offset + 16 + headerPadded + (docCount! + termCount!) * 4;
    if (bytes.size !== postingsAt + postingCount! * 4) throw new Error('the index file has the wrong size');
    const header = JSON.parse(bytes.readText(offset + 16, headerLength!)) as { keys: (string | null)[]; terms: string[] };
    if (header.keys.length !== docCount || header.terms.length !== termCount) throw new Error('the index file does not agree with itself');
    const lengths = bytes.readWords(offset + 16 + headerPadded, docCount);
    const counts = bytes.readWords(offset + 16 + headerPadded + docCount * 4, termCount);

    const index = new InvertedIndex();
    index.#keys = header.keys.map((key) => key ?? undefined);
    index.#lengths = new Uint32Array(Math.max(1024, docCount * 2));
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
    const postings = postingCount!;
    let term = 0;
    let start = 0;
    for (let from = 0; from < postings; from += CHUNK) {
      const chunk = bytes.readWords(postingsAt + from * 4, Math.min(CHUNK, postings - from));
      for (let i = 0; i < chunk.length; i += 1) if (chunk[i]! >>> 8 >= docCount!) throw new Error('the index file points past its documents');
      // The terms whose lists begin in this chunk: a term in one document is kept in memory.
      for (; term < termCount! && start < from + chunk.length; term += 1) {
        const count = counts[term]!;
        if (count === 0) throw new Error('the index file has a term without postings');
        index.#terms.set(header.terms[term]!, count === 1 ? chunk[start - from]! : { start, count, more: null });
        start += count;
      }
    }
    if (term !== termCount || start !== postings) throw new Error('the index file does not agree with itself');
    index.#sorted = header.terms;
    index.#file = { bytes, postingsAt };
    return index;
  }
}

const SNAPSHOT = Symbol('what adopt needs of a snapshot');

export interface IndexSnapshot {
  byteLength: number;
  chunks: () => Generator<Uint8Array>;
  [SNAPSHOT]: { epoch: number; terms: readonly string[]; counts: Uint32Array; postingsAt: number };
}

function countOf(postings: Postings): number {
  if (typeof postings === 'number') return 1;
  return isSaved(postings) ? postings.count + (postings.more?.n ?? 0) : postings.n;
}

/**
 * The postings of a list after its first `count` (those a saved file now holds), or null: the
 * rest of the same place in the pool (the pool is closed up afterwards).
 */
function addedAfter(postings: Listed | Saved, count: number): Listed | null {
  const [listed, skip] = isSaved(postings) ? [postings.more, count - postings.count] : [postings, count];
  if (!listed || listed.n <= skip) return null;
  return { at: listed.at + skip, cap: listed.cap - skip, n: listed.n - skip };
}
