/** The centre pane: the open article, or a note on how to open one. */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { BookOpen } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { libraryStore } from '../../state/library-store';
import { useOpenArticle } from '../../state/useOpenArticle';
import { OpenArticle } from './OpenArticle';

const setPainting = (painting: boolean) => libraryStore.setState({ painting });

export function ReaderPane({ hidden = false }: { hidden?: boolean }) {
  const { openId, view, opening } = useOpenArticle();
  const pane = useRef<HTMLElement>(null);
  // Busy while the article is being fetched and until its highlights are all painted.
  const painting = useStore(libraryStore, (state) => state.painting);

  // A newly opened article starts at its top, not at the previous article's scroll offset.
  // Scrolled as soon as another article is asked for, while the pane shows at most a line
  // saying it is opening: scrolling makes the browser lay the pane out first, and once the
  // article is in, that was a whole long article, inside the task that renders it.
  // Not when the pane first appears, at its top already: scrolling makes the browser lay out the
  // whole window inside this effect (~30 ms of the window's first paint).
  const shownId = useRef(openId);
  useEffect(() => {
    if (shownId.current === openId) return;
    shownId.current = openId;
    pane.current?.scrollTo?.({ top: 0 });
  }, [openId]);

  let content;
  if (view) content = <OpenArticle key={view.id} view={view} onPainting={setPainting} />;
  else if (opening) content = <p className="reader-loading">Opening the article…</p>;
  else if (openId)
    content = (
      <EmptyState icon={<BookOpen size={32} />}>
        This article could not be opened. The message at the bottom of the window says why.
      </EmptyState>
    );
  else
    content = (
      <EmptyState icon={<BookOpen size={32} />} className="reader-empty">
        Choose an article from the library, or add one with New article.
      </EmptyState>
    );

  return (
    <main ref={pane} className="pane reader-pane" aria-label="Reader" aria-busy={opening || painting || undefined} hidden={hidden}>
      {content}
    </main>
  );
}
