/** What import puts in the window besides its buttons: the drop overlay and the report. */
import { DropZone } from './DropZone';
import { ImportReportDialog } from './ImportReportDialog';

export function ImportFeature() {
  return (
    <>
      <DropZone />
      <ImportReportDialog />
    </>
  );
}
