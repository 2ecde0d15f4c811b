/**
 * The margin's highlight cards, windowed: only the cards near the viewport are in the DOM,
 * each placed at its top in a list as tall as all of them, so the scrollbar and every
 * position stay right. It stays one list ("Highlights") whose items say their place in the
 * whole (`aria-posinset` of `aria-setsize`). The selected card, the one holding focus (a
 * comment being written) and the one about to open its tag field are always rendered, so
 * going to a card from its passage finds it, and nothing a person is typing in disappears.
 */
import { useMemo, useRef, useState, type FocusEvent, type RefObject } from 'react';
import type { AnnotationView, ClaimView, ColorLegend } from '../../../src-main/common/model';
import type { Backlink } from '../../../src-main/common/note-links';
import { useTagFocus } from '../../state/useTagFocus';
import { cardsToRender } from './card-window';
import { HighlightCard } from './HighlightCard';
import { useCardWindow } from './useCardWindow';

export interface CardListProps {
  /** The element that scrolls the list (the margin pane). */
  scroller: RefObject<HTMLElement | null>;
  annotations: readonly AnnotationView[];
  legend: ColorLegend;
  selectedId: string | null;
  backlinks: ReadonlyMap<string, readonly Backlink[]>;
  claims: ReadonlyMap<string, readonly ClaimView[]>;
}

const cardIdOf = (target: EventTarget | null) => (target instanceof Element ? (target.closest<HTMLElement>('[data-card-id]')?.dataset.cardId ?? null) : null);

export function CardList({ scroller, annotations, legend, selectedId, backlinks, claims }: CardListProps) {
  const list = useRef<HTMLOListElement>(null);
  const ids = useMemo(() => annotations.map((annotation) => annotation.id), [annotations]);
  const tagFocusId = useTagFocus();
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const { layout, range, observe } = useCardWindow(scroller, list, ids, selectedId);
  const keep = [selectedId, focusedId, tagFocusId].map((id) => (id === null ? -1 : ids.indexOf(id)));

  const onFocus = (event: FocusEvent) => setFocusedId(cardIdOf(event.target));
  const onBlur = (event: FocusEvent) => {
    if (cardIdOf(event.relatedTarget) === null) setFocusedId(null);
  };

  return (
    <ol ref={list} className="card-list card-list-windowed" aria-label="Highlights" style={{ height: layout.total }} onFocus={onFocus} onBlur={onBlur}>
      {cardsToRender(range, keep).map((index) => {
        const annotation = annotations[index]!;
        return (
          <li key={annotation.id} ref={observe} data-card-id={annotation.id} aria-setsize={annotations.length} aria-posinset={index + 1} style={{ top: layout.tops[index] }}>
            <HighlightCard
              annotation={annotation}
              meaning={legend[annotation.color]}
              selected={annotation.id === selectedId}
              backlinks={backlinks.get(annotation.id)}
              claims={claims.get(annotation.id)}
            />
          </li>
        );
      })}
    </ol>
  );
}
