/**
 * One highlight in the margin: its quote (a button that scrolls to the passage and flashes
 * it), colour and meaning, comment, date, and what can be done to it. The card is named by its
 * quote; `aria-current` marks the one selected in the reader.
 */
import { useEffect, useId, useRef } from 'react';
import { Trash2 } from 'lucide-react';
import type { AnnotationView } from '../../../src-main/common/model';
import { ArticleDate } from '../../components/ArticleDate';
import { ColorSwatch } from '../../components/ColorSwatch';
import { deleteAnnotation, recolorAnnotation } from '../../state/annotation-actions';
import { ColorMenu } from './ColorMenu';
import { CommentEditor } from './CommentEditor';
import { goToPassage } from './go-to-passage';
import { shortenQuote } from './shorten-quote';

export interface HighlightCardProps {
  annotation: AnnotationView;
  meaning: string;
  selected: boolean;
}

export function HighlightCard({ annotation, meaning, selected }: HighlightCardProps) {
  const quoteId = useId();
  const card = useRef<HTMLElement>(null);

  // A passage clicked in the reader brings its card into view, without taking focus from the text.
  useEffect(() => {
    if (selected) card.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  return (
    <article ref={card} className={`card card-${annotation.color}`} aria-labelledby={quoteId} aria-current={selected || undefined}>
      <button id={quoteId} type="button" className="card-quote" title="Show in the article" onClick={() => goToPassage(annotation.id)}>
        {shortenQuote(annotation.target.quote.exact)}
      </button>
      <p className="card-meta">
        <ColorSwatch color={annotation.color} />
        <span className="card-meaning">{meaning}</span>
        <ArticleDate meta={{ createdAt: annotation.createdAt }} className="card-date" />
      </p>
      <CommentEditor key={annotation.comment} id={annotation.id} comment={annotation.comment} />
      <div className="card-actions">
        <ColorMenu color={annotation.color} onPick={(color) => void recolorAnnotation(annotation.id, color)} />
        <button type="button" className="button button-quiet button-small" onClick={() => void deleteAnnotation(annotation.id)}>
          <Trash2 aria-hidden="true" size={14} />
          <span>Delete highlight</span>
        </button>
      </div>
    </article>
  );
}
