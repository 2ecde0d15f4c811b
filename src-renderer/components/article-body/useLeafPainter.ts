/**
 * The article body's painter (see leaf-painter.ts), brought up to date after every render
 * that changes what its blocks should show, before the browser paints.
 */
import { useLayoutEffect, useState } from 'react';
import { LeafPainter, type LeafPaint, type PainterEvents } from './leaf-painter';

/** Paints `leaves` (in document order) into the elements registered with `painter.ref(leaf)`. */
export function useLeafPainter(leaves: readonly LeafPaint[], { onPainting, onPainted }: PainterEvents): LeafPainter {
  const [painter] = useState(() => new LeafPainter());
  // Declared first, so a render's new callbacks are in place before it paints.
  useLayoutEffect(() => painter.setEvents({ onPainting, onPainted }), [painter, onPainting, onPainted]);
  useLayoutEffect(() => painter.paint(leaves), [painter, leaves]);
  return painter;
}
