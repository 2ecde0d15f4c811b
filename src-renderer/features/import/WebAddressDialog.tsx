/**
 * "From a web address": the one place Marginalia goes to the network, and only when asked.
 * The page is downloaded by the main side and imported like a saved web page.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { webAddressSchema } from '../../../src-main/common/import-schema';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { importWebAddress } from './import-runner';

export function WebAddressDialog({ onClose }: { onClose: () => void }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = webAddressSchema.safeParse(url);
    if (!parsed.success) {
      setError('Type a web address that starts with http:// or https://.');
      field.current?.focus();
      return;
    }
    onClose();
    void importWebAddress(parsed.data);
  }

  return (
    <Dialog title="Import from a web address" onClose={onClose} initialFocus={field}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-url`}>Web address</label>
          <input
            ref={field}
            id={`${id}-url`}
            type="text"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder="https://"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className="field-hint">
            Marginalia downloads this one page (HTML or PDF) and keeps a clean copy; it makes no other network request.
          </p>
        </div>
        <DialogFormFooter error={error} busy={false} submit="Import" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
