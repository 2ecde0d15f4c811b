/**
 * The small toolbar beside a selection in the article: one button per highlight colour (its
 * legend meaning as tooltip); Claim (`c`: highlight and make it a claim); Evidence (add the
 * passage to an existing claim, from any article); Tag (`t`: highlight and open its tag field);
 * Note (`n`: highlight and start a note linked to it).
 * Buttons keep the selection: their mousedown is cancelled so the click does not collapse it.
 */
import { useEffect, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { HIGHLIGHT_COLORS } from '../../../src-main/common/highlight-colors';
import { ColorSwatch, colorName } from '../../components/ColorSwatch';
import { MenuButton } from '../../components/MenuButton';
import { shortenQuote } from '../../components/shorten-quote';
import { addSelectionAsEvidence, claimSelection, highlightSelection, tagSelection } from '../../state/annotation-actions';
import { noteSelection } from '../../state/notes-actions';
import { useClaims } from '../../state/useClaims';
import { useCurrentColor } from '../../state/useCurrentColor';
import { useLegend } from '../../state/useLegend';
import { useReaderSelection } from '../../state/useReaderSelection';

const keepSelection = (event: MouseEvent) => event.preventDefault();

/** Left and right arrows move between the toolbar's buttons, as in any ARIA toolbar. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
  if (step === undefined) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  event.preventDefault();
  buttons[(index + step + buttons.length) % buttons.length]?.focus();
}

export function SelectionToolbar() {
  const { selection, toolbarDismissed } = useReaderSelection();
  const legend = useLegend();
  const current = useCurrentColor();
  const dragging = usePointerHeld();
  const claims = useClaims();
  if (!selection || toolbarDismissed || dragging) return null;
  const anchor = selection.anchor;
  const style = anchor ? { top: anchor.bottom + 8, left: `clamp(13rem, ${anchor.left}px, calc(100% - 13rem))` } : undefined;
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={style} onKeyDown={moveFocus}>
      {HIGHLIGHT_COLORS.map((color, index) => (
        <button
          key={color}
          type="button"
          className="selection-color"
          aria-label={`Highlight ${color}`}
          title={`${legend[color]} — ${colorName(color)} (${index + 1}, then h)`}
          data-current={color === current || undefined}
          onMouseDown={keepSelection}
          onClick={() => void highlightSelection(color)}
        >
          <ColorSwatch color={color} />
        </button>
      ))}
      <span className="selection-divider" aria-hidden="true" />
      <button
        type="button"
        className="button button-quiet"
        title="Highlight and make it a claim (c)"
        onMouseDown={keepSelection}
        onClick={() => void claimSelection()}
      >
        Claim
      </button>
      {claims.length > 0 ? (
        <MenuButton
          menuLabel="Add as evidence for"
          className="button button-quiet"
          title="Add the passage as evidence for a claim"
          keepSelection
          items={claims.map((claim) => ({
            key: claim.id,
            label: shortenQuote(claim.statement, 80),
            onSelect: () => void addSelectionAsEvidence(claim.id),
          }))}
        >
          Evidence
        </MenuButton>
      ) : null}
      <button type="button" className="button button-quiet" title="Highlight and tag it (t)" onMouseDown={keepSelection} onClick={() => void tagSelection()}>
        Tag
      </button>
      <button type="button" className="button button-quiet" title="Highlight and start a note about it (n)" onMouseDown={keepSelection} onClick={() => void noteSelection()}>
        Note
      </button>
    </div>
  );
}

/**
 * Whether a mouse button is held outside the toolbar: while the person is still dragging
 * out a selection the toolbar stays hidden, instead of chasing the pointer.
 */
function usePointerHeld(): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    const down = (event: PointerEvent) => {
      if (!(event.target instanceof Element && event.target.closest('.selection-toolbar'))) setHeld(true);
    };
    const up = () => setHeld(false);
    document.addEventListener('pointerdown', down);
    document.addEventListener('pointerup', up);
    return () => {
      document.removeEventListener('pointerdown', down);
      document.removeEventListener('pointerup', up);
    };
  }, []);
  return held;
}
