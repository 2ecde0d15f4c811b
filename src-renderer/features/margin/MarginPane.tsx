/**
 * The right pane: the colour legend, the open article's highlights in reading order, and the
 * ones that need review after the article changed. With a tag filter on, only the highlights
 * carrying the tag (themselves or through a claim they back) are listed. The pane scrolls the
 * card list, which renders only the cards near the viewport (see CardList).
 */
import { useMemo, useRef } from 'react';
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
import { CardList } from './CardList';
import { ColorLegendPanel } from './ColorLegendPanel';
import { DeleteHighlightDialog } from './DeleteHighlightDialog';
import { NeedsReview } from './NeedsReview';

export function MarginPane() {
  const { view } = useOpenArticle();
  const annotations = useAnnotations();
  const legend = useLegend();
  const { selectedId } = useHighlightFocus();
  const backlinks = useBacklinks();
  const claims = useClaimsByAnnotation();
  const pane = useRef<HTMLElement>(null);
  const tag = useTagFilter();
  const viewId = view?.id;
  // Memoized so the card list's layout is worked out again only when its highlights change.
  const { mine, allAnchored, anchored, orphans } = useMemo(() => {
    const mine = annotations.filter((annotation) => annotation.articleId === viewId);
    const tagged = (id: string, tags: readonly string[]) =>
      tag === null || hasTag(tags, tag) || (claims.get(id) ?? []).some((claim) => hasTag(claim.tags, tag));
    const allAnchored = mine.filter((annotation) => annotation.anchor.status === 'anchored');
    const anchored = allAnchored.filter((annotation) => tagged(annotation.id, annotation.tags));
    const orphans = mine.filter((annotation) => annotation.anchor.status === 'orphaned');
    return { mine, allAnchored, anchored, orphans };
  }, [annotations, viewId, tag, claims]);

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
          <CardList key={view.id} scroller={pane} annotations={anchored} legend={legend} selectedId={selectedId} backlinks={backlinks} claims={claims} />
        ) : null}
      </>
    );
  }

  return (
    <aside ref={pane} className="pane margin-pane" aria-label="Margin">
      <h2 className="pane-heading">Margin</h2>
      <ColorLegendPanel />
      {content}
      <DeleteHighlightDialog />
    </aside>
  );
}
