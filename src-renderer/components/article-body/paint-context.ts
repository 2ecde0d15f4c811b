/**
 * What painted marks need beyond their ranges: how to name a colour (its legend meaning, so
 * colour is never the only cue) and which highlight is selected or flashing. Given by
 * `ArticleBody` through React context so inline runs need not thread it through props.
 */
import { createContext } from 'react';
import type { HighlightColor } from '../../../src-main/common/model';

export interface PaintLook {
  meaningOf: (color: HighlightColor) => string;
  selectedId: string | null;
  flashId: string | null;
  /** The highlights that are evidence for a claim. */
  claimIds: ReadonlySet<string>;
  /** The found words (search) are flashing. */
  foundFlash?: boolean;
}

export const PaintLookContext = createContext<PaintLook>({
  meaningOf: (color) => color,
  selectedId: null,
  flashId: null,
  claimIds: new Set(),
});
