/**
 * One highlight in the margin: its quote (a button that scrolls to the passage and flashes
 * it), colour and meaning, comment, date, and what can be done to it. The card is named by its
 * quote; `aria-current` marks the one selected in the reader. Notes that cite it are listed
 * under "Cited by" (each opens the note); claims it is evidence for, under "Claim". Its tags
 * can be edited in place, and "Add note" starts a note linked to it. Versions edited elsewhere
 * at the same time (after an import) show as a quiet notice, to look at, use or dismiss; in a
 * shared notebook, History lists its synced versions.
 */
import { memo, useEffect, useId, useRef } from 'react';
import { Trash2 } from 'lucide-react';
import type { AnnotationView, ClaimView } from '../../../src-main/common/model';
import type { Backlink } from '../../../src-main/common/note-links';
import { ArticleDate } from '../../components/ArticleDate';
import { ColorSwatch } from '../../components/ColorSwatch';
import { TagInput } from '../../components/TagInput';
import { recolorAnnotation, requestDeleteAnnotation } from '../../state/annotation-actions';
import { highlightFocusStore } from '../../state/highlight-focus-store';
import { openNote } from '../../state/notes-actions';
import { tagAnnotation } from '../../state/tag-actions';
import { useTagFocus } from '../../state/useTagFocus';
import { NewNoteMenu } from '../../components/NewNoteMenu';
import { HistoryButton } from '../../components/HistoryButton';
import { ClaimSection } from './ClaimSection';
import { ColorMenu } from './ColorMenu';
import { CommentEditor } from './CommentEditor';
import { HighlightConflicts } from './HighlightConflicts';
import { goToPassage } from '../../state/go-to-passage';
import { shortenQuote } from '../../components/shorten-quote';

const NONE: readonly never[] = [];

export interface HighlightCardProps {
  annotation: AnnotationView;
  meaning: string;
  selected: boolean;
  /** The notes that cite this highlight. */
  backlinks?: readonly Backlink[];
  /** The claims this highlight is evidence for. */
  claims?: readonly ClaimView[];
}

/** Memoized: scrolling the margin re-renders the card list, not the cards already in it. */
export const HighlightCard = memo(function HighlightCard({ annotation, meaning, selected, backlinks = NONE, claims = NONE }: HighlightCardProps) {
  const quoteId = useId();
  const card = useRef<HTMLElement>(null);
  const focusTags = useTagFocus() === annotation.id;

  // A passage clicked in the reader brings its card into view, without taking focus from the text.
  useEffect(() => {
    if (selected) card.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);

  return (
    <article ref={card} className={`card card-${annotation.color}${claims.length > 0 ? ' card-is-claim' : ''}`} aria-labelledby={quoteId} aria-current={selected || undefined}>
      <button id={quoteId} type="button" className="card-quote" title="Show in the article" onClick={() => goToPassage(annotation.id)}>
        {shortenQuote(annotation.target.quote.exact)}
      </button>
      <p className="card-meta">
        <ColorSwatch color={annotation.color} />
        <span className="card-meaning">{meaning}</span>
        <ArticleDate meta={{ createdAt: annotation.createdAt }} className="card-date" />
      </p>
      {claims.length > 0 ? <ClaimSection claims={claims} /> : null}
      <CommentEditor annotation={annotation} />
      <TagInput
        label="Tags for this highlight"
        tags={annotation.tags}
        autoFocus={focusTags}
        onChange={(tags) => {
          if (focusTags) highlightFocusStore.setState({ tagFocusId: null });
          void tagAnnotation(annotation, tags);
        }}
      />
      <HighlightConflicts annotation={annotation} />
      {backlinks.length > 0 ? <CitedBy backlinks={backlinks} /> : null}
      <div className="card-actions">
        <NewNoteMenu target={{ annotationId: annotation.id }} subject={annotation.target.quote.exact} />
        <ColorMenu color={annotation.color} onPick={(color) => void recolorAnnotation(annotation, color)} />
        <HistoryButton
          kind="annotation"
          id={annotation.id}
          subject={`the highlight “${shortenQuote(annotation.target.quote.exact, 60)}”`}
          className="button button-quiet button-small button-icon-small"
          iconOnly
        />
        <button type="button" className="button button-quiet button-small button-icon-small" title="Delete highlight" onClick={() => void requestDeleteAnnotation(annotation.id)}>
          <Trash2 aria-hidden="true" size={14} />
          <span className="visually-hidden">Delete highlight</span>
        </button>
      </div>
    </article>
  );
});

function CitedBy({ backlinks }: { backlinks: readonly Backlink[] }) {
  const headingId = useId();
  return (
    <section className="card-backlinks" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-backlinks-heading">
        Cited by
      </h3>
      <ul className="card-backlinks-list">
        {backlinks.map((link) => (
          <li key={`${link.noteId} ${link.relation}`}>
            <button type="button" className="card-backlink" onClick={() => void openNote(link.noteId)}>
              <span className="card-backlink-title">{link.noteTitle}</span>
              <span className="visually-hidden"> — </span>
              <span className={`relation-badge relation-${link.relation}`}>{link.relation}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
