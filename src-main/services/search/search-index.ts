/**
 * The notebook's search index: every record's terms in one inverted index, its metadata for
 * filters and results, and a BM25 ranking in which a title holding every word ranks above
 * body text. Article bodies are given to `put` to be counted, and are not kept.
 */
import { z } from 'zod';
import type { SearchFilters } from '../../common/search-schema';
import { InvertedIndex } from './inverted-index';
import type { ParsedQuery } from './parse-query';
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
const headerSchema = z.object({ metas: z.array(docMetaSchema), extra: z.unknown() });
const B = 0.75;

export interface Candidate {
  meta: DocMeta;
  score: number;
  /** Every word is in its title. */
  inTitle: boolean;
}

export class SearchIndex {
  readonly #index: InvertedIndex;
  readonly #metas = new Map<string, DocMeta>();
  /** Scratch for `rank`: document -> candidate slot + 1 (0: not a candidate). */
  #slotOf = new Int32Array(0);

  constructor(index = new InvertedIndex(), metas: Iterable<DocMeta> = []) {
    this.#index = index;
    for (const meta of metas) this.#metas.set(meta.id, meta);
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
    this.#index.put(meta.id, counts, length);
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
   * them lazily: a query that shows the best few does not sort thousands.
   */
  rank(query: ParsedQuery, filters: SearchFilters = {}): Iterable<Candidate> {
    const words = query.words.slice(0, 250);
    if (words.length === 0) return [];
    const index = this.#index;
    const total = Math.max(1, index.size);
    const average = index.averageLength;
    const byRarity = words
      .map((word) => {
        const terms = word.prefix ? index.termsWithPrefix(word.term, PREFIX_EXPANSION) : [word.term];
        return { word, terms, frequency: terms.reduce((n, term) => n + index.frequency(term), 0) };
      })
      .sort((a, b) => a.frequency - b.frequency);
    // Per candidate: its document, its score, how many words it has matched (in `byRarity`
    // order) and how many of them its title holds. `slotOf` maps a document to its candidate
    // (plus one); it is kept between queries and only the entries used are cleared.
    if (this.#slotOf.length < index.capacity) this.#slotOf = new Int32Array(Math.max(1024, index.capacity * 2));
    const slotOf = this.#slotOf;
    const docs: number[] = [];
    const scores: number[] = [];
    const matched: number[] = [];
    const titled: number[] = [];
    try {
      byRarity.forEach(({ word, terms }, w) => {
        for (const term of terms) {
          const weight = term === word.term ? 1 : PREFIX_WEIGHT;
          const df = index.frequency(term);
          const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
          index.forEachPosting(term, (doc, tf) => {
            let slot = slotOf[doc]! - 1;
            if (slot < 0) {
              if (w > 0) return;
              slot = docs.push(doc) - 1;
              slotOf[doc] = slot + 1;
              scores.push(0);
              matched.push(0);
              titled.push(0);
            }
            const seen = matched[slot]!;
            if (seen !== w && seen !== w + 1) return;
            matched[slot] = w + 1;
            const norm = 1 - B + (B * index.lengthOf(doc)) / average;
            scores[slot]! += (weight * idf * (tf * (K1 + 1))) / (tf + K1 * norm);
          });
          index.forEachPosting(TITLE + term, (doc) => {
            const slot = slotOf[doc]! - 1;
            if (slot >= 0 && titled[slot] === w) titled[slot] = w + 1;
          });
        }
      });
    } finally {
      for (const doc of docs) slotOf[doc] = 0;
    }
    const kept: number[] = [];
    docs.forEach((_, slot) => {
      if (matched[slot] !== words.length) return;
      if (titled[slot] === words.length) scores[slot]! += TITLE_BONUS;
      kept.push(slot);
    });
    return this.#bestFirst(kept, docs, scores, (slot) => titled[slot] === words.length, filters);
  }

  /** Candidates by falling score (then by document), described and filtered as they are taken: a heap. */
  *#bestFirst(order: number[], docs: number[], scores: number[], inTitle: (slot: number) => boolean, filters: SearchFilters): Generator<Candidate> {
    const lookup = (id: string) => this.#metas.get(id);
    const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && docs[a]! < docs[b]!);
    const sink = (from: number, size: number) => {
      for (let at = from; ; ) {
        const left = 2 * at + 1;
        if (left >= size) return;
        const child = left + 1 < size && before(order[left + 1]!, order[left]!) ? left + 1 : left;
        if (!before(order[child]!, order[at]!)) return;
        [order[at], order[child]] = [order[child]!, order[at]!];
        at = child;
      }
    };
    for (let i = (order.length >> 1) - 1; i >= 0; i -= 1) sink(i, order.length);
    for (let size = order.length; size > 0; size -= 1) {
      const slot = order[0]!;
      order[0] = order[size - 1]!;
      sink(0, size - 1);
      const meta = this.#metas.get(this.#index.keyOf(docs[slot]!)!);
      if (meta && passesFilters(meta, filters, lookup)) yield { meta, score: scores[slot]!, inTitle: inTitle(slot) };
    }
  }

  /**
   * The index as it is now, as chunks of bytes to save while it keeps changing (see
   * `InvertedIndex.snapshot`): an 8-byte preamble, the metadata and `extra` as JSON padded to
   * 4 bytes, then the inverted index.
   */
  snapshot(extra: unknown): () => Generator<Uint8Array> {
    const postings = this.#index.snapshot();
    const header = new TextEncoder().encode(JSON.stringify({ metas: [...this.#metas.values()], extra }));
    const padded = Math.ceil(header.length / 4) * 4;
    return function* chunks() {
      const head = new Uint8Array(8 + padded);
      new DataView(head.buffer).setUint32(0, header.length, true);
      new DataView(head.buffer).setUint32(4, postings.byteLength, true);
      head.set(header, 8);
      yield head;
      yield* postings.chunks();
    };
  }

  /** The whole snapshot in one array (for tests and the bench). */
  serialize(extra: unknown): Uint8Array {
    const chunks = [...this.snapshot(extra)()];
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
    if (bytes.byteLength < 8) throw new Error('the index file is truncated');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.getUint32(0, true);
    const postingsLength = view.getUint32(4, true);
    const padded = Math.ceil(headerLength / 4) * 4;
    if (8 + padded + postingsLength !== bytes.byteLength) throw new Error('the index file has the wrong size');
    const header = headerSchema.parse(JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))));
    const postings = InvertedIndex.deserialize(bytes.subarray(8 + padded));
    if (postings.size !== header.metas.length || header.metas.some((m) => postings.docOf(m.id) === undefined)) {
      throw new Error('the index file does not agree with itself');
    }
    return { index: new SearchIndex(postings, header.metas), extra: header.extra };
  }
}
