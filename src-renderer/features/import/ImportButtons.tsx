/**
 * "Import files…" (a file picker, several files at once), "From a web address…" and "Import
 * bundle or annotations…" (work from a colleague or another tool, merged), for the library pane.
 */
import { Suspense, useRef, useState } from 'react';
import { FileUp, Globe, Users } from 'lucide-react';
import { IMPORT_FILE_ACCEPT } from '../../../src-main/common/import-limits';
import { importFiles } from './import-runner';
import { ExchangeFileInput } from './ExchangeFileInput';
import { lazyNamed } from '../../components/lazy-named';
import './import.css';

const WebAddressDialog = lazyNamed(() => import('./WebAddressDialog'), 'WebAddressDialog');

export function ImportButtons() {
  const picker = useRef<HTMLInputElement>(null);
  const exchangePicker = useRef<HTMLInputElement>(null);
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
      <button type="button" className="button" onClick={() => exchangePicker.current?.click()}>
        <Users aria-hidden="true" size={16} />
        Import bundle or annotations…
      </button>
      <ExchangeFileInput ref={exchangePicker} />
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
      {askingAddress ? (
        <Suspense fallback={null}>
          <WebAddressDialog onClose={() => setAskingAddress(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
