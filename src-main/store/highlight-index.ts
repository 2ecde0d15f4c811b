/**
 * Which article holds each highlight, and the tags of the tagged ones: a cache derived from the
 * article files, kept per article. At 50,000 articles it is ~500,000 highlight ids — two thirds
 * of what notebook.json held, and of the time spent parsing it on every open, although the
 * library's first rows need none of it (their counts are in notebook.json). So it lives in its
 * own file, `highlights.index`, one JSON line per article after a header line, and is read on
 * first use in slices that give the event loop back between them.
 *
 * The file is only ever rewritten whole (atomically, when the journal is folded in). A file
 * that is missing, from another version, cut short or damaged reads as `null`: the store then
 * rebuilds the cache from the article files, the truth.
 */
import { readFile } from 'node:fs/promises';
import type { Annotation } from '../common/model';
import { writeFileAtomic } from './atomic-file';
import { timeSlices } from './event-loop-turns';

export const HIGHLIGHT_INDEX_FILE = 'highlights.index';
const FORMAT = 'marginalia-highlights/1';

/** One article's highlights: every annotation id, and the tags of those that have tags. */
export interface ArticleHighlights {
  annotations: string[];
  tagged: Record<string, string[]>;
}

/** What the highlight index keeps of an article's annotations: their ids, and the tags of the tagged. */
export function highlightsOf(annotations: readonly Annotation[]): ArticleHighlights {
  return {
    annotations: annotations.map((a) => a.id),
    tagged: Object.fromEntries(annotations.filter((a) => a.tags.length > 0).map((a) => [a.id, [...a.tags]])),
  };
}

export class HighlightIndex {
  readonly #byArticle = new Map<string, ArticleHighlights>();
  readonly #holders = new Map<string, string>();
  /**
   * How many highlights carry each tag, kept with every change: counting the 40,000 tagged
   * highlights of a 10,000-article notebook for each `listTags` took 50–190 ms with its garbage.
   */
  readonly #tagCounts = new Map<string, number>();

  /** Sets (or with null removes) what an article holds; the index keeps `highlights` as given. */
  set(articleId: string, highlights: ArticleHighlights | null): void {
    const before = this.#byArticle.get(articleId);
    for (const id of before?.annotations ?? []) {
      if (this.#holders.get(id) === articleId) this.#holders.delete(id);
    }
    if (before) this.#count(before, -1);
    if (highlights === null) {
      this.#byArticle.delete(articleId);
      return;
    }
    this.#byArticle.set(articleId, highlights);
    for (const id of highlights.annotations) this.#holders.set(id, articleId);
    this.#count(highlights, 1);
  }

  #count({ tagged }: ArticleHighlights, by: 1 | -1): void {
    for (const tags of Object.values(tagged)) {
      for (const tag of tags) {
        const count = (this.#tagCounts.get(tag) ?? 0) + by;
        if (count > 0) this.#tagCounts.set(tag, count);
        else this.#tagCounts.delete(tag);
      }
    }
  }

  /** How many highlights carry each tag (each tag a highlight lists counts once). */
  tagCounts(): ReadonlyMap<string, number> {
    return this.#tagCounts;
  }

  /** The article that holds a highlight, if the cache knows it. */
  holder(annotationId: string): string | undefined {
    return this.#holders.get(annotationId);
  }

  /** The ids of an article's highlights (empty when it has none or is unknown). */
  idsOf(articleId: string): readonly string[] {
    return this.#byArticle.get(articleId)?.annotations ?? [];
  }

  /** The articles the cache has an entry for. */
  articleIds(): IterableIterator<string> {
    return this.#byArticle.keys();
  }

  /** Every tagged highlight with its tags and its article. */
  *tagged(): Generator<{ annotationId: string; articleId: string; tags: readonly string[] }> {
    for (const [articleId, { tagged }] of this.#byArticle) {
      for (const [annotationId, tags] of Object.entries(tagged)) yield { annotationId, articleId, tags };
    }
  }

  /**
   * Writes the whole cache to `path`, atomically, yielding to the event loop every few
   * milliseconds: at 50,000 articles writing out every line at once held the main process for
   * ~150 ms, and the window's calls waited behind it.
   */
  async save(path: string): Promise<void> {
    const lines = [JSON.stringify({ format: FORMAT, articles: this.#byArticle.size })];
    const turn = timeSlices();
    // A snapshot of the entries: the index may change while this yields.
    for (const [articleId, { annotations, tagged }] of [...this.#byArticle]) {
      lines.push(JSON.stringify([articleId, annotations, tagged]));
      await turn();
    }
    await writeFileAtomic(path, `${lines.join('\n')}\n`);
  }
}


function isArticleLine(value: unknown): value is [string, string[], Record<string, string[]>] {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [articleId, ids, tagged] = value as unknown[];
  return (
    typeof articleId === 'string' &&
    Array.isArray(ids) &&
    ids.every((id) => typeof id === 'string') &&
    typeof tagged === 'object' &&
    tagged !== null &&
    !Array.isArray(tagged) &&
    Object.values(tagged).every((tags) => Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'))
  );
}

/**
 * Reads `path` into a HighlightIndex, yielding to the event loop every few milliseconds; null
 * when there is no usable file (the caller rebuilds from the article files).
 */
export async function loadHighlightIndex(path: string): Promise<HighlightIndex | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let header: unknown;
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch {
    return null;
  }
  const { format, articles } = (header ?? {}) as { format?: unknown; articles?: unknown };
  if (format !== FORMAT || articles !== lines.length - 1) return null;

  const index = new HighlightIndex();
  const turn = timeSlices();
  for (let at = 1; at < lines.length; at += 1) {
    let value: unknown;
    try {
      value = JSON.parse(lines[at]!);
    } catch {
      return null;
    }
    if (!isArticleLine(value)) return null;
    index.set(value[0], { annotations: value[1], tagged: value[2] });
    await turn();
  }
  return index;
}
