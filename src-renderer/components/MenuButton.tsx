/**
 * A button that opens a small menu under it. Arrow keys move between the items, Esc or Tab
 * closes and gives focus back to the button, a click outside closes it. With `checked` on the
 * items it is a radio menu (one current choice), which opens with that choice focused.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

export interface MenuItem {
  key: string;
  label: ReactNode;
  /** Read after the label: a meaning, a source. */
  hint?: ReactNode;
  /** Present on every item of a radio menu. */
  checked?: boolean;
  onSelect: () => void;
}

export interface MenuButtonProps {
  /** The button's content (icon and text); also its accessible name. */
  children: ReactNode;
  /** Names the menu, e.g. "Colour". */
  menuLabel: string;
  items: readonly MenuItem[];
  className?: string;
  title?: string;
  /** Keeps a text selection alive while the button is pressed (the selection toolbar). */
  keepSelection?: boolean;
}

const ITEM = '[role^="menuitem"]';

export function MenuButton({ children, menuLabel, items, className = 'button button-quiet button-small', title, keepSelection }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    (menu.current?.querySelector<HTMLElement>('[aria-checked="true"]') ?? menu.current?.querySelector<HTMLElement>(ITEM))?.focus();
    const outside = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || menu.current?.contains(event.target) || button.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const elements = [...(menu.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
    const index = elements.indexOf(document.activeElement as HTMLElement);
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      elements[(index + move + elements.length) % elements.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  const hold = keepSelection ? (event: MouseEvent) => event.preventDefault() : undefined;

  return (
    <div className="menu-anchor">
      <button
        ref={button}
        type="button"
        className={className}
        title={title}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onMouseDown={hold}
        onClick={() => setOpen((was) => !was)}
      >
        {children}
      </button>
      {open ? (
        <div ref={menu} id={menuId} role="menu" aria-label={menuLabel} className="menu" onKeyDown={onKeyDown} onMouseDown={hold}>
          {items.map((item) => (
            <button
              key={item.key}
              type="button"
              role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
              aria-checked={item.checked}
              className="menu-item"
              onClick={() => {
                close();
                item.onSelect();
              }}
            >
              {item.label}
              {item.hint !== undefined ? <span className="menu-item-hint">{item.hint}</span> : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
