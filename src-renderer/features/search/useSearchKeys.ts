/**
 * Ctrl/Cmd+K anywhere, or `/` when not typing in a field, opens search (as in most editors
 * and sites), unless another dialog is open.
 */
import { useEffect } from 'react';
import { isTypingTarget } from '../../state/is-typing-target';
import { openSearchDialog } from '../../state/search-actions';

export function useSearchKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const command = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTypingTarget(event.target);
      if (!command && !slash) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      openSearchDialog();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
