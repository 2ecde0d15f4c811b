/**
 * A formatted citation's HTML (citeproc's `<i>`, `<b>`, `<span>` and entities) as Markdown:
 * italics and bold kept as `*…*` and `**…**`, every other tag dropped, entities decoded and the
 * text escaped, so a Markdown reader sees what the HTML reader sees.
 */
import { escapeInline } from './markdown-escape';

const TAG_OR_TEXT = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>|([^<]+)|</gi;
const ITALIC = new Set(['i', 'em', 'cite']);
const BOLD = new Set(['b', 'strong']);

interface Run {
  text: string;
  italic: boolean;
  bold: boolean;
}

export function citationHtmlToMarkdown(html: string): string {
  return groupRuns(readRuns(html)).map(runMarkdown).join('');
}

function readRuns(html: string): Run[] {
  const runs: Run[] = [];
  let italic = 0;
  let bold = 0;
  for (const [whole, closing, tag, text] of html.matchAll(TAG_OR_TEXT)) {
    if (tag !== undefined) {
      const step = closing ? -1 : 1;
      const name = tag.toLowerCase();
      if (ITALIC.has(name)) italic = Math.max(0, italic + step);
      if (BOLD.has(name)) bold = Math.max(0, bold + step);
    } else {
      // A `<` that opens no tag is text (citeproc escapes its own, but be lenient).
      runs.push({ text: decodeEntities(text ?? whole), italic: italic > 0, bold: bold > 0 });
    }
  }
  return runs;
}

/** Neighbouring runs in the same style are one run, so `<i>a</i><i>b</i>` is `*ab*`. */
function groupRuns(runs: Run[]): Run[] {
  const grouped: Run[] = [];
  for (const run of runs) {
    const last = grouped[grouped.length - 1];
    if (last && last.italic === run.italic && last.bold === run.bold) last.text += run.text;
    else grouped.push({ ...run });
  }
  return grouped;
}

function runMarkdown(run: Run): string {
  const marker = (run.bold ? '**' : '') + (run.italic ? '*' : '');
  const core = run.text.trim();
  if (marker === '' || core === '') return escapeInline(run.text);
  // Emphasis must hug its words: `* x*` is not emphasis, so spaces go outside the markers.
  const before = run.text.slice(0, run.text.length - run.text.trimStart().length);
  const after = run.text.slice(run.text.trimEnd().length);
  return `${before}${marker}${escapeInline(core)}${[...marker].reverse().join('')}${after}`;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The entities citeproc writes: the XML five, `&nbsp;` and numeric references. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity: string, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}
