/**
 * Highlights whose words could no longer be found after the article changed. They are never
 * moved silently: the person selects the right words and re-attaches, or deletes them.
 */
import type { MouseEvent } from 'react';
import { Link2, Trash2 } from 'lucide-react';
import type { AnnotationView } from '../../../src-main/common/model';
import { ColorSwatch } from '../../components/ColorSwatch';
import { reattachToSelection, requestDeleteAnnotation } from '../../state/annotation-actions';
import { useReaderSelection } from '../../state/useReaderSelection';
import { shortenQuote } from '../../components/shorten-quote';

// Re-attaching uses the reader's selection: pressing the button must not collapse it.
const keepSelection = (event: MouseEvent) => event.preventDefault();

export function NeedsReview({ orphans }: { orphans: AnnotationView[] }) {
  const { selection } = useReaderSelection();
  if (orphans.length === 0) return null;
  return (
    <section className="needs-review" aria-labelledby="needs-review-heading">
      <h3 id="needs-review-heading" className="margin-subheading">
        Needs review
      </h3>
      <p className="margin-hint">
        The article changed and these passages were not found. Select the right words in the article, then re-attach.
      </p>
      <ul className="card-list">
        {orphans.map((orphan) => (
          <li key={orphan.id}>
            <article className={`card card-orphan card-${orphan.color}`} aria-label={shortenQuote(orphan.target.quote.exact)}>
              <p className="card-quote card-quote-old">
                <ColorSwatch color={orphan.color} />
                <s>{shortenQuote(orphan.target.quote.exact)}</s>
              </p>
              <div className="card-actions">
                <button
                  type="button"
                  className="button button-quiet button-small"
                  disabled={!selection}
                  title={selection ? 'Move this highlight onto the selected words' : 'Select the right words in the article first'}
                  onMouseDown={keepSelection}
                  onClick={() => void reattachToSelection(orphan.id)}
                >
                  <Link2 aria-hidden="true" size={14} />
                  <span>Re-attach to selection</span>
                </button>
                <button type="button" className="button button-quiet button-small" onClick={() => void requestDeleteAnnotation(orphan.id)}>
                  <Trash2 aria-hidden="true" size={14} />
                  <span>Delete highlight</span>
                </button>
              </div>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
