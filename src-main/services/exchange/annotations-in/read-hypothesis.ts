/**
 * A Hypothesis export (the client's "Export annotations" JSON: `export_date`, `export_userid`,
 * `client_version` and an `annotations` list), a page of its API's search (`rows`), or a plain
 * list of its annotations → IncomingAnnotations. Replies are folded into the comment of the
 * annotation they answer (see hypothesis-replies.ts); page notes mark no passage and are
 * skipped with that reason.
 */
import { NotebookError } from '../../../common/errors';
import type { IncomingAnnotation } from '../exchange-types';
import { checkAnnotationCount, sizeProblem } from './annotation-limits';
import { foldReplies, isReply } from './hypothesis-replies';
import { MAX_EXTERNAL_ID, externalIdOf, normaliseTags, readTimestamp, warnerFor } from './incoming-fields';
import { asList, describeValue, field, isRecord, stringField } from './json-fields';
import type { AnnotationReadResult, SkippedAnnotation } from './read-result';
import { itemLabel } from './read-result';
import { readPassage } from './text-selectors';

export const NOT_HYPOTHESIS_MESSAGE = 'This is not a Hypothesis export: expected a JSON object with an "annotations" list, as Hypothesis\'s "Export annotations" writes.';

/**
 * Every annotation in `json` that marks a passage, and every one that does not with the reason.
 * Throws NotebookError when `json` is not a Hypothesis export or holds too many annotations.
 */
export function readHypothesisExport(json: unknown): AnnotationReadResult {
  const rows = hypothesisRows(json);
  checkAnnotationCount(rows.length);
  const result: AnnotationReadResult = { annotations: [], skipped: [], warnings: [] };
  const replies: { row: unknown; index: number }[] = [];
  rows.forEach((row, index) => {
    if (isReply(row)) {
      replies.push({ row, index });
      return;
    }
    const own: string[] = [];
    const read = readAnnotation(row, index, own);
    if ('reason' in read) {
      result.skipped.push(read);
    } else {
      result.annotations.push(read);
      result.warnings.push(...own);
    }
  });
  foldReplies(replies, result);
  // Checked after folding: the replies are part of the comment now.
  const kept = result.annotations;
  result.annotations = [];
  for (const annotation of kept) {
    const tooBig = sizeProblem(annotation);
    if (tooBig === undefined) result.annotations.push(annotation);
    else result.skipped.push({ id: annotation.externalId, reason: tooBig });
  }
  return result;
}

function hypothesisRows(json: unknown): readonly unknown[] {
  if (Array.isArray(json)) return json;
  const list = field(json, 'annotations') ?? field(json, 'rows');
  if (Array.isArray(list)) return list;
  if (stringField(json, 'uri') !== undefined && field(json, 'target') !== undefined) return [json];
  throw new NotebookError('invalid_argument', NOT_HYPOTHESIS_MESSAGE);
}

function readAnnotation(row: unknown, index: number, warnings: string[]): IncomingAnnotation | SkippedAnnotation {
  const rawId = field(row, 'id');
  const label = itemLabel(rawId, index);
  if (!isRecord(row)) return { id: label, reason: `it is ${describeValue(row)}, not an annotation` };
  if (rawId !== undefined && typeof rawId !== 'string') return { id: label, reason: `its id is ${describeValue(rawId)}, not text` };
  if (rawId !== undefined && rawId.length > MAX_EXTERNAL_ID) return { id: label, reason: `its id is longer than ${MAX_EXTERNAL_ID} characters` };

  const uri = stringField(row, 'uri');
  // The h server keeps one target per annotation; a list is what its API writes.
  const target = asList(field(row, 'target'))[0];
  const selectors = asList(field(target, 'selector'));
  const { passage, problems } = readPassage(selectors);
  if (passage.quote === undefined && passage.position === undefined) {
    if (problems.length > 0) return { id: label, reason: `its target marks no usable passage: ${problems.join('; ')}` };
    return { id: label, reason: `a page note: it comments on the whole page${uri === undefined ? '' : ` (${uri.slice(0, 200)})`}, not on a passage, and a highlight needs a passage` };
  }
  const sources = sourcesOf(row, target);
  if (sources.length === 0) return { id: label, reason: 'it marks a passage but does not say on which page' };

  const warn = warnerFor(warnings, label);
  for (const problem of problems) warn(`${problem}; the rest of its target was used`);
  const text = field(row, 'text');
  if (text !== undefined && text !== null && typeof text !== 'string') warn(`its text left out: it is ${describeValue(text)}, not text`);
  const comment = typeof text === 'string' ? text : '';
  const documentTitle = asList(field(field(row, 'document'), 'title')).find((title): title is string => typeof title === 'string' && title.trim() !== '');
  return {
    externalId: externalIdOf(rawId, [sources, passage, comment]),
    sources,
    ...(documentTitle === undefined ? {} : { documentTitle }),
    ...passage,
    comment,
    tags: normaliseTags(asList(field(row, 'tags')), warn),
    createdAt: readTimestamp(field(row, 'created'), 'created', warn),
    updatedAt: readTimestamp(field(row, 'updated'), 'updated', warn),
  };
}

/**
 * Where the page lives: `uri`, the target's `source` when it differs, then the page's other
 * addresses Hypothesis recorded (`document.link`: canonical URL, DOI, the PDF's URL for a
 * `urn:x-pdf:` uri).
 */
function sourcesOf(row: unknown, target: unknown): string[] {
  const links = asList(field(field(row, 'document'), 'link')).map((link) => stringField(link, 'href'));
  const found = [stringField(row, 'uri'), stringField(target, 'source'), ...links];
  return [...new Set(found.filter((source): source is string => source !== undefined && source.trim() !== ''))];
}
