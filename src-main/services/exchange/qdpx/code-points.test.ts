import { describe, expect, it } from 'vitest';
import { CodePointOffsets } from './code-points';

describe('CodePointOffsets', () => {
  it.each([
    ['ASCII', 'plain text', 6, 6],
    ['right-to-left text (one unit per letter)', 'שלום مرحبا x', 10, 10],
    ['after one emoji', 'a😀b', 3, 2],
    ['after a flag (two astral characters)', '🇯🇵 x', 5, 3],
    ['after a skin-tone modifier', '👍🏽x', 4, 2],
    ['at the end', 'x😀', 3, 2],
  ])('%s: UTF-16 offset %#', (_label, text, unit, point) => {
    const offsets = new CodePointOffsets(text);
    expect(offsets.toCodePoint(unit, 'start')).toBe(point);
    expect(offsets.toUtf16(point)).toBe(unit);
    expect(offsets.length).toBe(Array.from(text).length);
  });

  it('widens an offset between the halves of a pair to the whole character', () => {
    const offsets = new CodePointOffsets('a😀b');
    expect(offsets.toCodePoint(2, 'start')).toBe(1);
    expect(offsets.toCodePoint(2, 'end')).toBe(2);
  });

  it('counts a lone surrogate as one character, as UTF-8 writes it as U+FFFD', () => {
    const offsets = new CodePointOffsets('a\uD800b😀');
    expect(offsets.length).toBe(4);
    expect(offsets.toUtf16(4)).toBe(5);
  });
});
