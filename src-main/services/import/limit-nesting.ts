/**
 * A page's shape, read from its HTML text before any parser builds a tree of it: about how many
 * elements it has and how deeply they nest, and the same HTML with nesting past a limit
 * flattened (as Chromium's parser does past 512 levels).
 *
 * Why before parsing: every HTML parser spends time in proportion to the depth of the open
 * elements on each tag (the spec's "in scope" checks), and jsdom recurses through every
 * ancestor as it inserts a node, so 20,000 nested <div>s (220 KB) took parse5 7 s and
 * overflowed jsdom's stack. One pass over the text, with a bounded amount of work per tag,
 * keeps the parse that follows within `limit` levels.
 *
 * The nesting is modelled, not parsed: tags that close themselves implicitly (<p>, <li>, <td>,
 * <tr>, <option>, <a>…) close what the spec says they close when it is near the top, void
 * elements never open, and the text of <script>, <style>, <textarea> and <title> is skipped.
 * A page the model misjudges is still parsed (the import runs with a time budget); a page
 * within the limit comes back as the very same string.
 */

export interface PageShape {
  /** The HTML to parse: `html` itself when nothing nested past the limit. */
  html: string;
  /** Start tags in the page: about the number of elements a parser makes. */
  elements: number;
  /** How deep the elements nest, as the model sees it. */
  depth: number;
  /** Start tags dropped because they opened past the limit (their text is kept). */
  flattened: number;
}

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** The parser makes one of each whatever the page says: they never add depth. */
const SINGLETONS = new Set(['html', 'head', 'body']);
/** Their content is text up to their end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'textarea', 'title']);

const SCOPE = ['table', 'td', 'th', 'caption', 'button', 'object', 'marquee', 'applet', 'template'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const CLOSES_P = [
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'header', 'hgroup', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'li', 'dd', 'dt',
  ...HEADINGS,
];

interface Closer {
  /** The open elements this start tag closes (with everything opened inside them). */
  closes: Set<string>;
  /** Looking down the open elements stops here. */
  stopAt: Set<string>;
  /** How many open elements, from the innermost, are looked at. */
  reach: number;
}

/** How far down the open elements an implicit close looks: enough for real pages, and bounded. */
const LOOK_DOWN = 16;

const closer = (closes: string[], stopAt: string[] = SCOPE, reach = LOOK_DOWN): Closer => ({ closes: new Set(closes), stopAt: new Set(stopAt), reach });
const CLOSERS = new Map<string, Closer[]>();
const addCloser = (tags: string[], rule: Closer) => tags.forEach((tag) => CLOSERS.set(tag, [...(CLOSERS.get(tag) ?? []), rule]));
addCloser(CLOSES_P, closer(['p']));
addCloser(['li'], closer(['li'], [...SCOPE, 'ul', 'ol', 'menu']));
addCloser(['dt', 'dd'], closer(['dt', 'dd'], [...SCOPE, 'dl']));
addCloser(['td', 'th'], closer(['td', 'th'], ['table', 'tr']));
addCloser(['tr'], closer(['tr'], ['table', 'tbody', 'thead', 'tfoot']));
addCloser(['tbody', 'thead', 'tfoot'], closer(['tbody', 'thead', 'tfoot'], ['table']));
addCloser(['option', 'optgroup'], closer(['option'], ['select', 'datalist']));
addCloser(['optgroup'], closer(['optgroup'], ['select']));
addCloser(['a'], closer(['a']));
addCloser(['nobr'], closer(['nobr']));
addCloser(['button'], closer(['button'], []));
// A heading closes an open heading only when it is the innermost element.
addCloser(HEADINGS, closer(HEADINGS, [], 1));

export function limitNesting(html: string, limit: number): PageShape {
  const open: string[] = [];
  const openCount = new Map<string, number>();
  /** Elements opened past the limit, by name, whose end tags are still to come. */
  const dropped = new Map<string, number>();
  let droppedOpen = 0;
  let elements = 0;
  let depth = 0;
  let flattened = 0;
  const kept: string[] = [];
  let copiedTo = 0;

  const pop = () => {
    const name = open.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    // What was dropped inside an element at the limit closes with it.
    if (open.length < limit && droppedOpen > 0) {
      dropped.clear();
      droppedOpen = 0;
    }
  };
  const popThrough = (index: number) => {
    while (open.length > index) pop();
  };
  const drop = (from: number, to: number) => {
    kept.push(html.slice(copiedTo, from), ' ');
    copiedTo = to;
  };
  const closeImplied = (name: string) => {
    for (const rule of CLOSERS.get(name) ?? []) {
      for (let index = open.length - 1; index >= Math.max(0, open.length - rule.reach); index--) {
        const current = open[index]!;
        if (rule.closes.has(current)) {
          popThrough(index);
          break;
        }
        if (rule.stopAt.has(current)) break;
      }
    }
  };

  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      at = html.startsWith('<!--', lt) ? endOf(html, '-->', lt + 4) : endOf(html, '>', lt + 2);
      continue;
    }
    if (next === 0x3f /* ? */) {
      at = endOf(html, '>', lt + 2);
      continue;
    }
    const closing = next === 0x2f; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isAsciiLetter(html.charCodeAt(nameStart))) {
      // "<" that starts no tag is text; "</" followed by anything else is a bogus comment.
      at = closing ? endOf(html, '>', nameStart) : lt + 1;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < html.length && !isNameEnd(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const { end, selfClosing } = tagEnd(html, nameEnd);
    at = end;

    if (closing) {
      if ((dropped.get(name) ?? 0) > 0) {
        dropped.set(name, dropped.get(name)! - 1);
        droppedOpen--;
        drop(lt, end);
      } else if ((openCount.get(name) ?? 0) > 0 && !SINGLETONS.has(name)) {
        popThrough(open.lastIndexOf(name));
      }
      continue;
    }

    elements++;
    if (name === 'plaintext') break;
    if (SINGLETONS.has(name)) continue;
    const raw = RAW_TEXT.has(name);
    const rawEnd = raw && !selfClosing ? endOfRawText(html, name, end) : end;
    if (VOID.has(name) || selfClosing) continue;
    // Past the limit nothing closes implicitly: the dropped tags are gone from what is parsed.
    if (open.length < limit) closeImplied(name);
    if (open.length >= limit) {
      flattened++;
      // Past the limit a raw-text element goes whole: without its tags, a script would be text.
      if (raw) {
        drop(lt, rawEnd);
        at = rawEnd;
        continue;
      }
      drop(lt, end);
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      droppedOpen++;
      depth = Math.max(depth, open.length + droppedOpen);
      continue;
    }
    if (raw) {
      at = rawEnd;
      continue;
    }
    open.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    depth = Math.max(depth, open.length);
  }

  if (flattened === 0) return { html, elements, depth, flattened };
  kept.push(html.slice(copiedTo));
  return { html: kept.join(''), elements, depth, flattened };
}

const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
/** Tab, line feed, form feed, carriage return, space, "/" and ">" end a tag name. */
const isNameEnd = (code: number) => code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0x20 || code === 0x2f || code === 0x3e;
const isSpace = (code: number) => code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0x20;

/** Just past `marker` from `from`, or the end of the text when it never comes. */
function endOf(html: string, marker: string, from: number): number {
  const found = html.indexOf(marker, from);
  return found < 0 ? html.length : found + marker.length;
}

/** Where a tag whose name ends at `from` ends: its attributes are read so a quoted ">" does not end it. */
function tagEnd(html: string, from: number): { end: number; selfClosing: boolean } {
  let at = from;
  let selfClosing = false;
  while (at < html.length) {
    const code = html.charCodeAt(at);
    if (code === 0x3e /* > */) return { end: at + 1, selfClosing };
    if (isSpace(code)) {
      at++;
      continue;
    }
    if (code === 0x2f /* / */) {
      selfClosing = html.charCodeAt(at + 1) === 0x3e;
      at++;
      continue;
    }
    selfClosing = false;
    // An attribute: its name, then perhaps "=" and a value, quoted or not.
    while (at < html.length && !isSpace(html.charCodeAt(at)) && !'/>='.includes(html[at]!)) at++;
    while (at < html.length && isSpace(html.charCodeAt(at))) at++;
    if (html[at] !== '=') continue;
    at++;
    while (at < html.length && isSpace(html.charCodeAt(at))) at++;
    const quote = html[at];
    if (quote === '"' || quote === "'") {
      at = endOf(html, quote, at + 1);
      continue;
    }
    while (at < html.length && !isSpace(html.charCodeAt(at)) && html[at] !== '>') at++;
  }
  return { end: html.length, selfClosing };
}

const rawTextEnds = new Map<string, RegExp>();

/** Just past the end tag of a raw-text element whose start tag ends at `from`. */
function endOfRawText(html: string, name: string, from: number): number {
  const pattern = rawTextEnds.get(name) ?? new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'ig');
  rawTextEnds.set(name, pattern);
  pattern.lastIndex = from;
  const found = pattern.exec(html);
  return found ? endOf(html, '>', found.index) : html.length;
}
