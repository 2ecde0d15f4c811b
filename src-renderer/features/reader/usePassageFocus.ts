/**
 * Applies a requested passage focus (see state/passage-focus.ts) once the article is shown:
 * found words are painted as a marked range, scrolled to the middle of the reader and
 * flashed; a highlight is gone to as its card does (once the highlights have loaded).
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { AnnotationView } from '../../../src-main/common/model';
import { FLASH_MS, selectAnnotation } from '../../state/annotation-actions';
import { report } from '../../state/status-store';
import { passageFocusStore } from '../../state/passage-focus';
import { goToPassage, markOf, scrollToPassage, whenPainted } from '../../state/go-to-passage';

export interface FoundPassage {
  /** The found words to paint, in canonical offsets, if any. */
  found: { start: number; end: number } | null;
  /** They are flashing now. */
  flashing: boolean;
}

export function usePassageFocus(articleId: string, annotations: readonly AnnotationView[]): FoundPassage {
  const { pending, found, serial } = useStore(passageFocusStore, useShallow((s) => s));

  useEffect(() => {
    if (!pending || pending.articleId !== articleId) return;
    if (pending.kind === 'range') {
      passageFocusStore.setState({ pending: null, found: { articleId, start: pending.start, end: pending.end, flashing: true } });
      // Not cleared with the effect: clearing `pending` re-runs it. The serial check keeps a
      // later request's flash from being cut short.
      setTimeout(() => {
        const now = passageFocusStore.getState();
        if (now.serial === serial && now.found) passageFocusStore.setState({ found: { ...now.found, flashing: false } });
      }, FLASH_MS);
      return;
    }
    const annotation = annotations.find((a) => a.id === pending.annotationId);
    if (!annotation) return; // not loaded yet
    passageFocusStore.setState({ pending: null });
    if (annotation.anchor.status !== 'anchored') {
      selectAnnotation(annotation.id);
      report('This highlight’s words are no longer in the article; it is listed under “Needs review” in the margin.');
      return;
    }
    // After the highlights' marks are in the page.
    void whenPainted(() => markOf(annotation.id)).then(() => goToPassage(annotation.id));
  }, [pending, articleId, annotations, serial]);

  const mine = found && found.articleId === articleId ? found : null;
  // Scroll once per request, not again when the flash ends.
  const scrollKey = mine ? `${serial}:${mine.start}:${mine.end}` : null;
  useEffect(() => {
    if (!scrollKey) return;
    void whenPainted(() => document.querySelector('.reader-pane mark[data-found-passage]')).then((mark) => {
      if (mark) scrollToPassage(mark);
    });
  }, [scrollKey]);

  // The store's own object, so the reader's painted ranges change only when it does.
  return { found: mine, flashing: mine?.flashing ?? false };
}
