// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { Suspense, useLayoutEffect, type ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LOAD_FAILED, lazyNamed } from './lazy-named';

afterEach(cleanup);

/** How many times a fallback was shown. */
let fallbacks = 0;
function Fallback() {
  useLayoutEffect(() => {
    fallbacks += 1;
  });
  return <p>Loading…</p>;
}

/** A module that arrives when the test says so. */
function deferredModule() {
  let arrive!: () => void;
  let fail!: () => void;
  const module = new Promise<{ Greeting: (props: { name: string }) => ReactElement }>((resolve, reject) => {
    arrive = () => resolve({ Greeting: ({ name }) => <p>Hello, {name}</p> });
    fail = () => reject(new Error('Failed to fetch dynamically imported module'));
  });
  return { load: () => module, arrive: () => act(async () => arrive()), fail: () => act(async () => fail()) };
}

// Rendered in an awaited act: React's `use` retries a suspended render through act's queue,
// which testing-library's own synchronous act closes too soon (testing-library/react-testing-library#1385).
const shown = (element: ReactElement) =>
  act(async () => {
    render(
      <main>
        <h1>Window</h1>
        <Suspense fallback={<Fallback />}>{element}</Suspense>
      </main>,
    );
  });

describe('lazyNamed', () => {
  it('shows the fallback until the part arrives, then the part with its props', async () => {
    const { load, arrive } = deferredModule();
    const Greeting = lazyNamed(load, 'Greeting');
    await shown(<Greeting name="Ada" />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    await arrive();
    // React shows what was suspended a moment after its fallback, not at once.
    expect(await screen.findByText('Hello, Ada')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('renders a preloaded part in the first render, without the fallback', async () => {
    const { load, arrive } = deferredModule();
    const Greeting = lazyNamed(load, 'Greeting');
    const preloading = Greeting.preload();
    await arrive();
    await preloading;
    fallbacks = 0;
    await shown(<Greeting name="Ben" />);
    expect(screen.getByText('Hello, Ben')).toBeTruthy();
    expect(fallbacks).toBe(0);
  });

  it('says so in place of a part that cannot be fetched, and the window stays', async () => {
    const { load, fail } = deferredModule();
    const Greeting = lazyNamed(load, 'Greeting');
    await shown(<Greeting name="Cai" />);
    await fail();
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain(LOAD_FAILED);
    expect(within(notice).getByRole('button', { name: 'Reload window' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Window' })).toBeTruthy();
  });
});
