/** Whether a key event belongs to a field, whose own keys (typing, its undo) must win. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  // A checkbox or radio has no typing of its own: keys pressed on one belong to the app.
  const field = 'input:not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable=""], [contenteditable="true"]';
  if (target.closest(field)) return true;
  return false;
}
