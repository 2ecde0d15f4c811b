/**
 * The colour legend: what each highlight colour means to this notebook's owner. A disclosure,
 * closed by default so the cards keep the room; each meaning is saved when its field is left
 * or Enter is pressed.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { ChevronRight } from 'lucide-react';
import { HIGHLIGHT_COLORS } from '../../../src-main/common/highlight-colors';
import type { HighlightColor } from '../../../src-main/common/model';
import { ColorSwatch, colorName } from '../../components/ColorSwatch';
import { updateMeaning } from '../../state/annotation-actions';
import { useLegend } from '../../state/useLegend';

export function ColorLegendPanel() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const legend = useLegend();
  return (
    <section className="legend">
      <button type="button" className="legend-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((was) => !was)}>
        <ChevronRight aria-hidden="true" size={16} className="legend-chevron" />
        <span>Colour legend</span>
      </button>
      {open ? (
        <ul id={panelId} className="legend-rows">
          {HIGHLIGHT_COLORS.map((color) => (
            <li key={color}>
              <MeaningField key={legend[color]} color={color} meaning={legend[color]} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function MeaningField({ color, meaning }: { color: HighlightColor; meaning: string }) {
  const [value, setValue] = useState(meaning);
  const save = async () => {
    if (value.trim() === meaning) return setValue(meaning);
    // An empty or too long meaning is refused with a message; the field shows the saved one again.
    if (!(await updateMeaning(color, value))) setValue(meaning);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.currentTarget.blur();
    if (event.key === 'Escape') {
      setValue(meaning);
      event.currentTarget.blur();
    }
  };
  return (
    <label className="legend-row">
      <ColorSwatch color={color} />
      <span className="legend-color">{colorName(color)}</span>
      <input
        type="text"
        aria-label={`Meaning of ${color}`}
        value={value}
        maxLength={60}
        onChange={(event) => setValue(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={onKeyDown}
      />
    </label>
  );
}
