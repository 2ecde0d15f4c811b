import { useMemo, useState } from 'react';
import type { ArticleListing } from '../../../src-main/common/model';
import { useLibraryView } from '../../state/library-view-store';
import { useOpenArticleId } from '../../state/useOpenArticleId';
import { useTagFilter } from '../../state/tag-filter-store';
import { viewArticles } from '../../../src-main/common/library-view';

/**
 * The articles the list shows under the current sort, filters and window tag filter.
 * An article opened while the Unread filter is on stays listed until the filter changes or
 * another article is opened: reading it must not pull it out from under the pointer.
 */
export function useShownArticles(articles: ArticleListing[]): ArticleListing[] {
  const view = useLibraryView();
  const tag = useTagFilter();
  const openId = useOpenArticleId();
  const [seen, setSeen] = useState({ openId, unread: view.unread, kept: null as string | null });
  let kept = seen.kept;
  if (seen.openId !== openId || seen.unread !== view.unread) {
    // Adjusting state while rendering (React's pattern for state derived from a change of props).
    kept = seen.unread && view.unread ? openId : null;
    setSeen({ openId, unread: view.unread, kept });
  }
  return useMemo(() => viewArticles(articles, view, tag, kept), [articles, view, tag, kept]);
}
