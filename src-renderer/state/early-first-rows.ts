/**
 * The library's first rows, asked for before the rest of the window's code has run. At 10,000
 * articles the main side takes ~100 ms to answer them and evaluating the window's code takes
 * ~300 ms on a 2-core machine: one after the other, both stood before the first paint.
 *
 * This module is imported first by the entry, so it holds no zod and no React: the saved view
 * is sent as it was saved. The main side checks every argument and refuses one that is not a
 * view; the window then asks again with the view it settled on (see `loadFirstRows`).
 */
import type { ApiResponse } from '../../src-main/common/api';
import { initialLibraryView, type LibraryView } from '../../src-main/common/library-view-defaults';
import type { ArticleListing } from '../../src-main/common/model';
import { notebook } from '../notebook-client';

/** Rows enough to fill a tall window before the whole list has arrived. */
export const FIRST_ROWS = 100;

/** Where the window keeps the person's library view (see library-view-store.ts). */
export const LIBRARY_VIEW_KEY = 'marginalia.library-view';

let asked: { view: string; answer: Promise<ApiResponse<ArticleListing[]>>; arrived?: ArticleListing[] } | undefined;

/** The same text for the same view, whatever the order of its keys. */
const viewKey = (view: object) => JSON.stringify(view, Object.keys(view).sort());

/** The view as saved (unchecked: see above), or the default. */
function savedView(): LibraryView {
  try {
    const raw = globalThis.localStorage?.getItem(LIBRARY_VIEW_KEY);
    return raw ? (JSON.parse(raw) as LibraryView) : initialLibraryView;
  } catch {
    return initialLibraryView;
  }
}

/** Sends the request for the first rows of the saved view (the tag filter starts empty). */
export function askFirstRowsEarly(): void {
  const view = savedView();
  const request: NonNullable<typeof asked> = { view: viewKey(view), answer: notebook.listArticles({ first: { view, tag: null, limit: FIRST_ROWS } }) };
  void request.answer.then((answer) => {
    if (answer.ok) request.arrived = answer.value;
  });
  asked = request;
}

/** Settles when the early request has been answered (at once if none is out). */
export async function whenFirstRowsAnswered(): Promise<void> {
  await asked?.answer;
}

/** Whether the early rows answer the window's `view` and `tag`: only then are they used. */
const answers = (early: NonNullable<typeof asked>, view: object, tag: string | null) => tag === null && early.view === viewKey(view);

/**
 * The early rows, once, if they have already arrived for `view` with no tag filter; read without
 * waiting, so they can be listed before the window's first render.
 */
export function takeArrivedFirstRows(view: object, tag: string | null): ArticleListing[] | undefined {
  const early = asked;
  if (!early?.arrived || !answers(early, view, tag)) return undefined;
  asked = undefined;
  return early.arrived;
}

/**
 * The early answer, once, if it was asked for `view` with no tag filter and succeeded;
 * otherwise undefined, and the caller asks itself.
 */
export async function takeEarlyFirstRows(view: object, tag: string | null): Promise<ArticleListing[] | undefined> {
  const early = asked;
  asked = undefined;
  if (!early || !answers(early, view, tag)) return undefined;
  const answer = await early.answer;
  return answer.ok ? answer.value : undefined;
}
