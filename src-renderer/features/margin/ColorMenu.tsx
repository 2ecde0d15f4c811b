/**
 * "Change colour": a menu of the six colours, each named with its meaning. Arrow keys move
 * between them, Esc closes and gives focus back to the button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Palette } from 'lucide-react';
import { HIGHLIGHT_COLORS } from '../../../src-main/common/annotation-schema';
import type { HighlightColor } from '../../../src-main/common/model';
import { ColorSwatch, colorName } from '../../components/ColorSwatch';
import { useLegend } from '../../state/useLegend';

export interface ColorMenuProps {
  color: HighlightColor;
  onPick: (color: HighlightColor) => void;
}

export function ColorMenu({ color, onPick }: ColorMenuProps) {
  const [open, setOpen] = useState(false);
  const legend = useLegend();
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus();
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
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      items[(index + move + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="color-menu">
      <button
        ref={button}
        type="button"
        className="button button-quiet button-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <Palette aria-hidden="true" size={14} />
        <span>Change colour</span>
      </button>
      {open ? (
        <div ref={menu} id={menuId} role="menu" aria-label="Colour" className="menu" onKeyDown={onKeyDown}>
          {HIGHLIGHT_COLORS.map((option) => (
            <button
              key={option}
              type="button"
              role="menuitemradio"
              aria-checked={option === color}
              className="menu-item"
              onClick={() => {
                close();
                if (option !== color) onPick(option);
              }}
            >
              <ColorSwatch color={option} />
              <span>{colorName(option)}</span>
              <span className="menu-item-hint">{legend[option]}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
