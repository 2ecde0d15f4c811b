/**
 * A modal dialog on the native `<dialog>` element: `showModal()` gives the focus trap, the
 * inert page behind, the backdrop and Esc for free. Mount it to open it and unmount it to
 * close it; focus goes to `initialFocus` (or the first field) on open, and back to whatever
 * had focus before (the button that opened it) on close.
 */
import { useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';

const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])';

export interface DialogProps {
  /** The dialog's heading, which is also its accessible name. */
  title: string;
  /** Called when the person dismisses the dialog (Esc); the owner then unmounts it. */
  onClose: () => void;
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}

export function Dialog({ title, onClose, initialFocus, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // A layout effect: its cleanup gives focus back in the same task that removes the dialog.
  // (A passive effect's cleanup runs later, leaving focus on the page body meanwhile.)
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom has no showModal(); an open attribute is the closest stand-in for tests. The open
    // check matters under StrictMode, which runs this effect twice in development.
    if (typeof dialog.showModal !== 'function') dialog.setAttribute('open', '');
    else if (!dialog.open) dialog.showModal();
    (initialFocus?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => {
      // Once the commit has removed the dialog: until then it is still modal, the page behind
      // it inert, and the opener refuses focus. (Under StrictMode's rehearsal the dialog stays,
      // and so does focus.)
      queueMicrotask(() => {
        if (!dialog.isConnected && opener?.isConnected) opener.focus();
      });
    };
  }, [initialFocus]);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Esc: close through the owner's state rather than behind its back.
        event.preventDefault();
        onClose();
      }}
      onClose={onClose}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
