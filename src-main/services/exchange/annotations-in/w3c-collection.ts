/**
 * The annotations a W3C file holds, wherever the model lets it put them: one Annotation, a
 * plain list, an AnnotationPage, or an AnnotationCollection whose pages are embedded (`first`,
 * then each `next`), or that lists `items` itself as some tools write. Pages that live at
 * another address are not fetched: an import reads the file it was given and nothing else.
 */
import { NotebookError } from '../../../common/errors';
import { checkAnnotationCount } from './annotation-limits';
import { asList, field, hasType, isRecord } from './json-fields';

export const NOT_W3C_MESSAGE =
  'This is not a W3C Web Annotation file: expected an Annotation, an AnnotationCollection or AnnotationPage with its annotations embedded, or a list of annotations.';

export interface W3cItems {
  items: unknown[];
  warnings: string[];
}

export function w3cItems(json: unknown): W3cItems {
  if (Array.isArray(json)) return { items: json, warnings: [] };
  if (hasType(json, 'AnnotationCollection')) return collectionItems(json);
  if (hasType(json, 'AnnotationPage')) return pageItems(json, []);
  // An annotation is recognised by its type, or, from tools that leave types out, by its target.
  if (hasType(json, 'Annotation') || field(json, 'target') !== undefined) return { items: [json], warnings: [] };
  throw new NotebookError('invalid_argument', NOT_W3C_MESSAGE);
}

function collectionItems(collection: unknown): W3cItems {
  const first = field(collection, 'first');
  const warnings: string[] = [];
  const inline = asList(field(collection, 'items'));
  if (typeof first === 'string' && inline.length === 0) {
    throw new NotebookError('invalid_argument', `This collection's annotations are not in the file: its first page is at ${first.slice(0, 200)}. Export the collection with its annotations embedded.`);
  }
  const read = isRecord(first) ? pageItems(first, warnings) : { items: [], warnings };
  const items = [...inline, ...read.items];
  const total = field(collection, 'total');
  if (typeof total === 'number' && total > items.length) {
    warnings.push(`The collection says it holds ${total} annotations; the file contains ${items.length}.`);
  }
  return { items, warnings };
}

/** The items of `page` and of every page after it that the file embeds. */
function pageItems(page: unknown, warnings: string[]): W3cItems {
  const items: unknown[] = [];
  const seen = new Set<unknown>();
  let current = page;
  while (isRecord(current) && !seen.has(current)) {
    seen.add(current);
    // Not push(...list): a page of a hundred thousand items would overflow the call's arguments.
    for (const item of asList(field(current, 'items'))) items.push(item);
    checkAnnotationCount(items.length);
    current = field(current, 'next');
  }
  if (typeof current === 'string') {
    warnings.push(`The collection continues on a page that is not in this file (${current.slice(0, 200)}); its annotations were not read.`);
  }
  return { items, warnings };
}
