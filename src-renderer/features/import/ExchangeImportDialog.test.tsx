// @vitest-environment jsdom
/**
 * The exchange import as the person sees it: a file too large is refused before it is read,
 * a file being merged says so, and a finished merge names where the records came from, counts
 * them on one line and lists each group with its reasons and the pages this notebook lacks.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExchangeSummary } from '../../../src-main/common/exchange-schema';
import { MAX_EXCHANGE_FILE } from '../../../src-main/common/import-limits';
import { exchangeImportStore } from '../../state/exchange-import-store';
import { resetStores } from '../../test-support/reset-stores';
import { exchangeFileProblem, importExchangeFiles, isExchangeFile } from './exchange-import';
import { ExchangeImportDialog } from './ExchangeImportDialog';

const importExchange = vi.fn();
vi.mock('../../notebook-client', () => ({ notebook: { importExchange: (arg: unknown) => importExchange(arg) }, browserToken: () => undefined }));

const SUMMARY: ExchangeSummary = {
  kind: 'bundle',
  from: 'the bundle from “Ana’s notebook” of 2026-11-30',
  added: [
    { kind: 'highlight', id: 'ann_aaaaaaaa', label: 'historic turning point' },
    { kind: 'note', id: 'note_aaaaaaaa', label: 'Why the command upgrade matters' },
    { kind: 'claim', id: 'clm_aaaaaaaa', label: 'has no commanding authority' },
  ],
  updated: [{ kind: 'article', id: 'art_aaaaaaaa', label: 'Japan and U.S. agree to upgrade military command' }],
  conflicts: [{ kind: 'highlight', id: 'ann_bbbbbbbb', label: 'more than 50,000 U.S. troops', reason: 'edited on both sides: the newer edit is kept, the other is in its conflict history' }],
  kept: [],
  deleted: [],
  refused: [
    { kind: 'highlight', id: 'ann_cccccccc', label: 'a lost passage', reason: 'its article is not in this notebook (deleted here, or not in what was sent)' },
    { kind: 'highlight', id: 'ann_dddddddd', label: 'another lost passage', reason: 'its article is not in this notebook (deleted here, or not in what was sent)' },
  ],
  unmatched: [{ source: 'https://example.org/elsewhere', title: 'A page elsewhere', count: 12 }],
  unchanged: 4,
};

const dialog = () => screen.getByRole('dialog', { name: 'Import bundle or annotations' });
const file = (name: string, text = '{}') => new File([text], name, { type: 'application/json' });

beforeEach(() => {
  resetStores();
  importExchange.mockReset();
});
afterEach(cleanup);

describe('the import summary', () => {
  it('names where the records came from, counts them on one line, and lists every group with its reasons', () => {
    exchangeImportStore.setState({ open: true, imports: [{ key: 'a', fileName: 'ana.marginalia.json', state: 'done', summary: SUMMARY }] });
    render(<ExchangeImportDialog onChooseFile={() => undefined} />);

    expect(within(dialog()).getByRole('heading', { name: 'Imported the bundle from “Ana’s notebook” of 2026-11-30' })).toBeTruthy();
    expect(within(dialog()).getByRole('status').textContent).toBe(
      '3 added · 1 updated · 1 kept as a conflict · 2 not imported · 12 annotations on pages not in this notebook · 4 already the same',
    );
    const added = within(dialog()).getByRole('list', { name: /^Added/ });
    expect(within(added).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Highlight historic turning point',
      'Note Why the command upgrade matters',
      'Claim has no commanding authority',
    ]);
    const conflicts = within(dialog()).getByRole('list', { name: /^Kept as a conflict/ });
    expect(conflicts.textContent).toContain('more than 50,000 U.S. troops');
    expect(conflicts.textContent).toContain('the newer edit is kept, the other is in its conflict history');
    expect(within(within(dialog()).getByRole('list', { name: /^Not imported/ })).getAllByRole('listitem')).toHaveLength(2);
    expect(within(dialog()).queryByRole('list', { name: /^Deleted/ })).toBeNull();

    const unmatched = within(dialog()).getByRole('region', { name: '12 annotations on a page this notebook does not hold' });
    expect(unmatched.textContent).toContain('A page elsewhere — https://example.org/elsewhere');
    expect(within(dialog()).getByRole('button', { name: 'Done' })).toBeTruthy();
  });

  it('says when a file held nothing new, and names annotation files by their file name', () => {
    const none: ExchangeSummary = { ...SUMMARY, kind: 'hypothesis', from: 'export.json', added: [], updated: [], conflicts: [], refused: [], unmatched: [], unchanged: 0 };
    exchangeImportStore.setState({ open: true, imports: [{ key: 'a', fileName: 'export.json', state: 'done', summary: none }] });
    render(<ExchangeImportDialog onChooseFile={() => undefined} />);
    expect(within(dialog()).getByRole('heading', { name: 'Imported Hypothesis annotations from export.json' })).toBeTruthy();
    expect(within(dialog()).getByRole('status').textContent).toBe('Nothing to import: the file holds no records.');
  });

  it('shows the progress, then the summary, of a file sent to importExchange as base64', async () => {
    let answer!: (value: unknown) => void;
    importExchange.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    render(<ExchangeImportDialog onChooseFile={() => undefined} />);
    const done = importExchangeFiles([file('colleague.marginalia.json', '{"a":1}')]);

    await waitFor(() => expect(within(dialog()).getByRole('status').textContent).toBe('Importing colleague.marginalia.json…'));
    expect(within(dialog()).getByRole('button', { name: 'Hide' })).toBeTruthy();
    expect(importExchange).toHaveBeenCalledWith({ fileName: 'colleague.marginalia.json', content: btoa('{"a":1}') });
    answer({ ok: true, value: SUMMARY });
    await done;
    await waitFor(() => expect(within(dialog()).getByRole('status').textContent).toMatch(/^3 added · 1 updated · 1 kept as a conflict/));
  });

  it('shows the main side’s sentence when the file is refused', async () => {
    importExchange.mockResolvedValue({ ok: false, error: { code: 'invalid_argument', message: 'This bundle was written by a newer Marginalia (format 9): update Marginalia to import it.' } });
    render(<ExchangeImportDialog onChooseFile={() => undefined} />);
    await importExchangeFiles([file('newer.marginalia.json')]);
    await waitFor(() => expect(within(dialog()).getByRole('alert').textContent).toBe('This bundle was written by a newer Marginalia (format 9): update Marginalia to import it.'));
    expect(within(dialog()).getByRole('status').textContent).toBe('newer.marginalia.json was not imported.');
  });

  it('refuses a file larger than the limit before reading a byte of it', () => {
    const huge = { name: 'whole-lab.marginalia.json', size: MAX_EXCHANGE_FILE + 1 };
    expect(exchangeFileProblem(huge)).toBe('whole-lab.marginalia.json is more than 200 MB; a bundle or annotation file can be at most 200 MB. Export a smaller scope (a tag or some articles) and import that.');
    expect(exchangeFileProblem({ name: 'empty.jsonld', size: 0 })).toBe('empty.jsonld is empty.');
    expect(exchangeFileProblem({ name: 'ok.qdpx', size: 1000 })).toBeNull();
  });

  it('takes bundles, annotation files and REFI-QDA projects, and leaves articles to the article import', () => {
    expect(['a.marginalia.json', 'b.jsonld', 'c.json', 'D.QDPX'].map(isExchangeFile)).toEqual([true, true, true, true]);
    expect(['a.html', 'b.md', 'c.pdf', 'd.txt'].map(isExchangeFile)).toEqual([false, false, false, false]);
  });

  it('opened from the app menu, offers to choose a file', async () => {
    const choose = vi.fn();
    exchangeImportStore.setState({ open: true, imports: [] });
    render(<ExchangeImportDialog onChooseFile={choose} />);
    within(dialog()).getByRole('button', { name: 'Choose a file…' }).click();
    expect(choose).toHaveBeenCalled();
  });
});
