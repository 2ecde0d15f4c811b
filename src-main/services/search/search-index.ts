/**
 * The notebook's search index: every record's terms in one inverted index, its metadata for
 * filters and results, and a BM25 ranking in which a title holding every word ranks above
 * body text. Article bodies are given to `put` to be counted, and are not kept.
 */
import { z } from '../../common/zod';
import type { SearchFilters } from '../../common/search-schema';
import { utf8Chunks } from '../../store/atomic-file';
import { InvertedIndex } from './inverted-index';
import { bytesInMemory, type SavedBytes } from './saved-bytes';
import type { ParsedQuery } from './parse-query';
import { keptArrays, RankedCandidates } from './ranked-candidates';
import { docMetaSchema, docText, passesFilters, type DocMeta } from './search-docs';
import { forEachToken } from './tokenize';

/** Title words are also indexed under this mark, so "is it in the title" is one lookup. */
const TITLE = '\u0001';
/** How many longer terms the word being typed may stand for. */
const PREFIX_EXPANSION = 64;
/** Ranks a record whose title holds every word above records with body matches only. */
const TITLE_BONUS = 20;
/** A longer word the typed prefix stands for counts a little less than the word itself. */
const PREFIX_WEIGHT = 0.8;
const K1 = 1.2;
const headerSchema = z.object({ metas: z.array(z.unknown()), extra: z.unknown() });
const B = 0.75;

export interface Candidate {
  meta: DocMeta;
  score: number;
  /** Every word is in its title. */
  inTitle: boolean;
}

/** Record kinds by group number in the inverted index, so ranking knows a document's kind without its metadata. */
const KINDS: readonly DocMeta['kind'][] = ['article', 'annotation', 'claim', 'note'];
const groupOf = (kind: DocMeta['kind']) => KINDS.indexOf(kind);

/** No candidate arrays to lend (a ranking of no candidates may use it: it writes nothing). */
const NO_SPARE = keptArrays(0);

/** A query's candidates, best first: `finish` drops the rest of a kind once enough of it is shown. */
export interface Ranking {
  next(): Candidate | undefined;
  finish(kind: DocMeta['kind']): void;
  /** Done with: its arrays serve the next query. */
  close(): void;
}

export class SearchIndex {
  readonly #index: InvertedIndex;
  readonly #metas = new Map<string, DocMeta>();
  /** Scratch for `rank`, by document (see there). */
  #score = new Float64Array(0);
  #matched = new Uint16Array(0);
  #titled = new Uint16Array(0);
  /** The candidate arrays of a closed ranking, lent to the next (see `rank`). */
  #spareKept = NO_SPARE;

  constructor(index = new InvertedIndex(), metas: Iterable<DocMeta> = []) {
    this.#index = index;
    for (const meta of metas) {
      this.#metas.set(meta.id, meta);
      index.setGroup(meta.id, groupOf(meta.kind));
    }
  }

  get size(): number {
    return this.#metas.size;
  }

  meta(id: string): DocMeta | undefined {
    return this.#metas.get(id);
  }

  metas(): IterableIterator<DocMeta> {
    return this.#metas.values();
  }

  /** Indexes a record (replacing what was indexed under its id). `body` adds text not in `meta`. */
  put(meta: DocMeta, body = ''): void {
    const counts = new Map<string, number>();
    let length = 0;
    const count = (term: string) => {
      counts.set(term, (counts.get(term) ?? 0) + 1);
      length += 1;
    };
    const { title, body: parts } = docText(meta);
    forEachToken(title, (term) => {
      count(term);
      counts.set(TITLE + term, 1);
    });
    for (const part of [...parts, body]) forEachToken(part, count);
    this.#index.put(meta.id, counts, length, groupOf(meta.kind));
    this.#metas.set(meta.id, meta);
  }

  /** Changes what is known of a record without counting its text again (tags, links). */
  replaceMeta(meta: DocMeta): void {
    if (this.#metas.has(meta.id)) this.#metas.set(meta.id, meta);
  }

  remove(id: string): void {
    this.#index.remove(id);
    this.#metas.delete(id);
  }

  /**
   * Records holding every word of the query and passing the filters, best first (ties in the
   * order they were indexed). Works only on the records holding the rarest word, and orders
   * them lazily, per kind: a query that shows the best few does not sort thousands.
   */
  rank(query: ParsedQuery, filters: SearchFilters = {}): Ranking {
    const words = query.words.slice(0, 250);
    if (words.length === 0) return { next: () => undefined, finish: () => undefined, close: () => undefined };
    const index = this.#index;
    const total = Math.max(1, index.size);
    const average = index.averageLength;
    const byRarity = words
      .map((word) => {
        const terms = word.prefix ? index.termsWithPrefix(word.term, PREFIX_EXPANSION) : [word.term];
        return { word, terms, frequency: terms.reduce((n, term) => n + index.frequency(term), 0) };
      })
      .sort((a, b) => a.frequency - b.frequency);
    // Per document, in scratch arrays kept between queries (only the entries used are cleared):
    // its score, how many words it has matched (in `byRarity` order; 0: not a candidate) and
    // how many of them its title holds. A common word visits every posting it has, so this
    // loop runs over typed arrays without a call per posting.
    if (this.#matched.length < index.capacity) this.#grow(index.capacity);
    const score = this.#score;
    const matched = this.#matched;
    const titled = this.#titled;
    const docs: number[] = [];
    try {
      byRarity.forEach(({ word, terms }, w) => {
        for (const term of terms) {
          const weight = term === word.term ? 1 : PREFIX_WEIGHT;
          const df = index.frequency(term);
          const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
          const postings = index.postings(term);
          for (let i = 0; i < postings.length; i += 1) {
            const posting = postings[i]!;
            const doc = posting >>> 8;
            if (!index.isLive(doc)) continue;
            const seen = matched[doc]!;
            if (seen === 0) {
              if (w > 0) continue;
              docs.push(doc);
            } else if (seen !== w && seen !== w + 1) continue;
            matched[doc] = w + 1;
            const tf = posting & 255;
            const norm = 1 - B + (B * index.lengthOf(doc)) / average;
            score[doc]! += (weight * idf * (tf * (K1 + 1))) / (tf + K1 * norm);
          }
          const inTitles = index.postings(TITLE + term);
          for (let i = 0; i < inTitles.length; i += 1) {
            const doc = inTitles[i]! >>> 8;
            if (index.isLive(doc) && matched[doc]! > 0 && titled[doc] === w) titled[doc] = w + 1;
          }
        }
      });
      // Arrays of a few sizes, reused: a common word keeps tens of thousands of candidates, and
      // a large array made and freed for each query moves glibc's thresholds (see `poolWords`
      // in inverted-index.ts). A ranking still being read keeps its own.
      const spare = this.#spareKept;
      const kept = spare.docs.length >= docs.length ? spare : keptArrays(Math.max(1024, 2 ** Math.ceil(Math.log2(docs.length))));
      this.#spareKept = NO_SPARE;
      kept.n = 0;
      for (const doc of docs) {
        if (matched[doc] !== words.length) continue;
        const inTitle = titled[doc] === words.length;
        kept.docs[kept.n] = doc;
        kept.scores[kept.n] = inTitle ? score[doc]! + TITLE_BONUS : score[doc]!;
        kept.inTitle[kept.n] = inTitle ? 1 : 0;
        kept.groups[kept.n] = index.groupOf(doc);
        kept.n += 1;
      }
      const lookup = (id: string) => this.#metas.get(id);
      const ranked = new RankedCandidates(kept, KINDS.length, (slot): Candidate | null => {
        const meta = this.#metas.get(index.keyOf(kept.docs[slot]!)!);
        return meta && passesFilters(meta, filters, lookup) ? { meta, score: kept.scores[slot]!, inTitle: kept.inTitle[slot] === 1 } : null;
      });
      return {
        next: () => ranked.next(),
        finish: (kind) => ranked.finish(groupOf(kind)),
        close: () => {
          if (kept.docs.length > this.#spareKept.docs.length) this.#spareKept = kept;
        },
      };
    } finally {
      for (const doc of docs) {
        score[doc] = 0;
        matched[doc] = 0;
        titled[doc] = 0;
      }
    }
  }

  #grow(capacity: number): void {
    const size = Math.max(1024, capacity * 2);
    this.#score = new Float64Array(size);
    this.#matched = new Uint16Array(size);
    this.#titled = new Uint16Array(size);
  }

  /**
   * The index as it is now, as chunks of bytes to save while it keeps changing (see
   * `InvertedIndex.snapshot`): an 8-byte preamble, the metadata and `extra` as JSON padded to
   * 4 bytes, then the inverted index.
   */
  snapshot(extra: unknown): SearchSnapshot {
    const postings = this.#index.snapshot();
    // Encoded in pieces as it is written (see `TEXT_CHUNK`).
    const header = JSON.stringify({ metas: [...this.#metas.values()], extra });
    const headerLength = Buffer.byteLength(header);
    const padded = Math.ceil(headerLength / 4) * 4;
    const index = this.#index;
    return {
      *chunks() {
        const preamble = new DataView(new ArrayBuffer(8));
        preamble.setUint32(0, headerLength, true);
        preamble.setUint32(4, postings.byteLength, true);
        yield new Uint8Array(preamble.buffer);
        yield* utf8Chunks(header);
        yield new Uint8Array(padded - headerLength);
        yield* postings.chunks();
      },
      adopt: (bytes) => index.adopt(postings, bytes, 8 + padded),
    };
  }

  /** The whole snapshot in one array (for tests and the bench). */
  serialize(extra: unknown): Uint8Array {
    // Copied: a snapshot may hand out the same array for each of its chunks.
    const chunks = Array.from(this.snapshot(extra).chunks(), (chunk) => chunk.slice());
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  }

  /** Reads what `serialize` wrote; throws when the bytes do not hold an index. */
  static deserialize(bytes: Uint8Array): { index: SearchIndex; extra: unknown } {
    return SearchIndex.open(bytesInMemory(bytes));
  }

  /**
   * Reads a saved index, its posting lists left in `bytes` (see `InvertedIndex.open`), which
   * it closes when it cannot be read. Throws when the bytes do not hold an index.
   */
  static open(bytes: SavedBytes): { index: SearchIndex; extra: unknown } {
    try {
      if (bytes.size < 8) throw new Error('the index file is truncated');
      const [headerLength, postingsLength] = bytes.readWords(0, 2);
      const padded = Math.ceil(headerLength! / 4) * 4;
      if (8 + padded + postingsLength! !== bytes.size) throw new Error('the index file has the wrong size');
      const header = headerSchema.parse(JSON.parse(bytes.readText(8, headerLength!)));
      // Each record checked, and the parsed object kept rather than the schema's copy of it: a
      // large notebook has a hundred thousand, and holding both at once doubled the peak memory.
      const metas = header.metas.map((meta) => {
        if (!docMetaSchema.safeParse(meta).success) throw new Error('the index file has a bad record');
        return meta as DocMeta;
      });
      const postings = InvertedIndex.open(bytes, 8 + padded);
      if (postings.size !== metas.length || metas.some((m) => postings.docOf(m.id) === undefined)) {
        throw new Error('the index file does not agree with itself');
      }
      return { index: new SearchIndex(postings, metas), extra: header.extra };
    } catch (error) {
      bytes.close();
      throw error;
    }
  }

  /** Stops reading the saved file. */
  close(): void {
    this.#index.close();
  }
}

/** A snapshot to save (see `InvertedIndex.snapshot`); once saved, `adopt` reads lists from the saved bytes. */
export interface SearchSnapshot {
  chunks(): Generator<Uint8Array>;
  adopt(bytes: SavedBytes): boolean;
}
