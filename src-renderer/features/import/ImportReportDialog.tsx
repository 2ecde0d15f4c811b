/**
 * The per-file report of an import: every file or address with what became of it (imported,
 * with a button to open it, or the reason it was not), and the re-import question when one
 * matches an article already in the library.
 */
import { useRef } from 'react';
import { CircleAlert, CircleCheck, CircleMinus, LoaderCircle } from 'lucide-react';
import { Dialog } from '../../components/Dialog';
import { openArticle } from '../../state/library-actions';
import { closeImportReport, type ReportItem } from './import-report-store';
import { ReimportQuestionPanel } from './ReimportQuestionPanel';
import { useImportReport } from './useImportReport';

const STATE_LABEL: Record<ReportItem['state'], string> = {
  waiting: 'Waiting',
  working: 'Importing…',
  imported: 'Imported',
  replaced: 'Replaced the text, kept the highlights',
  failed: 'Not imported',
  skipped: 'Skipped',
};

function StateIcon({ state }: { state: ReportItem['state'] }) {
  if (state === 'imported' || state === 'replaced') return <CircleCheck aria-hidden="true" size={18} className="import-icon import-icon-ok" />;
  if (state === 'failed') return <CircleAlert aria-hidden="true" size={18} className="import-icon import-icon-failed" />;
  if (state === 'skipped') return <CircleMinus aria-hidden="true" size={18} className="import-icon" />;
  return <LoaderCircle aria-hidden="true" size={18} className="import-icon import-icon-busy" />;
}

function summaryOf(items: ReportItem[]): string {
  const pending = items.filter((item) => item.state === 'waiting' || item.state === 'working').length;
  if (pending > 0) return `Importing ${items.length - pending + 1} of ${items.length}…`;
  const imported = items.filter((item) => item.state === 'imported' || item.state === 'replaced').length;
  const failed = items.filter((item) => item.state === 'failed').length;
  const parts = [`${imported} imported`];
  if (failed > 0) parts.push(`${failed} not imported`);
  const skipped = items.length - imported - failed;
  if (skipped > 0) parts.push(`${skipped} skipped`);
  return `${parts.join(', ')}.`;
}

export function ImportReportDialog() {
  const { open, items, question } = useImportReport();
  const closeButton = useRef<HTMLButtonElement>(null);
  if (!open) return null;
  const finished = items.every((item) => item.state !== 'waiting' && item.state !== 'working');

  return (
    <Dialog title="Import report" onClose={closeImportReport} initialFocus={closeButton} className="dialog-wide import-report">
      <p className="import-summary" role="status">
        {summaryOf(items)}
      </p>
      {question ? <ReimportQuestionPanel question={question} /> : null}
      <ul className="import-items" aria-label="Imported files">
        {items.map((item) => (
          <li key={item.key} className="import-item" data-state={item.state}>
            <StateIcon state={item.state} />
            <div className="import-item-text">
              <span className="import-item-name" title={item.name}>
                {item.name}
              </span>
              <span className="import-item-state">{item.message ?? (item.title && item.title !== item.name ? `${STATE_LABEL[item.state]} as “${item.title}”` : STATE_LABEL[item.state])}</span>
              {item.notice ? <span className="import-item-state">{item.notice}</span> : null}
            </div>
            {item.articleId ? (
              <button
                type="button"
                className="button"
                aria-label={`Open “${item.title ?? item.name}”`}
                onClick={() => {
                  closeImportReport();
                  void openArticle(item.articleId!);
                }}
              >
                Open
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button ref={closeButton} type="button" className="button button-primary" onClick={closeImportReport}>
          {finished ? 'Done' : 'Hide'}
        </button>
      </div>
    </Dialog>
  );
}
