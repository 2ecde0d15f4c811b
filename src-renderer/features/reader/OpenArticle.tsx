/**
 * The open article: toolbar, header and body with its highlights painted, the selection
 * toolbar, plus its rename field and delete dialog.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { ArticleView } from '../../../src-main/common/model';
import { loadAnnotations, selectAnnotation } from '../../state/annotation-actions';
import { annotationStore } from '../../state/annotation-store';
import { highlightFocusStore } from '../../state/highlight-focus-store';
import { openArticleExport } from '../../state/export-scope';
import { report } from '../../state/status-store';
import { useAnnotations } from '../../state/useAnnotations';
import { useClaimsByAnnotation } from '../../state/useClaimsByAnnotation';
import { useLegend } from '../../state/useLegend';
import { ArticleBody } from '../../components/article-body/ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { lazyNamed } from '../../components/lazy-named';
import { DeleteArticleDialog } from './DeleteArticleDialog';
import type { PaintRange } from '../../components/article-body/paint-segments';
import { ReaderToolbar } from './ReaderToolbar';
import { SelectionToolbar } from './SelectionToolbar';
import { useReaderKeys } from './useReaderKeys';
import { useMarkFocus } from './useMarkFocus';
import { useSelectionTracking } from './useSelectionTracking';
import { usePassageFocus } from './usePassageFocus';

const EditDetailsDialog = lazyNamed(() => import('../../components/EditDetailsDialog'), 'EditDetailsDialog');

/**
 * A click on a painted passage selects its card. Nested highlights: the first click picks the
 * innermost; clicking again walks outwards (and round), so every layer stays reachable.
 */
function onPassageClick(event: MouseEvent<HTMLDivElement>) {
  const selection = window.getSelection();
  if (selection && !selection.isCollapsed) return; // the end of a drag, not a click
  const chain: string[] = [];
  let mark = event.target instanceof Element ? event.target.closest('mark[data-annotation-id]') : null;
  while (mark) {
    const id = mark.getAttribute('data-annotation-id');
    if (id && !chain.includes(id)) chain.push(id);
    mark = mark.parentElement?.closest('mark[data-annotation-id]') ?? null;
  }
  if (chain.length === 0) return;
  const current = highlightFocusStore.getState().selectedId;
  const index = current ? chain.indexOf(current) : -1;
  selectAnnotation(chain[(index + 1) % chain.length]!);
}

export interface OpenArticleProps {
  view: ArticleView;
  /** Told while the body's highlights are still being painted (see leaf-painter.ts). */
  onPainting?: (painting: boolean) => void;
}

export function OpenArticle({ view, onPainting }: OpenArticleProps) {
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [editingDetails, setEditingDetails] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const article = useRef<HTMLElement>(null);
  const annotations = useAnnotations();
  const legend = useLegend();
  const claimsByAnnotation = useClaimsByAnnotation();
  const { found, flashing } = usePassageFocus(view.id, annotations);

  // Opening an article fetches its highlights with its text (openArticle); a reader shown
  // another way fetches them here.
  useEffect(() => {
    if (annotationStore.getState().articleId !== view.id) void loadAnnotations(view.id);
  }, [view.id]);
  useSelectionTracking(article, view.text);
  useReaderKeys();
  const showMarkFocus = useMarkFocus(article);

  const highlights = useMemo(
    () => [
      ...annotations.flatMap((annotation): PaintRange[] => {
        if (annotation.anchor.status !== 'anchored' || annotation.articleId !== view.id) return [];
        const { id, color } = annotation;
        const claim = claimsByAnnotation.has(id);
        return [{ id, color, start: annotation.anchor.start, end: annotation.anchor.end, label: `Highlight: ${legend[color]}${claim ? ', claim' : ''}`, claim }];
      }),
      ...(found ? [{ id: 'found-passage', kind: 'found' as const, start: found.start, end: found.end, flashing }] : []),
    ],
    [annotations, view.id, found, flashing, legend, claimsByAnnotation],
  );
  const onRenameDone = useCallback(() => {
    setRenaming(false);
    renameButton.current?.focus();
  }, []);

  const onLinkClick = useCallback((href: string) => {
    report(`Links do not open from the reader yet. This one goes to ${href}`);
  }, []);

  return (
    <>
      <ReaderToolbar
        renameButton={renameButton}
        onRename={() => setRenaming(true)}
        onDelete={() => setDeleting(true)}
        onEditDetails={() => setEditingDetails(true)}
        onExport={() => openArticleExport(view.id, view.title)}
      />
      {/* An imported page's language and direction: right-to-left articles are laid out right to left. */}
      <article ref={article} className="article" dir={view.dir} lang={view.lang}>
        <ArticleHeader view={view} renaming={renaming} onRenameDone={onRenameDone} />
        {/* Painting 1,000 highlights is split into short tasks (the text and the top of the
            article first); whatever goes to a mark waits for it to be painted (see whenPainted). */}
        <ArticleBody doc={view.doc} onLinkClick={onLinkClick} highlights={highlights} onClick={onPassageClick} onPainting={onPainting} onPainted={showMarkFocus} />
        <SelectionToolbar />
      </article>
      {deleting ? <DeleteArticleDialog article={view} onClose={() => setDeleting(false)} /> : null}
      {editingDetails ? (
        <Suspense fallback={null}>
          <EditDetailsDialog article={view} onClose={() => setEditingDetails(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
