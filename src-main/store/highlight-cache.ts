/**
 * The highlight index as the store uses it: not read when the notebook opens, loaded on first
 * use (from highlights.index, or rebuilt from the article files when that is missing or
 * damaged). Changes made before it is loaded — replayed from the journal, reconciled on open,
 * or new — wait in order and are applied once it is, so the first reader sees them all.
 */
import type { HighlightIndex} from './highlight-index';
import { timeSlices } from './event-loop-turns';
import { loadHighlightIndex, type ArticleHighlights } from './highlight-index';

export interface HighlightCache {
  /** Records what an article now holds (null: it is gone). */
  apply(articleId: string, highlights: ArticleHighlights | null): void;
  /** The index, loading it on first call. */
  loaded(): Promise<HighlightIndex>;
  /** Whether `loaded()` has finished (for the store's "is it cheap now" decisions and tests). */
  readonly isLoaded: boolean;
  /** Writes the index (loading it first if needed). */
  save(): Promise<void>;
}

export interface HighlightCacheOptions {
  path: string;
  /** An index already built (a notebook from before highlights.index carried it in notebook.json). */
  adopted?: HighlightIndex;
  /** Builds the index from the article files. */
  rebuild: () => Promise<HighlightIndex>;
  /** Called after a rebuild, so the store writes the rebuilt index instead of building it again next time. */
  rebuilt: () => void;
}

export function highlightCache({ path, adopted, rebuild, rebuilt }: HighlightCacheOptions): HighlightCache {
  let index = adopted;
  let loading: Promise<HighlightIndex> | undefined;
  const waiting: [string, ArticleHighlights | null][] = [];

  const load = async (): Promise<HighlightIndex> => {
    let read = await loadHighlightIndex(path);
    const wasRebuilt = read === null;
    read ??= await rebuild();
    // Changes made while the file was read, in order; more may arrive while this yields.
    const turn = timeSlices();
    for (let at = 0; at < waiting.length; at += 1) {
      const [articleId, highlights] = waiting[at]!;
      read.set(articleId, highlights);
      await turn();
    }
    waiting.length = 0;
    index = read;
    if (wasRebuilt) rebuilt();
    return read;
  };

  return {
    apply(articleId, highlights) {
      if (index) index.set(articleId, highlights);
      else waiting.push([articleId, highlights]);
    },
    loaded() {
      if (index) return Promise.resolve(index);
      loading ??= load().finally(() => (loading = undefined));
      return loading;
    },
    get isLoaded() {
      return index !== undefined;
    },
    async save() {
      await (await this.loaded()).save(path);
    },
  };
}
