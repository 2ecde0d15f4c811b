/** What each way into the export dialog exports, and the words that name it. */
import { beforeEach, describe, expect, it } from 'vitest';
import { exportArgsOf, exportDialogStore, initialExportDialogState, setExportChoices } from './export-dialog-store';
import { libraryExportHint, openArticleExport, openClaimsExport, openLibraryExport, openNotebookExport } from './export-scope';

const opened = () => {
  const { request, choices } = exportDialogStore.getState();
  return request && { scope: request.scope, label: request.label, shape: choices.shape };
};

beforeEach(() => exportDialogStore.setState(initialExportDialogState, true));

describe('opening the export dialog', () => {
  it.each([
    ['the menu', () => openNotebookExport(), { scope: {}, label: 'Whole notebook', shape: 'source' }],
    ['the reader', () => openArticleExport('art_1', 'Japan and U.S. agree'), { scope: { articleIds: ['art_1'] }, label: 'This article: Japan and U.S. agree', shape: 'source' }],
    ['the library, picked articles', () => openLibraryExport(['art_1', 'art_2', 'art_3'], 'alliance'), { scope: { articleIds: ['art_1', 'art_2', 'art_3'] }, label: '3 picked articles', shape: 'source' }],
    ['the library, one picked', () => openLibraryExport(['art_1'], null), { scope: { articleIds: ['art_1'] }, label: '1 picked article', shape: 'source' }],
    ['the library, a tag filter', () => openLibraryExport([], 'alliance'), { scope: { tags: ['alliance'] }, label: 'Tag: alliance', shape: 'source' }],
    ['the library, no filter', () => openLibraryExport([], null), { scope: {}, label: 'Whole notebook', shape: 'source' }],
    ['the claims view, claims shown', () => openClaimsExport(['clm_1', 'clm_2'], null, false), { scope: { claimIds: ['clm_1', 'clm_2'] }, label: '2 claims shown', shape: 'claim' }],
    ['the claims view, a tag filter', () => openClaimsExport(['clm_1'], 'alliance', false), { scope: { tags: ['alliance'] }, label: 'Tag: alliance', shape: 'claim' }],
    ['the claims view, a tag filter narrowed to contested', () => openClaimsExport(['clm_1'], 'alliance', true), { scope: { claimIds: ['clm_1'] }, label: '1 claim shown', shape: 'claim' }],
  ])('from %s', (_where, open, expected) => {
    open();
    expect(opened()).toEqual(expected);
  });

  it('never turns "no claim shown" into the whole notebook', () => {
    openClaimsExport([], null, true);
    expect(opened()).toBeNull();
  });

  it('keeps the format, style and options for the next export, but takes the shape from where it opens', () => {
    openClaimsExport(['clm_1'], null, false);
    setExportChoices({ format: 'csv', style: 'mla', excel: true, notes: false });
    exportDialogStore.setState({ request: null });
    openArticleExport('art_1', 'Japan');
    const { request, choices } = exportDialogStore.getState();
    expect(exportArgsOf(request!.scope, choices)).toEqual({
      scope: { articleIds: ['art_1'] },
      shape: 'source',
      format: 'csv',
      style: 'mla',
      options: { comments: true, notes: false, needsReview: true },
      excel: true,
      colorCodes: false,
    });
  });

  it('asks for the Excel byte order mark only with CSV', () => {
    setExportChoices({ format: 'md', excel: true });
    expect(exportArgsOf({}, exportDialogStore.getState().choices).excel).toBe(false);
  });

  it('asks for colour codes only with a REFI-QDA project', () => {
    setExportChoices({ format: 'bundle', colorCodes: true });
    expect(exportArgsOf({}, exportDialogStore.getState().choices).colorCodes).toBe(false);
    setExportChoices({ format: 'qdpx' });
    expect(exportArgsOf({}, exportDialogStore.getState().choices).colorCodes).toBe(true);
  });

  it('names what the library’s button exports', () => {
    expect(libraryExportHint(null)).toBe('Export the whole notebook');
    expect(libraryExportHint('alliance')).toBe('Export what is tagged alliance');
  });
});
