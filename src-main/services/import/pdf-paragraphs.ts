/**
 * Rebuilds an article's blocks from the positioned text runs a PDF holds. PDFs have no
 * paragraphs, only glyph runs at coordinates: runs on one baseline form a line; a gap between
 * lines clearly larger than the usual line spacing starts a paragraph; a line set in a clearly
 * larger size than the body text is a heading. Words split by a hyphen at a line end are joined.
 */

/** One text run on a page, as a PDF text extractor reports it. */
export interface PdfTextRun {
  text: string;
  x: number;
  /** Advance width of the run, in points. */
  width: number;
  /** Baseline, measured upwards from the bottom of the page. */
  y: number;
  /** Font size in points. */
  size: number;
}

export interface PdfBlock {
  kind: 'heading' | 'paragraph';
  text: string;
}

interface Line {
  text: string;
  y: number;
  size: number;
}

/** Larger than body text by this factor makes a heading. */
const HEADING_RATIO = 1.25;
/** A line gap this many times the usual spacing starts a new paragraph. */
const PARAGRAPH_GAP = 1.4;

export function pdfBlocks(pages: PdfTextRun[][]): PdfBlock[] {
  const pageLines = pages.map(linesOf);
  const all = pageLines.flat();
  if (all.length === 0) return [];
  const bodySize = mostCommonSize(all);
  const isBody = (line: Line) => Math.abs(line.size - bodySize) < bodySize * 0.1;
  // The usual spacing of body lines: gaps around headings or between paragraphs do not count.
  const bodyGaps = pageLines.flatMap((lines) => lines.slice(1).flatMap((line, i) => (isBody(line) && isBody(lines[i]!) ? [lines[i]!.y - line.y] : [])));
  const spacing = median(bodyGaps.filter((gap) => gap > 0)) || bodySize * 1.2;

  const blocks: PdfBlock[] = [];
  let current: { kind: PdfBlock['kind']; lines: string[] } | undefined;
  const flush = () => {
    if (current) blocks.push({ kind: current.kind, text: joinLines(current.lines) });
    current = undefined;
  };
  for (const lines of pageLines) {
    lines.forEach((line, i) => {
      const kind = line.size > bodySize * HEADING_RATIO ? 'heading' : 'paragraph';
      const previous = lines[i - 1];
      // A page break continues a paragraph unless the last line ended a sentence.
      const gapBreaks = previous ? previous.y - line.y > spacing * PARAGRAPH_GAP || previous.y < line.y : endsSentence(current);
      if (!current || current.kind !== kind || gapBreaks) {
        flush();
        current = { kind, lines: [] };
      }
      current.lines.push(line.text);
    });
  }
  flush();
  return blocks.filter((block) => block.text !== '');
}

function endsSentence(block: { lines: string[] } | undefined): boolean {
  const last = block?.lines.at(-1)?.trim() ?? '';
  return last === '' || /[.!?:;"”’)]$/.test(last);
}

/** Runs grouped into lines from the top of the page down. */
function linesOf(runs: PdfTextRun[]): Line[] {
  const sorted = runs.filter((run) => run.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { runs: PdfTextRun[]; y: number; size: number }[] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - run.y) < Math.max(line.size, run.size) * 0.5) {
      line.runs.push(run);
      line.size = Math.max(line.size, run.size);
    } else lines.push({ runs: [run], y: run.y, size: run.size });
  }
  return lines.map(({ runs: lineRuns, y, size }) => ({
    text: joinRuns(lineRuns.sort((a, b) => a.x - b.x)),
    y,
    size,
  }));
}

/** Runs of one line, with a space only where the glyphs leave a gap (runs often split words). */
function joinRuns(runs: PdfTextRun[]): string {
  let text = '';
  let end = -Infinity;
  for (const run of runs) {
    const gap = run.x - end > run.size * 0.15;
    text += text !== '' && gap && !/\s$/.test(text) && !/^\s/.test(run.text) ? ` ${run.text}` : run.text;
    end = run.x + run.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Lines joined with spaces; "para-" + "graph" becomes "paragraph". */
function joinLines(lines: string[]): string {
  return lines.reduce((text, line) => {
    if (text === '') return line;
    if (/[a-zà-ÿ]-$/i.test(text) && /^[a-zà-ÿ]/.test(line)) return text.slice(0, -1) + line;
    return `${text} ${line}`;
  }, '');
}

/** The size most of the text is set in (weighted by characters): the body text. */
function mostCommonSize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  return [...weight].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The lower median: with gaps, the smaller of the two middle values is the line spacing. */
function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
