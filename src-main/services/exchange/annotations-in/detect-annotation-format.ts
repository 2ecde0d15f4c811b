/**
 * An annotation file's text → the annotations in it, whichever of the formats Marginalia reads
 * it is in. The format is told from the JSON's shape, not the file's name: a Hypothesis export
 * is an object with an `annotations` list (or its API's `rows`) of objects with a `uri`; W3C
 * annotations carry the anno.jsonld `@context` or the model's types.
 */
import { NotebookError } from '../../../common/errors';
import { asList, field, hasType, isRecord, stringField } from './json-fields';
import { parseJsonText } from './parse-json-text';
import { readHypothesisExport } from './read-hypothesis';
import type { AnnotationReadResult } from './read-result';
import { readW3cAnnotations } from './read-w3c';

export type AnnotationFileFormat = 'w3c' | 'hypothesis';

export interface AnnotationFile extends AnnotationReadResult {
  format: AnnotationFileFormat;
}

const UNKNOWN_FORMAT_MESSAGE =
  'Marginalia cannot tell what kind of annotation file this is. It reads W3C Web Annotation files (an Annotation, an AnnotationCollection with its annotations embedded, or a list of annotations) and Hypothesis exports (a JSON object with an "annotations" list, as "Export annotations" writes).';

/**
 * Reads an annotation file. Throws NotebookError with a message a person can act on when the
 * whole file cannot be read (not JSON, another format, no annotations, too many); annotations
 * that cannot be taken one by one are in `skipped` with the reason.
 */
export function readAnnotationFile(text: string): AnnotationFile {
  const json = parseJsonText(text);
  const format = detectFormat(json);
  if (format === undefined) throw new NotebookError('invalid_argument', UNKNOWN_FORMAT_MESSAGE);
  const result = format === 'w3c' ? readW3cAnnotations(json) : readHypothesisExport(json);
  if (result.annotations.length === 0 && result.skipped.length === 0) {
    throw new NotebookError('invalid_argument', 'This file holds no annotations.');
  }
  return { format, ...result };
}

export function detectFormat(json: unknown): AnnotationFileFormat | undefined {
  if (isW3c(json)) return 'w3c';
  const rows = Array.isArray(json) ? json : (field(json, 'annotations') ?? field(json, 'rows'));
  if (Array.isArray(rows)) {
    const first = rows.find(isRecord);
    // An empty export is still recognisably Hypothesis's by its metadata.
    if (first === undefined) return field(json, 'export_date') !== undefined || field(json, 'client_version') !== undefined ? 'hypothesis' : undefined;
    if (looksHypothesis(first)) return 'hypothesis';
    // Some tools leave the model's types out of a bare list; a target without a page `uri` is still W3C.
    if (isW3c(first) || field(first, 'target') !== undefined) return 'w3c';
    return undefined;
  }
  return looksHypothesis(json) ? 'hypothesis' : undefined;
}

const W3C_TYPES = ['Annotation', 'AnnotationCollection', 'AnnotationPage'];

function isW3c(json: unknown): boolean {
  const context = asList(field(json, '@context'));
  if (context.some((entry) => typeof entry === 'string' && entry.includes('w3.org/ns/anno'))) return true;
  return W3C_TYPES.some((type) => hasType(json, type));
}

/** A Hypothesis annotation: a page `uri` and a list of targets, and no W3C `type`. */
function looksHypothesis(json: unknown): boolean {
  return stringField(json, 'uri') !== undefined && Array.isArray(field(json, 'target')) && field(json, 'type') === undefined;
}
