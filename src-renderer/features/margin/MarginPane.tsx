/**
 * The right pane: the colour legend, the open article's highlights in reading order, and the
 * ones that need review after the article changed.
 */
import { Highlighter } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { useAnnotations } from '../../state/useAnnotations';
import { useBacklinks } from '../../state/useBacklinks';
import { useClaimsByAnnotation } from '../../state/useClaimsByAnnotation';
import { useHighlightFocus } from '../../state/useHighlightFocus';
import { useLegend } from '../../state/useLegend';
import { useOpenArticle } from '../../state/useOpenArticle';
import { ColorLegendPanel } from './ColorLegendPanel';
import { DeleteHighlightDialog } from './DeleteHighlightDialog';
import { HighlightCard } from './HighlightCard';
import { NeedsReview } from './NeedsReview';

export function MarginPane() {
  const { view } = useOpenArticle();
  const annotations = useAnnotations();
  const legend = useLegend();
  const { selectedId } = useHighlightFocus();
  const backlinks = useBacklinks();
  const claims = useClaimsByAnnotation();
  const mine = view ? annotations.filter((annotation) => annotation.articleId === view.id) : [];
  const anchored = mine.filter((annotation) => annotation.anchor.status === 'anchored');
  const orphans = mine.filter((annotation) => annotation.anchor.status === 'orphaned');

  let content;
  if (!view) {
    content = <EmptyState icon={<Highlighter size={28} />}>Highlights, claims and notes for this article will gather here.</EmptyState>;
  } else if (mine.length === 0) {
    content = <EmptyState icon={<Highlighter size={28} />}>Select any passage to highlight it.</EmptyState>;
  } else {
    content = (
      <>
        <NeedsReview orphans={orphans} />
        {anchored.length > 0 ? (
          <ol className="card-list" aria-label="Highlights">
            {anchored.map((annotation) => (
              <li key={annotation.id}>
                <HighlightCard
                  annotation={annotation}
                  meaning={legend[annotation.color]}
                  selected={annotation.id === selectedId}
                  backlinks={backlinks.get(annotation.id)}
                  claims={claims.get(annotation.id)}
                />
              </li>
            ))}
          </ol>
        ) : null}
      </>
    );
  }

  return (
    <aside className="pane margin-pane" aria-label="Margin">
      <h2 className="pane-heading">Margin</h2>
      <ColorLegendPanel />
      {content}
      <DeleteHighlightDialog />
    </aside>
  );
}
