/** The hidden file input behind "Import bundle or annotations…": one file, of the kinds the exchange import reads. */
import type { RefObject } from 'react';
import { EXCHANGE_FILE_ACCEPT } from '../../../src-main/common/import-limits';
import { importExchangeFiles } from './exchange-import';

export function ExchangeFileInput({ ref }: { ref: RefObject<HTMLInputElement | null> }) {
  return (
    <input
      ref={ref}
      type="file"
      accept={EXCHANGE_FILE_ACCEPT}
      hidden
      aria-label="Bundle or annotation file to import"
      onChange={(event) => {
        const files = Array.from(event.currentTarget.files ?? []);
        // Cleared so picking the same file again (a newer export of it) fires change again.
        event.currentTarget.value = '';
        if (files.length > 0) void importExchangeFiles(files);
      }}
    />
  );
}
