/**
 * "History" on a record (a highlight's card, a claim's card, the note editor), shown only while
 * the notebook is shared: it opens the one History dialog on this record, which lists its
 * versions from the shared history and can restore one.
 */
import { History } from 'lucide-react';
import { openRecordHistory, type RecordHistoryRequest } from '../state/record-history-store';
import { useShared } from '../state/sync-store';

export interface HistoryButtonProps extends RecordHistoryRequest {
  className?: string;
  /** Only the icon shows (a card's row of small buttons); the name stays "History". */
  iconOnly?: boolean;
  iconSize?: number;
}

export function HistoryButton({ kind, id, subject, className = 'button button-quiet button-small', iconOnly = false, iconSize = 14 }: HistoryButtonProps) {
  const shared = useShared();
  if (!shared) return null;
  return (
    <button type="button" className={className} title={iconOnly ? `History of ${subject}` : undefined} onClick={() => openRecordHistory({ kind, id, subject })}>
      <History aria-hidden="true" size={iconSize} />
      <span className={iconOnly ? 'visually-hidden' : 'toolbar-label'}>History</span>
    </button>
  );
}
