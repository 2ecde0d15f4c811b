/** The colour legend (what each highlight colour means) and the colour new highlights get. */
import { createStore } from 'zustand/vanilla';
import { DEFAULT_LEGEND } from '../../src-main/common/highlight-colors';
import type { ColorLegend, HighlightColor } from '../../src-main/common/model';

export interface LegendState {
  legend: ColorLegend;
  /** The colour `h` and the toolbar's default apply. */
  currentColor: HighlightColor;
}

export const initialLegendState: LegendState = {
  legend: { ...DEFAULT_LEGEND },
  currentColor: 'yellow',
};

export const legendStore = createStore<LegendState>(() => initialLegendState);
