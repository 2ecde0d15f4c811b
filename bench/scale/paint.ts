/**
 * The painting rows, in Debian's Chromium on the built renderer that browser mode serves:
 * how long after navigation the library list is painted, and how long after a click on the
 * 1,000-highlight article its highlights are painted, with the longest task meanwhile. Times
 * are taken inside the page (performance.now(), a double requestAnimationFrame for "painted",
 * a PerformanceObserver for long tasks), so Playwright's own round trips do not count.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';

export interface PaintSamples {
  libraryPainted: number[];
  articlePainted: number[];
  longestTask: number[];
}

/** What the page logs once the library list was first painted, followed by the time. */
const PAINTED_LOG = 'marginalia-bench: library painted at';

/**
 * Installed before the app's scripts: records long tasks and when the library list was first
 * painted, which it logs to the console. The bench listens for that line rather than asking the
 * page: asking (waitForFunction) made Playwright compile its injected script in the page, ~150 ms
 * of the main thread, at the moment the window rendered its first rows.
 */
function watchPage(paintedLog: string): void {
  const state = { longTasks: [] as { start: number; duration: number }[], libraryPainted: -1 };
  (window as unknown as { benchState: typeof state }).benchState = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (document.querySelector('ul[aria-label="Articles"] li')) {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          state.libraryPainted = performance.now();
          // eslint-disable-next-line no-console -- the line the bench listens for (see above)
          console.debug(paintedLog, state.libraryPainted);
        }),
      );
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Clicks the article's button in the page and resolves with [click → painted ms, longest task ms]. */
function clickAndWait({ title, expected }: { title: string; expected: number }): Promise<[number, number]> {
  const state = (window as unknown as { benchState: { longTasks: { start: number; duration: number }[] } }).benchState;
  const button = [...document.querySelectorAll<HTMLElement>('ul[aria-label="Articles"] button')].find((b) => b.textContent?.includes(title));
  if (!button) return Promise.reject(new Error(`No article button "${title}" in the library`));
  return new Promise((resolve) => {
    const clickedAt = performance.now();
    const painted = () => {
      const reader = document.querySelector('main[aria-label="Reader"]');
      const ids = new Set([...(reader?.querySelectorAll('mark[data-annotation-id]') ?? [])].map((mark) => mark.getAttribute('data-annotation-id')));
      if (reader && !reader.hasAttribute('aria-busy') && ids.size >= expected) {
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const longest = Math.max(0, ...state.longTasks.filter((task) => task.start + task.duration >= clickedAt).map((task) => task.duration));
            resolve([performance.now() - clickedAt, longest]);
          }),
        );
      } else requestAnimationFrame(painted);
    };
    button.click();
    requestAnimationFrame(painted);
  });
}

/** Loads `url` and resolves with when the page logged the library painted (ms after navigation). */
async function libraryPaintedAt(page: Page, url: string): Promise<number> {
  const logged = page.waitForEvent('console', { predicate: (message) => message.text().startsWith(PAINTED_LOG), timeout: 120_000 });
  await page.goto(url, { waitUntil: 'commit' });
  return Number((await logged).text().slice(PAINTED_LOG.length));
}

/**
 * `times` page loads of `url`; after each, one click on the article titled `title`, waiting for
 * `expected` highlights. `afterFirstPaint` runs once the library was first painted (for the
 * host's RSS "after the window has started").
 */
export async function measurePainting(url: string, title: string, expected: number, times: number, afterFirstPaint: () => Promise<void>): Promise<PaintSamples> {
  const home = await mkdtemp(join(tmpdir(), 'marginalia-bench-chromium-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home },
  });
  const samples: PaintSamples = { libraryPainted: [], articlePainted: [], longestTask: [] };
  try {
    // One browser profile for every load, as a person has: the desktop app keeps the window's
    // compiled code between launches (the app: scheme's codeCache, hosts/electron/app-protocol.ts),
    // a browser its cache of the immutable assets (hosts/browser/static-files.ts). The first load
    // finds nothing kept; a fresh profile for each load measured only that case (~70 ms slower).
    const profile = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    for (let i = 0; i < times; i += 1) {
      const page = await profile.newPage();
      await page.addInitScript(watchPage, PAINTED_LOG);
      samples.libraryPainted.push(await libraryPaintedAt(page, url));
      if (i === 0) await afterFirstPaint();
      const [painted, longest] = await page.evaluate(clickAndWait, { title, expected });
      samples.articlePainted.push(painted);
      samples.longestTask.push(longest);
      await page.close();
    }
  } finally {
    await browser.close();
    await rm(home, { recursive: true, force: true });
  }
  return samples;
}
