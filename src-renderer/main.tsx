// First, before React and the app are evaluated: the library's first rows are on their way
// while the rest of this bundle runs (see early-first-rows.ts).
import './ask-first-rows';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/literata/400.css';
import '@fontsource/literata/400-italic.css';
import '@fontsource/literata/600.css';
import '@fontsource/literata/700.css';
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import './styles/index.css';
import { App } from './App';
import { preloadMarkdown } from './components/CommentMarkdown';
import { preloadAllLazy } from './components/lazy-named';
import { preloadReaderFonts } from './reader-fonts';
import { whenFirstRowsAnswered } from './state/early-first-rows';
import { listArrivedFirstRows } from './state/library-actions';
import { startApp } from './state/start-app';

/**
 * How long the first render waits for the first rows: their answer is read ~10–20 ms after the
 * bundle was evaluated, after the next frame. A host slow to answer (opening a large notebook)
 * costs no more than this before the window appears.
 */
const FIRST_ROWS_WAIT_MS = 150;

async function start(root: HTMLElement): Promise<void> {
  // The first rows have usually arrived while this bundle was evaluated, but their answer is
  // read only after it. Waiting for them lets the first render paint them: rendering the empty
  // library first cost a second render and layout (~300 ms more to the rows painted at 10,000
  // articles on a 2-core machine).
  await Promise.race([whenFirstRowsAnswered(), new Promise((resolve) => setTimeout(resolve, FIRST_ROWS_WAIT_MS))]);
  listArrivedFirstRows();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // After the first paint, which they are not part of: the reading font and the Markdown renderer
  // (see lazy-named.ts), for an article opened as soon as the library shows. The dialogs and the
  // other views once the window has started.
  requestAnimationFrame(() =>
    setTimeout(() => {
      preloadReaderFonts();
      void preloadMarkdown();
    }, 0),
  );
  await startApp();
  const whenIdle = (then: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(then, { timeout: 2000 }) : setTimeout(then, 0));
  whenIdle(() => void preloadAllLazy());
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void start(root);
