/** The one export dialog, shown while a feature has asked for it (see export-dialog-store). */
import { closeExport, useExportRequest } from '../../state/export-dialog-store';
import { Suspense } from 'react';
import { lazyNamed } from '../../components/lazy-named';
import { useExportKeys } from './useExportKeys';

const ExportDialog = lazyNamed(() => import('./ExportDialog'), 'ExportDialog');

export function ExportHost() {
  useExportKeys();
  const request = useExportRequest();
  // Keyed by the request, so a new one starts a fresh dialog (its own preview and errors).
  return request ? (
    <Suspense fallback={null}>
      <ExportDialog key={request.id} request={request} onClose={closeExport} />
    </Suspense>
  ) : null;
}
