/**
 * Ctrl/Cmd+Shift+E exports the whole notebook, as the desktop menu's File › Export… does:
 * browser mode has no application menu, so the key is how it is reached there. Not while
 * another dialog is open.
 */
import { useEffect } from 'react';
import { openNotebookExport } from '../../state/export-scope';

export function useExportKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey) || !event.shiftKey) return;
      if (event.key.toLowerCase() !== 'e' || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      openNotebookExport();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
