/** The right pane, where highlights, claims and notes will gather beside their passages. */
import { Highlighter } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';

export function MarginPane() {
  return (
    <aside className="pane margin-pane" aria-label="Margin">
      <h2 className="pane-heading">Margin</h2>
      <EmptyState icon={<Highlighter size={28} />}>Highlights, claims and notes for this article will gather here.</EmptyState>
    </aside>
  );
}
