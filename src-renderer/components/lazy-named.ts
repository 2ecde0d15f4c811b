/**
 * A component loaded the first time it is rendered, from a chunk of its own. The window's first
 * paint waits for every line of the startup bundle to be compiled and run (~0.1 s per 100 KB on
 * a 2-core machine), so what it never shows — dialogs, notes, claims, the Markdown renderer and
 * the contract's schemas — is left out of it and comes when first needed, or sooner where
 * `preload` is called once the window is painted. Render it inside a Suspense boundary.
 *
 * Not React.lazy: that suspends on its first render even when the chunk is already in (it asks
 * for the module only then), which rendered every card's comment twice on the first article
 * opened. Here a loaded component renders at once.
 */
import { createElement, use, type ComponentProps, type ComponentType, type FunctionComponent } from 'react';

/** Shown in place of a part whose chunk could not be fetched (browser mode's host stopped or was rebuilt). */
export const LOAD_FAILED = 'This part of Marginalia could not be loaded. Reload the window to try again.';

/** The notice, with the one thing that helps: everything saved comes back with the window. */
const loadFailed = () =>
  createElement(
    'div',
    { role: 'alert', className: 'load-failed' },
    createElement('span', null, LOAD_FAILED),
    createElement('button', { type: 'button', className: 'button', onClick: () => window.location.reload() }, 'Reload window'),
  );

/** Every lazy part's preload, so the window can fetch the rest of itself once it has started. */
const everyPreload: (() => Promise<unknown>)[] = [];

/** Fetches every part not fetched yet (main.tsx, once the window has started and is idle). */
export async function preloadAllLazy(): Promise<void> {
  await Promise.all(everyPreload.map((preload) => preload()));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: the component's own type is kept
type AnyComponent = ComponentType<any>;

export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): FunctionComponent<ComponentProps<M[K]>> & { preload: () => Promise<unknown> } {
  let loaded: M[K] | undefined;
  let failed = false;
  let loading: Promise<void> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module[name];
      },
      () => {
        // Said where the part would be (no error reaches React, which would take the whole
        // window down); asked for again the next time it is preloaded.
        failed = true;
        loading = undefined;
      },
    ));
  const Lazy = (props: ComponentProps<M[K]>) => {
    if (!loaded && !failed) use(preload());
    return loaded ? createElement(loaded, props) : loadFailed();
  };
  Lazy.displayName = `Lazy(${String(name)})`;
  everyPreload.push(preload);
  return Object.assign(Lazy, { preload });
}
