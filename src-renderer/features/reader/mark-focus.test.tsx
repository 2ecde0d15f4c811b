// @vitest-environment jsdom
/**
 * Which highlight is selected and which is flashing shows on its marks without painting the
 * article again: work is counted (calls to `paintLeaf`, one per block painted), never timed.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../../../src-main/common/anchoring/describe-range';
import { App } from '../../App';
import { flashAnnotation, recolorAnnotation, selectAnnotation } from '../../state/annotation-actions';
import { annotationStore } from '../../state/annotation-store';
import { openArticle } from '../../state/library-actions';
import { startApp } from '../../state/start-app';
import { notebookHarness } from '../../test-support/notebook-harness';
import { resetStores } from '../../test-support/reset-stores';
import type * as paintDom from '../../components/article-body/paint-dom';
import { paintLeaf } from '../../components/article-body/paint-dom';

vi.mock('../../notebook-client', async () => ({
  notebook: (await import('../../test-support/notebook-harness')).notebookHarness.api,
}));
vi.mock('../../notebook-feed', async () => ({
  notebookFeed: (await import('../../test-support/notebook-harness')).notebookHarness.feed,
  onFeedReconnect: () => undefined,
}));
vi.mock('../../components/article-body/paint-dom', async (original) => {
  const real = await original<typeof paintDom>();
  return { ...real, paintLeaf: vi.fn(real.paintLeaf) };
});

const TEXT = 'Reading notes\n\nThe alliance agreed to upgrade its command structure in Tokyo.\n\nCritics said the change was overdue.';

async function highlight(api: typeof notebookHarness.api, articleId: string, text: string, phrase: string): Promise<string> {
  const start = text.indexOf(phrase);
  const created = await api.createAnnotation({ articleId, target: describeRange(text, start, start + phrase.length), color: 'yellow' });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

/** Imports TEXT and answers its id and canonical text. */
async function importText(): Promise<{ id: string; text: string }> {
  const added = await notebookHarness.api.importArticle({ format: 'text', content: TEXT });
  if (!added.ok) throw new Error(added.error.message);
  const opened = await notebookHarness.api.getArticle({ id: added.value.id });
  if (!opened.ok) throw new Error(opened.error.message);
  return { id: added.value.id, text: opened.value.text };
}

const marksOf = (id: string) => [...screen.getByRole('main', { name: 'Reader' }).querySelectorAll(`mark[data-annotation-id="${id}"]`)];
const classesOf = (id: string) => marksOf(id).map((mark) => mark.className);

beforeEach(async () => {
  await notebookHarness.reset();
  resetStores();
});
afterEach(cleanup);
afterAll(() => notebookHarness.close());

describe('opening an article for the first time', () => {
  it('fetches its highlights once and paints its marks once: noting it opened changes neither', async () => {
    const { api } = notebookHarness;
    const { id: articleId, text } = await importText();
    const id = await highlight(api, articleId, text, 'change was overdue');
    render(<App />);
    await startApp();
    const painted = vi.mocked(paintLeaf);
    painted.mockClear();
    notebookHarness.calls.length = 0;
    await act(() => openArticle(articleId));
    await waitFor(() => expect(marksOf(id)).toHaveLength(1));
    expect(notebookHarness.calls.map((call) => call.method)).toContain('markArticleOpened');
    expect(notebookHarness.calls.filter((call) => call.method === 'listAnnotations')).toHaveLength(1);
    expect(painted.mock.calls.filter(([, , ranges]) => ranges.length > 0)).toHaveLength(1);
  });
});

describe('the selected and the flashing highlight', () => {
  it('are shown on their marks alone, without painting any block again', async () => {
    const { api } = notebookHarness;
    const { id: articleId, text } = await importText();
    // The second lies inside the first: its mark is nested in the first's.
    const outer = await highlight(api, articleId, text, 'agreed to upgrade its command');
    const inner = await highlight(api, articleId, text, 'upgrade');
    const other = await highlight(api, articleId, text, 'change was overdue');
    render(<App />);
    await startApp();
    await act(() => openArticle(articleId));
    await waitFor(() => expect(marksOf(other)).toHaveLength(1));
    expect(classesOf(outer)).toEqual(['hl hl-yellow']);
    expect(marksOf(outer)[0]!.contains(marksOf(inner)[0]!)).toBe(true);

    const painted = vi.mocked(paintLeaf);
    painted.mockClear();
    act(() => selectAnnotation(outer));
    expect(classesOf(outer)).toEqual(['hl hl-yellow hl-selected']);
    expect(classesOf(inner)).toEqual(['hl hl-yellow']);
    act(() => selectAnnotation(other));
    expect(classesOf(outer)).toEqual(['hl hl-yellow']);
    expect(classesOf(other)).toEqual(['hl hl-yellow hl-selected']);
    expect(painted).not.toHaveBeenCalled();

    // A mark painted again (its colour changed) keeps showing that it is selected.
    const shown = annotationStore.getState().annotations.find((annotation) => annotation.id === other)!;
    await act(() => recolorAnnotation(shown, 'pink'));
    await waitFor(() => expect(classesOf(other)).toEqual(['hl hl-pink hl-selected']));
    expect(painted).toHaveBeenCalledTimes(1);

    painted.mockClear();
    act(() => flashAnnotation(inner));
    await waitFor(() => expect(classesOf(inner)).toEqual(['hl hl-yellow hl-selected hl-flash']));
    expect(classesOf(other)).toEqual(['hl hl-pink']);
    expect(painted).not.toHaveBeenCalled();
  });
});
