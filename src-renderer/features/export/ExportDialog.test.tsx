// @vitest-environment jsdom
/**
 * Exporting as a person does, over a real notebook on a temporary folder (the real export
 * service behind the renderer's contract): open the dialog from the reader, the library, the
 * claims view or the shortcut; see the preview follow the choices; save a file and find it
 * downloaded under the report's name; read why an empty scope cannot be exported.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../../../src-main/common/anchoring/describe-range';
import { App } from '../../App';
import { startApp } from '../../state/start-app';
import { setTagFilter } from '../../state/tag-filter-store';
import { runMenuCommand } from '../../state/useMenuCommands';
import { notebookHarness } from '../../test-support/notebook-harness';
import { resetStores } from '../../test-support/reset-stores';

vi.mock('../../notebook-client', async () => ({
  notebook: (await import('../../test-support/notebook-harness')).notebookHarness.api,
}));
vi.mock('../../notebook-feed', async () => ({
  notebookFeed: (await import('../../test-support/notebook-harness')).notebookHarness.feed,
  onFeedReconnect: () => undefined,
}));

const api = notebookHarness.api;
const TEXT = 'Harbour notes\n\nThe lighthouse keeper counted seven herons.\n\nAt noon the herons left the harbour for the marsh.';

/** An article, with a highlight (and its comment) on each phrase given. */
async function addArticle(title: string, phrases: string[] = []) {
  const added = await api.importArticle({ format: 'text', content: TEXT.replace('Harbour notes', title), title });
  if (!added.ok) throw new Error(added.error.message);
  const view = await api.getArticle({ id: added.value.id });
  if (!view.ok) throw new Error(view.error.message);
  const ids: string[] = [];
  for (const phrase of phrases) {
    const at = view.value.text.indexOf(phrase);
    const made = await api.createAnnotation({ articleId: added.value.id, target: describeRange(view.value.text, at, at + phrase.length), comment: `About ${phrase}.` });
    if (!made.ok) throw new Error(made.error.message);
    ids.push(made.value.id);
  }
  return { id: added.value.id, annotationIds: ids };
}

async function start() {
  render(<App />);
  await startApp();
  return userEvent.setup();
}

async function openInReader(user: ReturnType<typeof userEvent.setup>, title: string) {
  await user.click(within(screen.getByRole('list', { name: 'Articles' })).getByRole('button', { name: new RegExp(title) }));
  await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: title })).toBeTruthy());
}

const readerExport = () => within(screen.getByRole('main', { name: 'Reader' })).getByRole('button', { name: 'Export…' });
const dialog = () => screen.getByRole('dialog', { name: 'Export' });
const inDialog = () => within(dialog());
const preview = () => inDialog().getByRole('region', { name: 'Preview' });
/** Esc on a modal dialog, as the browser delivers it (jsdom has no showModal, so no Esc of its own). */
const pressEscape = () => fireEvent(dialog(), new Event('cancel', { cancelable: true }));
/** The first report of a test formats citations for the first time, which takes a while. */
const SLOW = { timeout: 10_000 };

/** Downloads the page starts: a stubbed object URL for each Blob, and the link's file name. */
function catchDownloads() {
  const blobs = new Map<string, Blob>();
  const downloads: { fileName: string; blob: Blob }[] = [];
  const created = vi.fn((blob: Blob) => {
    const url = `blob:marginalia/${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  });
  Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, blob: blobs.get(this.href)! });
  });
  return downloads;
}

beforeEach(async () => {
  await notebookHarness.reset();
  resetStores();
  window.localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
afterAll(() => notebookHarness.close());

describe('exporting the open article', () => {
  it('previews the report as the choices change, saves Markdown as a download and names it in the status line', async () => {
    await addArticle('Harbour notes', ['seven herons', 'left the harbour']);
    const downloads = catchDownloads();
    const user = await start();
    await openInReader(user, 'Harbour notes');

    const opener = readerExport();
    await user.click(opener);
    expect(inDialog().getByText('This article: Harbour notes')).toBeTruthy();
    const bySource = inDialog().getByRole('radio', { name: /^By source/ });
    expect((bySource as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(bySource);
    expect((inDialog().getByRole('combobox', { name: 'Citation style' }) as HTMLSelectElement).value).toBe('apa');
    expect(inDialog().queryByRole('checkbox', { name: 'Add a byte order mark for Excel' })).toBeNull();

    // HTML previews in a frame that may run nothing.
    await user.selectOptions(inDialog().getByRole('combobox', { name: 'Format' }), 'HTML (one file)');
    const frame = await within(preview()).findByTitle('Preview', {}, SLOW);
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('seven herons');
    await waitFor(() => expect(within(preview()).getByRole('status').textContent).toBe('1 source, 2 highlights'));

    await user.selectOptions(inDialog().getByRole('combobox', { name: 'Format' }), 'CSV (one row per highlight)');
    expect(inDialog().getByRole('checkbox', { name: 'Add a byte order mark for Excel' })).toBeTruthy();
    await user.selectOptions(inDialog().getByRole('combobox', { name: 'Format' }), 'Markdown');
    await waitFor(() => expect(within(preview()).getByLabelText('Preview').tagName).toBe('PRE'));
    await waitFor(() => expect(within(preview()).getByLabelText('Preview').textContent).toContain('# Annotated report: Harbour notes'));
    expect(within(preview()).getByText(/^Preview of the first few sources/)).toBeTruthy();

    await user.click(inDialog().getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Export' })).toBeNull());
    expect(downloads.map((download) => download.fileName)).toEqual(['Harbour notes — sources — 2024-07-28.md']);
    const { blob } = downloads[0]!;
    expect(blob.type).toBe('text/markdown; charset=utf-8');
    const text = await blob.text();
    expect(text).toContain('# Annotated report: Harbour notes');
    expect(text).toContain('seven herons');
    expect(text).toContain('About left the harbour.');
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain(
      'Exported Harbour notes — sources — 2024-07-28.md (1 source, 2 highlights)',
    );
    expect(document.activeElement).toBe(opener);
    const save = notebookHarness.calls.find((call) => call.method === 'exportReport')!.arg as { job?: string; format: string };
    expect(save.format).toBe('md');
    expect(save.job).toMatch(/^export-/);
  });

  it('says why an article without highlights cannot be exported, beside Save, and keeps the dialog open', async () => {
    await addArticle('Unmarked');
    const downloads = catchDownloads();
    const user = await start();
    await openInReader(user, 'Unmarked');
    await user.click(readerExport());

    await waitFor(() => expect(within(preview()).getByRole('status').textContent).toBe('No highlights in this scope.'));
    await user.click(inDialog().getByRole('button', { name: 'Save' }));
    expect((await inDialog().findByRole('alert')).textContent).toBe('No highlights in this scope.');
    expect(dialog()).toBeTruthy();
    expect(downloads).toEqual([]);

    pressEscape();
    expect(screen.queryByRole('dialog', { name: 'Export' })).toBeNull();
  });

  it('saves with Enter from a field, shows the progress while it runs, and Cancel stops the export', async () => {
    await addArticle('Harbour notes', ['seven herons']);
    const downloads = catchDownloads();
    const user = await start();
    await openInReader(user, 'Harbour notes');
    await user.click(readerExport());

    // Held answers stand in for a long export.
    const release = notebookHarness.holdNext('exportReport');
    inDialog().getByRole('combobox', { name: 'Format' }).focus();
    await user.keyboard('{Enter}');
    expect(await inDialog().findByText('Preparing the export…')).toBeTruthy();
    await user.click(inDialog().getByRole('button', { name: 'Cancel' }));
    const job = (notebookHarness.calls.find((call) => call.method === 'exportReport')!.arg as { job: string }).job;
    expect(notebookHarness.calls.filter((call) => call.method === 'cancelExport').map((call) => call.arg)).toEqual([{ job }]);
    expect(dialog()).toBeTruthy();
    act(() => release());
    // This export had finished before Cancel reached it, so its file is saved all the same.
    await waitFor(() => expect(downloads).toHaveLength(1));

    await user.click(readerExport());
    notebookHarness.failNext('exportReport', { code: 'cancelled', message: 'The export was cancelled.' });
    await user.click(inDialog().getByRole('radio', { name: /^By claim/ }));
    await user.keyboard('{Enter}');
    expect((await inDialog().findByRole('alert')).textContent).toBe('Export cancelled: nothing was saved.');
    expect(downloads).toHaveLength(1);
  });
});

describe('where an export starts', () => {
  it('the library exports the tag filter, else the picked articles; the claims view the claims shown; Ctrl+Shift+E and the menu the whole notebook', async () => {
    const first = await addArticle('Harbour notes', ['seven herons']);
    await addArticle('Marsh notes', ['seven herons']);
    const claim = await api.createClaim({ annotationId: first.annotationIds[0]!, statement: 'Herons count as seven' });
    if (!claim.ok) throw new Error(claim.error.message);
    await api.updateArticle({ id: first.id, tags: ['birds'] });
    const user = await start();
    const library = () => screen.getByRole('complementary', { name: 'Library' });
    const scopeShown = () => dialog().querySelector('.export-scope-text')!.textContent;

    await user.click(within(library()).getByRole('button', { name: 'Export…' }));
    expect(scopeShown()).toBe('Whole notebook');
    await user.click(inDialog().getByRole('button', { name: 'Cancel' }));

    act(() => setTagFilter('birds'));
    await user.click(within(library()).getByRole('button', { name: 'Export…' }));
    expect(scopeShown()).toBe('Tag: birds');
    await waitFor(() => expect(within(preview()).getByRole('status').textContent).toBe('1 source, 1 highlight'));
    pressEscape();

    await user.click(within(library()).getByRole('checkbox', { name: 'Select “Harbour notes”' }));
    await user.click(within(screen.getByRole('toolbar', { name: 'Selected articles' })).getByRole('button', { name: 'Export…' }));
    expect(scopeShown()).toBe('1 picked article');
    pressEscape();

    act(() => setTagFilter(null));
    await user.click(within(library()).getByRole('button', { name: 'Claims' }));
    await user.click(within(screen.getByRole('main', { name: 'Claims' })).getByRole('button', { name: 'Export…' }));
    expect(scopeShown()).toBe('1 claim shown');
    expect((inDialog().getByRole('radio', { name: /^By claim/ }) as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(within(preview()).getByLabelText('Preview').textContent).toContain('Herons count as seven'));
    pressEscape();

    await user.keyboard('{Control>}{Shift>}e{/Shift}{/Control}');
    expect(scopeShown()).toBe('Whole notebook');
    pressEscape();
    act(() => runMenuCommand('export'));
    expect(scopeShown()).toBe('Whole notebook');
  });
});
