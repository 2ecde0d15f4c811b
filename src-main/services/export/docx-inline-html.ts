/**
 * A formatted citation's HTML → Word runs. The citation formatter writes only a few inline tags
 * (italics, and sometimes bold, links, super/subscript), so this reads those and keeps the text
 * of anything else; it never has to cope with arbitrary pages.
 */
import { TextRun, type IRunOptions } from 'docx';

type RunFormat = Pick<IRunOptions, 'italics' | 'bold' | 'superScript' | 'subScript'>;

const FORMAT_OF_TAG: Record<string, RunFormat> = {
  i: { italics: true },
  em: { italics: true },
  cite: { italics: true },
  b: { bold: true },
  strong: { bold: true },
  sup: { superScript: true },
  sub: { subScript: true },
};

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Decodes the entities HTML escaping produces: named basics and numeric references. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

const TAG = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi;

/** Runs for an inline HTML fragment; `base` formatting (e.g. a bold label) applies to all of them. */
export function htmlToRuns(html: string, base: RunFormat = {}): TextRun[] {
  const runs: TextRun[] = [];
  // One entry per open formatting tag, so `<i>a <b>b</b></i>` gives italic "a " and bold-italic "b".
  const open: string[] = [];
  const push = (text: string) => {
    if (!text) return;
    const format = open.reduce<RunFormat>((acc, tag) => ({ ...acc, ...FORMAT_OF_TAG[tag] }), base);
    runs.push(new TextRun({ ...format, text: decodeHtmlEntities(text) }));
  };
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    push(html.slice(last, match.index));
    last = match.index + match[0].length;
    const tag = match[2]!.toLowerCase();
    if (!(tag in FORMAT_OF_TAG)) continue;
    if (match[1]) {
      const at = open.lastIndexOf(tag);
      if (at >= 0) open.splice(at, 1);
    } else {
      open.push(tag);
    }
  }
  push(html.slice(last));
  return runs;
}
