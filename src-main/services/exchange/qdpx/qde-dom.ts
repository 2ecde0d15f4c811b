/**
 * Reading project.qde. Node has no XML DOM; jsdom's XML mode (saxes) is already a dependency,
 * is strict about well-formedness, and is safe with hostile files: it never loads external
 * entities or DTDs (an undeclared entity is an error) and does not expand internal entities
 * recursively, so "billion laughs" stays a few bytes long.
 *
 * jsdom is loaded when a project is first read, not with the services: loading it takes about a
 * second, which every start of the app (and of browser mode) paid before its first answer.
 */
import { createRequire } from 'node:module';
import type { JSDOM as JsdomClass } from 'jsdom';
import { QDA_NAMESPACE } from './qde-xml';

let jsdom: typeof JsdomClass | undefined;
const loadJsdom = (): typeof JsdomClass => (jsdom ??= (createRequire(import.meta.url)('jsdom') as { JSDOM: typeof JsdomClass }).JSDOM);

/** Bytes → text: UTF-8 as the spec requires, without its BOM; UTF-16 too when a BOM says so. */
export function decodeText(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** The root `Project` element of project.qde; throws with a message a person can act on. */
export function parseProject(xml: string): Element {
  let document: Document;
  try {
    document = new (loadJsdom())(xml, { contentType: 'text/xml' }).window.document;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^about:blank:(\d+):(\d+): /, 'line $1, column $2: ').replace(/\.$/, '') : String(error);
    throw new Error(`This .qdpx's project.qde is not well-formed XML (${detail}).`);
  }
  const root = document.documentElement;
  if (root.localName !== 'Project' || root.namespaceURI !== QDA_NAMESPACE) {
    const found = root.namespaceURI ? `<${root.localName}> in namespace ${root.namespaceURI}` : `<${root.localName}> in no namespace`;
    throw new Error(`This .qdpx's project.qde is not a REFI-QDA project: it holds ${found}, not <Project> in ${QDA_NAMESPACE}.`);
  }
  return root;
}

/** The children of `parent` named `localName` in the QDA-XML namespace. */
export function childElements(parent: Element, localName: string): Element[] {
  return [...parent.children].filter((child) => child.localName === localName && child.namespaceURI === QDA_NAMESPACE);
}

export function childElement(parent: Element, localName: string): Element | undefined {
  return childElements(parent, localName)[0];
}

/** The attribute's value, or undefined when it is absent. */
export function attribute(element: Element, name: string): string | undefined {
  return element.getAttribute(name) ?? undefined;
}

/** An xsd:integer attribute as a number; undefined when absent or not a safe integer. */
export function integerAttribute(element: Element, name: string): number | undefined {
  const value = element.getAttribute(name)?.trim();
  if (!value || !/^[+-]?\d+$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : undefined;
}

/** An xsd:dateTime attribute as ISO 8601 in UTC; a time without a zone is read as UTC; undefined when absent or invalid. */
export function timeAttribute(element: Element, name: string): string | undefined {
  const value = element.getAttribute(name)?.trim();
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value)) return undefined;
  const time = new Date(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
