/**
 * Loads the reading font's faces soon after the window starts, before an article is opened.
 *
 * The browser fetches a web font's face only when text first needs it, and @fontsource splits
 * each face by script: opening the first article fetched Literata's regular, bold and Latin
 * Extended files, showed the article in the fallback serif meanwhile, and then laid the whole
 * reader out again in Literata — on the 1,000-highlight article that second layout, in the
 * middle of painting its highlights, cost more than the highlights themselves.
 */

/** The faces the reader, the margin's quotes and the notes use (see styles/). */
const FACES = ['400 1em Literata', 'italic 400 1em Literata', '600 1em Literata', '700 1em Literata'];

/** A Latin and a Latin Extended letter: articles in Latin script need both files of a face. */
const SAMPLE = 'aā';

/**
 * Starts loading the faces; nothing waits for them. Called once the window has painted (see
 * main.tsx), not when it is next idle: it is busy listing the library for a while after, and an
 * article opened meanwhile waited for its faces (at 10,000 articles, a click right after the
 * library appeared laid the 1,000-highlight article out in the fallback serif first).
 */
export function preloadReaderFonts(): void {
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  if (!fonts || typeof fonts.load !== 'function') return;
  for (const face of FACES) void fonts.load(face, SAMPLE).catch(() => undefined);
}
