/**
 * The right pane: the colour legend, the open article's highlights in reading order, and the
 * ones that need review after the article changed. With a tag filter on, only the highlights
 * carrying the tag (themselves or through a claim they back) are listed.
 */
import { Highlighter } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { useAnnotations } from '../../state/useAnnotations';
import { useBacklinks } from '../../state/useBacklinks';
import { useClaimsByAnnotation } from '../../state/useClaimsByAnnotation';
import { useHighlightFocus } from '../../state/useHighlightFocus';
import { useLegend } from '../../state/useLegend';
import { useOpenArticle } from '../../state/useOpenArticle';
import { useTagFilter } from '../../state/tag-filter-store';
import { hasTag } from '../../../src-main/common/tags';
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
  const tag = useTagFilter();
  const tagged = (id: string, tags: readonly string[]) =>
    tag === null || hasTag(tags, tag) || (claims.get(id) ?? []).some((claim) => hasTag(claim.tags, tag));
  const allAnchored = mine.filter((annotation) => annotation.anchor.status === 'anchored');
  const anchored = allAnchored.filter((annotation) => tagged(annotation.id, annotation.tags));
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
        {tag !== null ? (
          <p className="margin-hint margin-filter-hint">
            {anchored.length === 0 ? `No highlight here is tagged ${tag}.` : `Showing ${anchored.length} of ${allAnchored.length} highlights, tagged ${tag}.`}
          </p>
        ) : null}
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
