/**
 * What the person can do to highlights and the legend. Each action makes one call through the
 * notebook client and shows what the call answered; failures go to the status region. What else
 * the change touched (claims, notes, tags, undo) arrives through the change feed (apply-change).
 */
import { describeRange } from '../../src-main/common/anchoring/describe-range';
import type { AnnotationView, ClaimView, HighlightColor } from '../../src-main/common/model';
import { byReadingOrder } from '../../src-main/common/reading-order';
import { notebook } from '../notebook-client';
import { annotationStore } from './annotation-store';
import { saveAnnotationFields } from './annotation-save';
import { saveClaimFields } from './claim-save';
import { deleteRequestStore } from './delete-request-store';
import { highlightFocusStore } from './highlight-focus-store';
import { legendStore } from './legend-store';
import { historyStore } from './history-store';
import { readerSelectionStore, type ReaderSelection } from './reader-selection-store';
import { researchStore } from './research-store';
import { libraryStore } from './library-store';
import { report, reportError } from './status-store';

/**
 * Fetches the highlights of `articleId` (ignoring an answer for an article no longer open).
 * Notes and claims are not fetched here: they are loaded at start and after every change to
 * them, and opening an article changes neither.
 */
export async function loadAnnotations(articleId: string): Promise<void> {
  if (annotationStore.getState().articleId !== articleId) {
    annotationStore.setState({ articleId, annotations: [] });
    highlightFocusStore.setState({ selectedId: null, flashId: null });
    readerSelectionStore.setState({ selection: null });
  }
  const answer = await notebook.listAnnotations({ articleId });
  if (annotationStore.getState().articleId !== articleId) return;
  if (!answer.ok) return reportError(answer.error);
  annotationStore.setState({ annotations: answer.value });
}

/** Fetches every note's links, from which the highlight cards show their backlinks. */
export async function loadNotes(): Promise<void> {
  const answer = await notebook.listNotes({});
  if (!answer.ok) return reportError(answer.error);
  researchStore.setState({ notes: answer.value });
}

/** Fetches every claim, from which highlights that are evidence show their claim. */
export async function loadClaims(): Promise<void> {
  const answer = await notebook.listClaims({});
  if (!answer.ok) return reportError(answer.error);
  researchStore.setState({ claims: answer.value });
}

export async function loadLegend(): Promise<void> {
  const answer = await notebook.getLegend({});
  if (!answer.ok) return reportError(answer.error);
  legendStore.setState({ legend: answer.value });
}

export async function loadHistory(): Promise<void> {
  const answer = await notebook.getHistory({});
  if (answer.ok) historyStore.setState({ history: answer.value });
}

function articleText(): string | null {
  const { view, openId } = libraryStore.getState();
  return view && view.id === openId ? view.text : null;
}

/** Shows a highlight the notebook answered with, in its place in reading order (when its article is open). */
function showAnnotation(updated: AnnotationView): void {
  annotationStore.setState(({ annotations, articleId }) =>
    articleId !== updated.articleId ? {} : { annotations: [...annotations.filter((a) => a.id !== updated.id), updated].sort(byReadingOrder) },
  );
}

/**
 * The passage is painted now, so the selection has done its job, unless the person has
 * already selected something else while the call was on its way.
 */
function clearSelectionIfStill(used: ReaderSelection): void {
  const now = readerSelectionStore.getState().selection;
  if (now?.start !== used.start || now.end !== used.end) return;
  window.getSelection()?.removeAllRanges();
  readerSelectionStore.setState({ selection: null });
}

export function setCurrentColor(color: HighlightColor): void {
  legendStore.setState({ currentColor: color });
}

/** Highlights the reader's selection in `color` (the current colour by default). */
export async function highlightSelection(color?: HighlightColor): Promise<void> {
  const { selection } = readerSelectionStore.getState();
  const { articleId } = annotationStore.getState();
  const { currentColor } = legendStore.getState();
  const text = articleText();
  if (!selection || !articleId || text === null) return;
  const target = describeRange(text, selection.start, selection.end);
  const answer = await notebook.createAnnotation({ articleId, target, color: color ?? currentColor });
  if (!answer.ok) return reportError(answer.error);
  clearSelectionIfStill(selection);
  showAnnotation(answer.value);
  legendStore.setState({ currentColor: color ?? currentColor });
  highlightFocusStore.setState({ selectedId: answer.value.id });
}

/**
 * Highlights the reader's selection in the current colour for a claim, evidence or a note to
 * build on (each a separate undo step). Answers the new highlight, or null when there was no
 * selection or the call failed (the status region says why).
 */
export async function highlightForUse(): Promise<AnnotationView | null> {
  const { selection } = readerSelectionStore.getState();
  const { articleId } = annotationStore.getState();
  const { currentColor } = legendStore.getState();
  const text = articleText();
  if (!selection || !articleId || text === null) return null;
  const target = describeRange(text, selection.start, selection.end);
  const created = await notebook.createAnnotation({ articleId, target, color: currentColor });
  if (!created.ok) {
    reportError(created.error);
    return null;
  }
  clearSelectionIfStill(selection);
  showAnnotation(created.value);
  highlightFocusStore.setState({ selectedId: created.value.id });
  return created.value;
}

/** Makes the selection a claim whose statement is the quote (two steps: highlight, claim). */
export async function claimSelection(): Promise<void> {
  const created = await highlightForUse();
  if (!created) return;
  const claim = await notebook.createClaim({ annotationId: created.id });
  if (!claim.ok) reportError(claim.error);
  else report('Made the passage a claim.');
}

/** The toolbar's Tag: highlights the selection and opens the tag field on its card. */
export async function tagSelection(): Promise<void> {
  const created = await highlightForUse();
  if (!created) return;
  highlightFocusStore.setState({ tagFocusId: created.id });
}

/** Adds the selection as evidence to claim `claimId` (possibly from another article). */
export async function addSelectionAsEvidence(claimId: string): Promise<void> {
  const created = await highlightForUse();
  if (!created) return;
  const answer = await notebook.addEvidence({ claimId, annotationId: created.id });
  if (!answer.ok) reportError(answer.error);
  else report('Added the passage as evidence for the claim.');
}

/**
 * Saves a claim's statement, edited from `base` (the claim as shown when the edit began);
 * answers whether it was saved, so the field can keep the text if not.
 */
export async function saveClaimStatement(base: ClaimView, statement: string): Promise<boolean> {
  const answer = await saveClaimFields(base, { statement });
  if (!answer.ok) {
    reportError(answer.error);
    return false;
  }
  const saved = answer.value;
  researchStore.setState(({ claims }) => ({ claims: claims.map((claim) => (claim.id === base.id ? { ...claim, statement: saved.statement, tags: saved.tags, rev: saved.rev, revs: saved.revs } : claim)) }));
  return true;
}

export async function recolorAnnotation(base: AnnotationView, color: HighlightColor): Promise<void> {
  const answer = await saveAnnotationFields(base, { color });
  if (!answer.ok) return reportError(answer.error);
  showAnnotation(answer.value);
}

/**
 * Saves a comment, edited from `base` (the highlight as shown when editing began); answers
 * whether it was saved, so the editor can keep the text if not.
 */
export async function saveComment(base: AnnotationView, comment: string): Promise<boolean> {
  const answer = await saveAnnotationFields(base, { comment });
  if (!answer.ok) {
    reportError(answer.error);
    return false;
  }
  showAnnotation(answer.value);
  return true;
}

/** Moves an orphaned highlight onto the reader's selection. */
export async function reattachToSelection(id: string): Promise<void> {
  const { selection } = readerSelectionStore.getState();
  const { articleId } = annotationStore.getState();
  const text = articleText();
  if (!selection || !articleId || text === null) return;
  const answer = await notebook.updateAnnotation({ id, target: describeRange(text, selection.start, selection.end) });
  if (!answer.ok) return reportError(answer.error);
  clearSelectionIfStill(selection);
  showAnnotation(answer.value);
  highlightFocusStore.setState({ selectedId: id });
  report('Re-attached the highlight to the selected passage.');
}

/**
 * The card's "Delete highlight": deletes at once when no claim or note cites the highlight
 * (undo brings it back); otherwise asks first, naming what cites it.
 */
export async function requestDeleteAnnotation(id: string): Promise<void> {
  const answer = await notebook.getAnnotationUsage({ id });
  if (!answer.ok) return reportError(answer.error);
  const usage = answer.value;
  if (usage.claims.length === 0 && usage.notes.length === 0) return deleteAnnotation(id);
  deleteRequestStore.setState({ deleteRequest: { id, usage } });
}

export function cancelDeleteRequest(): void {
  deleteRequestStore.setState({ deleteRequest: null });
}

/** Deletes the highlight the person confirmed deleting. */
export async function confirmDeleteRequest(): Promise<void> {
  const request = deleteRequestStore.getState().deleteRequest;
  if (!request) return;
  deleteRequestStore.setState({ deleteRequest: null });
  await deleteAnnotation(request.id);
}

export async function deleteAnnotation(id: string): Promise<void> {
  const answer = await notebook.deleteAnnotation({ id });
  if (!answer.ok) return reportError(answer.error);
  annotationStore.setState(({ annotations }) => ({ annotations: annotations.filter((annotation) => annotation.id !== id) }));
  if (highlightFocusStore.getState().selectedId === id) highlightFocusStore.setState({ selectedId: null });
  report('Deleted the highlight. Undo brings it back.');
}

export async function updateMeaning(color: HighlightColor, meaning: string): Promise<boolean> {
  const answer = await notebook.updateLegend({ color, meaning });
  if (!answer.ok) {
    reportError(answer.error);
    return false;
  }
  legendStore.setState({ legend: answer.value });
  return true;
}

export function selectAnnotation(id: string | null): void {
  highlightFocusStore.setState({ selectedId: id });
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;
/** How long the passage flash lasts; matches the CSS animation. */
export const FLASH_MS = 1200;

/** Marks a passage as flashing for the length of its animation. */
export function flashAnnotation(id: string): void {
  clearTimeout(flashTimer);
  // Off then on, so clicking the same card twice restarts the animation.
  highlightFocusStore.setState({ flashId: null, selectedId: id });
  requestAnimationFrame(() => highlightFocusStore.setState({ flashId: id }));
  flashTimer = setTimeout(() => highlightFocusStore.setState({ flashId: null }), FLASH_MS);
}
