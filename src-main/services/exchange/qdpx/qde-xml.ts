/**
 * Writing project.qde: a tiny element tree and its serialisation. Strings are built by hand
 * (there is no XML serializer in Node) so every escape is here, in one place.
 */

/** The namespace of QDA-XML project files (REFI-QDA 1.0). */
export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface XmlElement {
  name: string;
  /** Attributes in the order they are written; undefined ones are left out. */
  attrs?: Record<string, string | number | undefined>;
  /** Child elements (undefined and false ones are left out), or the element's text. */
  children?: (XmlElement | undefined | false)[] | string;
}

/** Builds an element; a shorthand that keeps the project's structure readable where it is built. */
export function el(name: string, attrs: XmlElement['attrs'], children?: XmlElement['children']): XmlElement {
  return { name, attrs, children };
}

/**
 * Characters XML 1.0 does not allow at all, not even escaped: C0 controls other than tab, line
 * feed and carriage return; U+FFFE and U+FFFF; surrogates that are not part of a pair.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 cannot carry (they are dropped: they have no visible form). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/**
 * Element text. A carriage return is written as a reference because parsers turn a literal one
 * into a line feed, and the text must come back as it was.
 */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** Attribute values: also quotes, and tabs and line breaks, which parsers would turn into spaces. */
export function escapeAttribute(value: string): string {
  return xmlSafe(value).replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

/** The document: an XML declaration and `root` indented by two spaces per level, lines ending in "\n". */
export function serializeXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, '', out);
  return out.join('');
}

function write(element: XmlElement, indent: string, out: string[]): void {
  out.push(indent, '<', element.name);
  for (const [name, value] of Object.entries(element.attrs ?? {})) {
    if (value !== undefined) out.push(' ', name, '="', escapeAttribute(String(value)), '"');
  }
  const { children } = element;
  if (typeof children === 'string') {
    // Text is written exactly, with no indentation around it: whitespace in text is content.
    out.push('>', escapeText(children), '</', element.name, '>\n');
    return;
  }
  const present = (children ?? []).filter((child): child is XmlElement => Boolean(child));
  if (present.length === 0) {
    out.push('/>\n');
    return;
  }
  out.push('>\n');
  for (const child of present) write(child, `${indent}  `, out);
  out.push(indent, '</', element.name, '>\n');
}
