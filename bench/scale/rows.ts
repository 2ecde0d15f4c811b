/**
 * The rows of the scale table (issue "write path and scale", part 7): what each measures, where
 * (service = the handlers in this process; host = browser mode over HTTP; Chromium = the built
 * renderer in a browser), the figure before the rewrite at 10,000 articles, and the target.
 */
import type { Target } from './figures';

export interface Row {
  key: string;
  label: string;
  /** The figure before the rewrite (10,000 articles unless it says otherwise). */
  before: string;
  targetText: string;
  target?: Target;
}

export const ROWS: readonly Row[] = [
  { key: 'fsyncFloor', label: 'reference: one 4 KB write + fsync on this disk', before: '—', targetText: '—' },
  { key: 'highlightHost', label: 'add one highlight, host (createAnnotation)', before: '131 / 184 ms p50/p95', targetText: 'p95 < 20 ms', target: { stat: 'p95', below: 20 } },
  { key: 'highlightService', label: 'add one highlight, service', before: '—', targetText: 'p95 < 10 ms', target: { stat: 'p95', below: 10 } },
  { key: 'highlightBytes', label: 'bytes written per highlight (host write_bytes)', before: '9.5 MB, 6 fsyncs', targetText: 'proportional to the change (< 256 KB)', target: { stat: 'median', below: 256 } },
  { key: 'noteEditHost', label: 'edit a note, host (updateNote)', before: '124 ms p50', targetText: 'p50 < 10 ms', target: { stat: 'median', below: 10 } },
  { key: 'noteUndoHost', label: 'undo the note edit, host', before: '130 ms p50', targetText: 'p50 < 10 ms', target: { stat: 'median', below: 10 } },
  { key: 'noteEditService', label: 'edit a note, service', before: '—', targetText: 'p50 < 10 ms', target: { stat: 'median', below: 10 } },
  { key: 'noteUndoService', label: 'undo the note edit, service', before: '—', targetText: 'p50 < 10 ms', target: { stat: 'median', below: 10 } },
  { key: 'openListed', label: 'open (start host) until the first rows answer (listArticles first 100)', before: '0.85–1.5 s (50k: 3.4 s)', targetText: '< 1.5 s', target: { stat: 'median', below: 1500 } },
  { key: 'firstRowsBytes', label: 'first rows answer size (what the window paints first)', before: '2.8 MB', targetText: '—' },
  { key: 'openListedWhole', label: 'open until the whole list answers (it follows the first rows)', before: '0.85–1.5 s', targetText: '—' },
  { key: 'listArticlesBytes', label: 'whole listArticles answer size', before: '2.8 MB', targetText: '—' },
  { key: 'libraryPainted', label: 'library painted after page load (Chromium)', before: '—', targetText: '< 500 ms', target: { stat: 'median', below: 500 } },
  { key: 'searchBuild', label: 'first open: search index built', before: '61 s (50k: 320 s)', targetText: 'off the main thread' },
  { key: 'apiDuringBuild', label: 'API call (getHistory) during the index build', before: '—', targetText: '< 50 ms', target: { stat: 'max', below: 50 } },
  { key: 'rssBuildPeak', label: 'host RSS peak during the first open', before: '585 MB', targetText: '—' },
  { key: 'rssBuildSettled', label: 'host RSS settled after the first open', before: '406 MB', targetText: '< 300 MB', target: { stat: 'median', below: 300 } },
  { key: 'searchCommon', label: 'search a common word, host', before: '85 ms p50', targetText: 'p50 < 20 ms', target: { stat: 'median', below: 20 } },
  { key: 'searchPhrase', label: 'search a quoted phrase, host', before: '81 ms p50', targetText: 'p50 < 20 ms', target: { stat: 'median', below: 20 } },
  { key: 'articlePainted', label: 'open the 1,000-highlight article: click to painted', before: '1.8–4.0 s', targetText: '< 300 ms', target: { stat: 'median', below: 300 } },
  { key: 'articleLongestTask', label: 'longest task while it opens', before: '2.4 s', targetText: '< 100 ms', target: { stat: 'max', below: 100 } },
  { key: 'listTags', label: 'listTags, host', before: '3.3 s (1k), 13.8 s, 175 s (50k)', targetText: '< 100 ms', target: { stat: 'median', below: 100 } },
  { key: 'rssWindow', label: 'host RSS after the window has started', before: '908 MB (50k: 3.96 GB)', targetText: '< 300 MB', target: { stat: 'median', below: 300 } },
  { key: 'historyBytes', label: 'history on disk after 200 autosaves of a 20 KB note', before: '8.2 MB', targetText: 'bounded (the log caps at 16 MB)', target: { stat: 'max', below: 16 * 1024 } },
  { key: 'autosave', label: 'one autosave of the 20 KB note, host', before: '0.8–1.4 s at 50k', targetText: '< 20 ms', target: { stat: 'median', below: 20 } },
];
