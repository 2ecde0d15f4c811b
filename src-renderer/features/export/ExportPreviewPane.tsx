/**
 * The start of the export as it will read: an HTML report in a sandboxed frame (no script,
 * no same-origin access: `sandbox=""`), any other format as plain text. Both can be reached
 * with Tab and scrolled from the keyboard.
 */
import { useId } from 'react';
import type { ExportFormat } from '../../../src-main/common/export-schema';
import type { ReportShape } from '../../state/export-dialog-store';
import { summaryText } from '../../state/export-job';
import type { ExportPreviewState } from '../../state/useExportPreview';

export interface ExportPreviewPaneProps {
  state: ExportPreviewState;
  shape: ReportShape;
  format: ExportFormat;
}

export function ExportPreviewPane({ state, shape, format }: ExportPreviewPaneProps) {
  const { preview, error, loading } = state;
  const titleId = useId();
  let status: string;
  if (error) status = error;
  else if (!preview) status = 'Preparing the preview…';
  else status = summaryText(preview.summary, { shape, format });

  return (
    <section className="export-preview" aria-labelledby={titleId} aria-busy={loading || undefined}>
      <div className="export-preview-head">
        <h3 id={titleId} className="export-preview-title">
          Preview
        </h3>
        <p className="export-preview-summary" role="status" data-tone={error ? 'error' : undefined}>
          {status}
        </p>
      </div>
      {preview && !error ? (
        <>
          {preview.kind === 'html' ? (
            <iframe className="export-preview-body export-preview-frame" title="Preview" sandbox="" srcDoc={preview.content} />
          ) : (
            // Focusable so the keyboard can scroll it. CSV keeps a row to a line.
            <pre className="export-preview-body export-preview-text" data-wrap={format === 'csv' ? 'none' : undefined} tabIndex={0} aria-label="Preview">
              {preview.content}
            </pre>
          )}
          <p className="field-hint export-preview-note">
            Preview of the first few {shape === 'claim' ? 'claims' : 'sources'}; the saved file holds every one in scope.
          </p>
        </>
      ) : (
        <div className="export-preview-body export-preview-empty">{error ? 'Nothing to preview.' : null}</div>
      )}
    </section>
  );
}
