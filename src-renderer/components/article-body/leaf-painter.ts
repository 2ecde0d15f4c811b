/**
 * Paints the text blocks of an article body into the elements React rendered for them (empty:
 * React owns each block's element, the painter owns what is inside it), and keeps them
 * painted:
 *
 * - A block is painted again only when its own text or highlights change, so adding one
 *   highlight to an article with 1,000 repaints the block it lands in, and selecting or
 *   flashing a highlight repaints nothing (see useMarkFocus).
 * - Painting many highlights is split so that no task holds the window for long: the blocks
 *   holding the first `FIRST_SLICE` highlight pieces are painted at once (the top of the
 *   article, where it opens), every other block shows its text at once, and its marks follow
 *   in later tasks, each painting for `SLICE_MS`. `onPainting` is told while marks are to come.
 */
import type { TextLike } from '../../../src-main/common/article-doc';
import { paintLeaf } from './paint-dom';
import { samePaint, type PaintRange } from './paint-segments';

/** Highlight pieces (a highlight in one block) painted before the browser first shows the body. */
export const FIRST_SLICE = 300;
/**
 * How long each later task paints marks: about a frame. By time, not by count: 300 pieces a task
 * took three tasks and as many frames for the 1,000-highlight article where one or two do. Over
 * 20 opens each (clicked as the bench does, alternating builds), click-to-painted had a median
 * of ~324 ms with 300 pieces a task and ~290 ms with 30 ms; in a calmer hour, ~250 ms with 30 ms
 * and ~229 ms with 16 ms, whose longest tasks were also the shortest (67 against 75 ms).
 */
export const SLICE_MS = 16;

export interface LeafPaint {
  leaf: TextLike;
  /** Its highlights, in offsets of its own text, sorted by `compareRanges`. */
  ranges: readonly PaintRange[];
}

export interface PainterEvents {
  /** True while some blocks still wait for their marks, false once all are painted. */
  onPainting?: (painting: boolean) => void;
  /** After each batch of blocks is painted: their marks are new elements. */
  onPainted?: () => void;
}

type RefCallback = (element: Element | null) => void;

interface Job extends LeafPaint {
  element: Element;
}

const NO_RANGES: readonly PaintRange[] = [];

export class LeafPainter {
  private readonly elements = new Map<TextLike, Element>();
  /** What each element shows now, so only what changed is painted again. */
  private readonly shown = new WeakMap<Element, LeafPaint>();
  private readonly refs = new WeakMap<TextLike, RefCallback>();
  private events: PainterEvents = {};

  /** `now`: the clock slices are timed by (tests pass their own). */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The ref that hands `leaf`'s element to the painter; the same callback for the same leaf. */
  ref(leaf: TextLike): RefCallback {
    let callback = this.refs.get(leaf);
    if (!callback) {
      callback = (element) => {
        if (element) this.elements.set(leaf, element);
        else this.elements.delete(leaf);
      };
      this.refs.set(leaf, callback);
    }
    return callback;
  }

  setEvents(events: PainterEvents): void {
    this.events = events;
  }

  /**
   * Brings every registered element up to date with `leaves` (in document order): the first
   * slice now, the rest in later tasks. Answers a function that stops the later tasks (a newer
   * call takes over what is left, as it finds what is still unpainted).
   */
  paint(leaves: readonly LeafPaint[]): () => void {
    const waiting: Job[] = [];
    let spent = 0;
    for (const { leaf, ranges } of leaves) {
      const element = this.elements.get(leaf);
      if (!element) continue;
      const was = this.shown.get(element);
      if (was?.leaf === leaf && samePaint(was.ranges, ranges)) continue;
      if (spent < FIRST_SLICE || ranges.length === 0) {
        this.paintJob({ element, leaf, ranges });
        spent += ranges.length;
        continue;
      }
      // Its text now (the element may be new, or show another block's text); marks later.
      if (was?.leaf !== leaf) this.paintJob({ element, leaf, ranges: NO_RANGES });
      waiting.push({ element, leaf, ranges });
    }
    if (spent > 0) this.events.onPainted?.();
    if (waiting.length === 0) return () => undefined;

    this.events.onPainting?.(true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let next = 0;
    const slice = () => {
      const started = this.now();
      do this.paintJob(waiting[next++]!);
      while (next < waiting.length && this.now() - started < SLICE_MS);
      this.events.onPainted?.();
      if (next < waiting.length) timer = setTimeout(slice, 0);
      else {
        timer = undefined;
        this.events.onPainting?.(false);
      }
    };
    timer = setTimeout(slice, 0);
    return () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      this.events.onPainting?.(false);
    };
  }

  private paintJob({ element, leaf, ranges }: Job): void {
    paintLeaf(element, leaf, ranges);
    this.shown.set(element, { leaf, ranges });
  }
}
