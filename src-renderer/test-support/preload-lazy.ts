/**
 * Vitest setup: component tests see the window as it is once started, with every lazily loaded
 * part fetched (main.tsx preloads them), so a dialog opens in the same render as its button's
 * click. Loading a part on demand is covered by lazy-named.test.tsx and, in a real browser, by e2e.
 */
import { beforeAll } from 'vitest';

beforeAll(async () => {
  // Only component tests (jsdom) render the window; the others never import it.
  if (typeof window === 'undefined') return;
  const { preloadAllLazy } = await import('../components/lazy-named');
  await preloadAllLazy();
});
