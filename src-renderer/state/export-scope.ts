/**
 * The ways into the export dialog, each with its scope and the words that name it. Where a
 * person asks for an export decides what it holds: the open article, the library's picked
 * articles or tag filter, the claims on screen, or the whole notebook.
 */
import { counted } from '../../src-main/common/counted';
import { openExport } from './export-dialog-store';

export const WHOLE_NOTEBOOK = 'Whole notebook';

/** The whole notebook, by source: the application menu and its shortcut. */
export function openNotebookExport(): void {
  openExport({}, WHOLE_NOTEBOOK, 'source');
}

/** The open article's highlights, by source: the reader's toolbar. */
export function openArticleExport(id: string, title: string): void {
  openExport({ articleIds: [id] }, `This article: ${title}`, 'source');
}

/** The library: the picked articles, else what the tag filter shows, else the whole notebook. */
export function openLibraryExport(picked: readonly string[], tag: string | null): void {
  if (picked.length > 0) openExport({ articleIds: [...picked] }, counted(picked.length, 'picked article'), 'source');
  else if (tag !== null) openExport({ tags: [tag] }, `Tag: ${tag}`, 'source');
  else openNotebookExport();
}

/** What the library's Export… button exports when nothing is picked, for its tooltip. */
export function libraryExportHint(tag: string | null): string {
  return tag === null ? 'Export the whole notebook' : `Export what is tagged ${tag}`;
}

/**
 * The claims view, by claim: the claims it shows. Showing every claim under a tag filter is
 * the tag itself (so the report is named for it); any other view exports the claims listed.
 */
export function openClaimsExport(shown: readonly string[], tag: string | null, narrowed: boolean): void {
  if (tag !== null && !narrowed) openExport({ tags: [tag] }, `Tag: ${tag}`, 'claim');
  // No claim shown is nothing to export (an empty scope would mean the whole notebook).
  else if (shown.length > 0) openExport({ claimIds: [...shown] }, `${counted(shown.length, 'claim')} shown`, 'claim');
}
