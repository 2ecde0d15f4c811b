/**
 * Export: a report (or a bibliography) of the scope it was opened on, in the format and
 * citation style chosen, with a live preview. Save runs the export with its progress shown
 * and a way to stop it, then hands the file over (the desktop app's Save dialog, or the
 * browser's download) and names it in the status line. A failure stays in the dialog, beside
 * Save, with everything chosen kept.
 */
import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { useDialogAction } from '../../components/useDialogAction';
import { exportArgsOf, useExportChoices, type ExportRequest } from '../../state/export-dialog-store';
import { progressText, saveExport, startExport, type ExportProgress, type RunningExport } from '../../state/export-job';
import { useExportPreview } from '../../state/useExportPreview';
import { ExportFields } from './ExportFields';
import { ExportPreviewPane } from './ExportPreviewPane';
import './export.css';

export interface ExportDialogProps {
  request: ExportRequest;
  onClose: () => void;
}

export function ExportDialog({ request, onClose }: ExportDialogProps) {
  const choices = useExportChoices();
  const args = useMemo(() => exportArgsOf(request.scope, choices), [request.scope, choices]);
  const preview = useExportPreview(args);
  const { error, busy, run } = useDialogAction(onClose);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const running = useRef<RunningExport | null>(null);
  const firstField = useRef<HTMLInputElement>(null);

  function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setProgress(null);
    const started = startExport(args, setProgress);
    running.current = started;
    void run(() => saveExport(started, args)).finally(() => {
      if (running.current === started) running.current = null;
    });
  }

  // While saving, Cancel stops the export and keeps the dialog; otherwise it closes it.
  const cancel = () => (running.current ? running.current.cancel() : onClose());
  const dismiss = () => {
    running.current?.cancel();
    onClose();
  };

  // Enter saves from any field; a select would otherwise swallow it.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLSelectElement)) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  };

  return (
    <Dialog title="Export" onClose={dismiss} initialFocus={firstField} className="dialog-export">
      <form className="export-form" onSubmit={save} onKeyDown={onKeyDown} noValidate>
        <div className="export-choices">
          <p className="field export-scope">
            <span className="field-label">Scope</span>
            <span className="export-scope-text" title={request.label}>
              {request.label}
            </span>
          </p>
          <ExportFields choices={choices} firstField={firstField} />
        </div>
        <ExportPreviewPane state={preview} shape={choices.shape} format={choices.format} />
        <div className="export-footer">
          {busy ? (
            <div className="export-progress">
              <p role="status">{progressText(progress)}</p>
              <progress max={progress?.total || undefined} value={progress?.total ? progress.done : undefined} aria-label="Export progress" />
            </div>
          ) : null}
          <DialogFormFooter error={error} busy={busy} submit="Save" onCancel={cancel} />
        </div>
      </form>
    </Dialog>
  );
}
