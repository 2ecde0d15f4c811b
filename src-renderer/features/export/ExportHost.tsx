/** The one export dialog, shown while a feature has asked for it (see export-dialog-store). */
import { closeExport, useExportRequest } from '../../state/export-dialog-store';
import { ExportDialog } from './ExportDialog';
import { useExportKeys } from './useExportKeys';

export function ExportHost() {
  useExportKeys();
  const request = useExportRequest();
  // Keyed by the request, so a new one starts a fresh dialog (its own preview and errors).
  return request ? <ExportDialog key={request.id} request={request} onClose={closeExport} /> : null;
}
