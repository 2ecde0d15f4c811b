/**
 * Keys of a field that saves when it loses focus: Enter (or Ctrl/Cmd+Enter, for multi-line
 * text) saves by leaving the field; Esc marks the edit cancelled and leaves it, so the blur
 * handler restores the old value instead of saving.
 */
import type { KeyboardEvent, RefObject } from 'react';

export function saveOnBlurKeys(
  event: KeyboardEvent<HTMLTextAreaElement>,
  cancelled: RefObject<boolean>,
  { multiline }: { multiline: boolean },
): void {
  if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.blur();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    cancelled.current = true;
    event.currentTarget.blur();
  }
}
