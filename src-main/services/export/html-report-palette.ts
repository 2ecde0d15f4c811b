/**
 * The exported report's colours, light and dark. Highlight colours tint a passage's edge and
 * wash its background; the page's text must stay easy to read on every wash (7:1) and every
 * edge must stand out from the page (3:1, WCAG's bar for non-text marks). The tests hold these
 * numbers, so a retint that loses contrast fails.
 */
import type { HighlightColor } from '../../common/model';

export interface PageColors {
  background: string;
  text: string;
  /** Metadata lines: citations, labels, the date. */
  muted: string;
  /** Hairlines and chip borders. */
  rule: string;
  /** Tag chips' fill. */
  chip: string;
  link: string;
  /** The needs-review warning's ink. */
  warning: string;
}

export interface Tint {
  /** The passage's left border and the colour swatch. */
  edge: string;
  /** The passage's background on screen. */
  wash: string;
}

export type Theme = 'light' | 'dark';

export const PAGE: Record<Theme, PageColors> = {
  light: { background: '#fdfcf9', text: '#1f1d1a', muted: '#5f5a52', rule: '#dcd7cc', chip: '#f1eee6', link: '#22589c', warning: '#8f3b00' },
  dark: { background: '#1a1917', text: '#e9e5dc', muted: '#aaa397', rule: '#3d3a35', chip: '#27251f', link: '#8fbcf5', warning: '#f2a56b' },
};

export const TINTS: Record<HighlightColor, Record<Theme, Tint>> = {
  yellow: { light: { edge: '#a87a00', wash: '#fbf1c7' }, dark: { edge: '#e3b93f', wash: '#39321a' } },
  green: { light: { edge: '#2e7d4f', wash: '#e1f2e6' }, dark: { edge: '#5cc48a', wash: '#1b3326' } },
  blue: { light: { edge: '#2f68b3', wash: '#e2ebf8' }, dark: { edge: '#6ea6ec', wash: '#1b2a3f' } },
  pink: { light: { edge: '#c13c78', wash: '#fbe4ee' }, dark: { edge: '#ef7fb1', wash: '#3c1f2d' } },
  purple: { light: { edge: '#7048c0', wash: '#ece5fa' }, dark: { edge: '#b39bf3', wash: '#2b2342' } },
  orange: { light: { edge: '#bd5a1c', wash: '#fde8d9' }, dark: { edge: '#f0995a', wash: '#3c2717' } },
};
