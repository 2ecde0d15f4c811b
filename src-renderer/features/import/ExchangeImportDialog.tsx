/**
 * "Import bundle or annotations": the file picker's step (when opened from the app menu), then
 * each file's progress and, once merged, its summary — where the records came from, the counts,
 * the records of each group (with the reason where one is given) and the annotations whose
 * page this notebook does not hold. A failure shows the main side's sentence.
 */
import { useRef } from 'react';
import { FileUp } from 'lucide-react';
import { Dialog } from '../../components/Dialog';
import { closeExchangeImport, useExchangeImport, type ExchangeImport } from '../../state/exchange-import-store';
import { ExchangeSummaryView } from './ExchangeSummaryView';

export interface ExchangeImportDialogProps {
  /** Opens the file picker (the button that does lives with the other import buttons). */
  onChooseFile: () => void;
}

const busy = (item: ExchangeImport) => item.state === 'reading' || item.state === 'importing';

export function ExchangeImportDialog({ onChooseFile }: ExchangeImportDialogProps) {
  const { open, imports } = useExchangeImport();
  const doneButton = useRef<HTMLButtonElement>(null);
  if (!open) return null;
  const running = imports.some(busy);

  return (
    <Dialog title="Import bundle or annotations" onClose={closeExchangeImport} initialFocus={doneButton} className="dialog-wide exchange-import">
      {imports.length === 0 ? (
        <div className="exchange-choose">
          <p>
            Merge a colleague’s notebook bundle (.marginalia.json), W3C Web Annotation (.jsonld) or Hypothesis (.json) annotations, or a REFI-QDA project (.qdpx).
            Records are merged one by one; an edit made on both sides keeps both versions. Undo takes the whole import back.
          </p>
          <button type="button" className="button" onClick={onChooseFile}>
            <FileUp aria-hidden="true" size={16} />
            Choose a file…
          </button>
        </div>
      ) : (
        imports.map((item) => <ExchangeImportResult key={item.key} item={item} />)
      )}
      <div className="dialog-actions">
        <button ref={doneButton} type="button" className="button button-primary" onClick={closeExchangeImport}>
          {imports.length === 0 ? 'Cancel' : running ? 'Hide' : 'Done'}
        </button>
      </div>
    </Dialog>
  );
}

function ExchangeImportResult({ item }: { item: ExchangeImport }) {
  if (item.state === 'done' && item.summary) return <ExchangeSummaryView fileName={item.fileName} summary={item.summary} />;
  if (item.state === 'failed') {
    return (
      <section className="exchange-result" aria-label={item.fileName}>
        <p className="exchange-status" role="status">
          {item.fileName} was not imported.
        </p>
        <p className="dialog-error" role="alert">
          {item.error}
        </p>
      </section>
    );
  }
  return (
    <section className="exchange-result" aria-label={item.fileName} aria-busy="true">
      <p className="exchange-status" role="status">
        {item.state === 'reading' ? `Reading ${item.fileName}…` : `Importing ${item.fileName}…`}
      </p>
      <progress className="exchange-progress" aria-label={`Importing ${item.fileName}`} />
    </section>
  );
}
