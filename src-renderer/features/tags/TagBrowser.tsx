/**
 * The tag browser in the library pane: every tag as a tree (`region/east-asia` under `region`)
 * with what carries it, kind by kind. Choosing a tag filters the library, the margin and the
 * claims view to it and everything under it; choosing it again clears the filter. Each tag can
 * be renamed, or merged into another, everywhere at once.
 */
import { Suspense, useMemo, useState } from 'react';
import { ChevronRight, PencilLine, Tags } from 'lucide-react';
import { tagTree, type TagNode } from '../../../src-main/common/tags';
import { EmptyState } from '../../components/EmptyState';
import { setTagFilter, useTagFilter } from '../../state/tag-filter-store';
import { useTagCounts } from '../../state/useTagCounts';
import { countWords } from './count-words';
import { lazyNamed } from '../../components/lazy-named';

const RenameTagDialog = lazyNamed(() => import('./RenameTagDialog'), 'RenameTagDialog');

export function TagBrowser() {
  const counts = useTagCounts();
  const tree = useMemo(() => tagTree(counts), [counts]);
  const [renaming, setRenaming] = useState<string | null>(null);

  if (tree.length === 0) {
    return <EmptyState icon={<Tags size={28} />}>No tags yet. Add tags to articles, highlights, claims and notes to sort them.</EmptyState>;
  }
  return (
    <>
      <ul className="tag-tree" aria-label="Tags">
        {tree.map((node) => (
          <TagRow key={node.path} node={node} depth={0} onRename={setRenaming} />
        ))}
      </ul>
      {renaming !== null ? (
        <Suspense fallback={null}>
          <RenameTagDialog from={renaming} known={counts.map((c) => c.tag)} onClose={() => setRenaming(null)} />
        </Suspense>
      ) : null}
    </>
  );
}

function TagRow({ node, depth, onRename }: { node: TagNode; depth: number; onRename: (tag: string) => void }) {
  const filter = useTagFilter();
  const [expanded, setExpanded] = useState(true);
  const active = filter === node.path;
  const words = countWords(node.total);
  return (
    <li>
      <div className="tag-row" data-active={active || undefined} style={{ paddingLeft: `${depth * 14}px` }}>
        {node.children.length > 0 ? (
          <button
            type="button"
            className="tag-expand"
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Collapse' : 'Expand'} ${node.path}`}
            onClick={() => setExpanded(!expanded)}
          >
            <ChevronRight aria-hidden="true" size={14} />
          </button>
        ) : (
          <span className="tag-expand" aria-hidden="true" />
        )}
        <button
          type="button"
          className="tag-pick"
          aria-pressed={active}
          aria-label={`Filter by ${node.path}: ${words}`}
          title={active ? 'Show everything again' : `Show only what is tagged ${node.path}`}
          onClick={() => setTagFilter(active ? null : node.path)}
        >
          <span className="tag-name">{node.name}</span>
          <span className="tag-counts">{words}</span>
        </button>
        <button type="button" className="button button-icon tag-rename" aria-label={`Rename tag ${node.path}`} title="Rename or merge" onClick={() => onRename(node.path)}>
          <PencilLine aria-hidden="true" size={14} />
        </button>
      </div>
      {expanded && node.children.length > 0 ? (
        <ul className="tag-tree-children">
          {node.children.map((child) => (
            <TagRow key={child.path} node={child} depth={depth + 1} onRename={onRename} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
