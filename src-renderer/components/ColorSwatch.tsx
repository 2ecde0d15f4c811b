import type { HighlightColor } from '../../src-main/common/model';

/** A small sample of a highlight colour with its underline pattern (colour is never the only cue). */
export function ColorSwatch({ color }: { color: HighlightColor }) {
  return <span className={`swatch hl-${color}`} aria-hidden="true" />;
}

/** "yellow" → "Yellow", for visible labels. */
export function colorName(color: HighlightColor): string {
  return color.charAt(0).toUpperCase() + color.slice(1);
}
