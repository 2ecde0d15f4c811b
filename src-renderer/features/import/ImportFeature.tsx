/** What import puts in the window besides its buttons: the drop overlay and the reports. */
import { useRef } from 'react';
import { DropZone } from './DropZone';
import { ExchangeFileInput } from './ExchangeFileInput';
import { ExchangeImportDialog } from './ExchangeImportDialog';
import { ImportReportDialog } from './ImportReportDialog';
import './exchange.css';

export function ImportFeature() {
  const exchangePicker = useRef<HTMLInputElement>(null);
  return (
    <>
      <DropZone />
      <ImportReportDialog />
      <ExchangeImportDialog onChooseFile={() => exchangePicker.current?.click()} />
      <ExchangeFileInput ref={exchangePicker} />
    </>
  );
}
