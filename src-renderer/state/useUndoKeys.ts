/**
 * Ctrl/Cmd+Z undoes the last change to the notebook, Ctrl/Cmd+Shift+Z and Ctrl+Y redo it.
 * Inside a text field the field's own undo wins, so typing is never undone by the notebook;
 * while a dialog is open the notebook is not changed behind it.
 */
import { useEffect } from 'react';
import { redo, undo } from './history-actions';
import { isTypingTarget } from './is-typing-target';

export function useUndoKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open], [role="dialog"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z') {
        event.preventDefault();
        void (event.shiftKey ? redo() : undo());
      } else if (key === 'y' && !event.shiftKey) {
        event.preventDefault();
        void redo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
