/** "Import files…" (a file picker, several files at once) and "From a web address…", for the library pane. */
import { useRef, useState } from 'react';
import { FileUp, Globe } from 'lucide-react';
import { IMPORT_FILE_ACCEPT } from '../../../src-main/common/import-limits';
import { importFiles } from './import-runner';
import { WebAddressDialog } from './WebAddressDialog';
import './import.css';

export function ImportButtons() {
  const picker = useRef<HTMLInputElement>(null);
  const [askingAddress, setAskingAddress] = useState(false);

  return (
    <div className="import-buttons">
      <button type="button" className="button" onClick={() => picker.current?.click()}>
        <FileUp aria-hidden="true" size={16} />
        Import files…
      </button>
      <button type="button" className="button" onClick={() => setAskingAddress(true)}>
        <Globe aria-hidden="true" size={16} />
        From a web address…
      </button>
      <input
        ref={picker}
        type="file"
        multiple
        accept={IMPORT_FILE_ACCEPT}
        hidden
        aria-label="Files to import"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Cleared so picking the same file again (a changed version) fires change again.
          event.currentTarget.value = '';
          if (files.length > 0) void importFiles(files);
        }}
      />
      {askingAddress ? <WebAddressDialog onClose={() => setAskingAddress(false)} /> : null}
    </div>
  );
}
