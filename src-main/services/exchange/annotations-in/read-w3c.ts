/**
 * W3C Web Annotation JSON(-LD) → IncomingAnnotations: Marginalia's own export read back, and
 * other tools' (Hypothesis's W3C form, Recogito, a triple store's dump). The JSON is read as
 * compacted with the W3C context, which every one of these writes; nothing is fetched.
 */
import type { IncomingAnnotation } from '../exchange-types';
import { checkAnnotationCount, sizeProblem } from './annotation-limits';
import { MAX_EXTERNAL_ID, externalIdOf, normaliseTags, readTimestamp, warnerFor } from './incoming-fields';
import { asList, describeValue, field, hasType, isRecord, stringField } from './json-fields';
import type { AnnotationReadResult, SkippedAnnotation } from './read-result';
import { itemLabel } from './read-result';
import { readPassage, type Passage } from './text-selectors';
import { readW3cBodies } from './w3c-bodies';
import { w3cItems } from './w3c-collection';

/**
 * Every annotation in `json` that marks a passage, and every one that does not with the reason.
 * Throws NotebookError when `json` is not W3C annotations at all or holds too many.
 */
export function readW3cAnnotations(json: unknown): AnnotationReadResult {
  const { items, warnings } = w3cItems(json);
  checkAnnotationCount(items.length);
  const result: AnnotationReadResult = { annotations: [], skipped: [], warnings };
  items.forEach((item, index) => {
    const own: string[] = [];
    const read = readAnnotation(item, index, own);
    if ('reason' in read) {
      result.skipped.push(read);
    } else {
      result.annotations.push(read);
      result.warnings.push(...own);
    }
  });
  return result;
}

function readAnnotation(item: unknown, index: number, warnings: string[]): IncomingAnnotation | SkippedAnnotation {
  if (typeof item === 'string') {
    return { id: item.slice(0, 200), reason: 'only the address of an annotation kept elsewhere; its passage and comment are not in the file' };
  }
  const rawId = field(item, 'id') ?? field(item, '@id');
  const label = itemLabel(rawId, index);
  if (!isRecord(item)) return { id: label, reason: `it is ${describeValue(item)}, not an annotation` };
  if (rawId !== undefined && typeof rawId !== 'string') return { id: label, reason: `its id is ${describeValue(rawId)}, not text` };
  if (rawId !== undefined && rawId.length > MAX_EXTERNAL_ID) return { id: label, reason: `its id is longer than ${MAX_EXTERNAL_ID} characters` };
  const type = field(item, 'type');
  if (type !== undefined && !hasType(item, 'Annotation')) return { id: label, reason: `it is ${describeValue(type)}, not an Annotation` };

  const target = chooseTarget(item);
  if ('reason' in target) return { id: label, reason: target.reason };
  const warn = warnerFor(warnings, label);
  for (const problem of target.problems) warn(`${problem}; the rest of its target was used`);
  const { comment, tags } = readW3cBodies(item, warn);
  const { quote, position } = target.passage;
  const documentTitle = stringField(item, 'marginalia:sourceTitle') ?? stringField(field(target.target, 'source'), 'title');
  const annotation: IncomingAnnotation = {
    externalId: externalIdOf(rawId, [target.sources, quote, position, comment]),
    sources: target.sources,
    ...(documentTitle === undefined ? {} : { documentTitle }),
    ...(quote === undefined ? {} : { quote }),
    ...(position === undefined ? {} : { position }),
    comment,
    tags: normaliseTags(tags, warn),
    createdAt: readTimestamp(field(item, 'created'), 'created', warn),
    updatedAt: readTimestamp(field(item, 'modified'), 'modified', warn),
  };
  const tooBig = sizeProblem(annotation);
  return tooBig === undefined ? annotation : { id: label, reason: tooBig };
}

interface ChosenTarget {
  target: unknown;
  sources: string[];
  passage: Passage;
  problems: string[];
}

/**
 * The first target that marks a passage with a text selector. A target that is only an IRI, or
 * a resource without selectors, annotates a whole document: a highlight needs a passage.
 */
function chooseTarget(annotation: unknown): ChosenTarget | { reason: string } {
  const targets = asList(field(annotation, 'target'));
  if (targets.length === 0) return { reason: 'it has no target: it does not say what it annotates' };
  const problems: string[] = [];
  for (const target of targets) {
    const read = readPassage(field(target, 'selector'));
    if (read.passage.quote === undefined && read.passage.position === undefined) {
      problems.push(...read.problems);
      continue;
    }
    const sources = sourcesOf(target);
    if (sources.length === 0) return { reason: 'its target marks a passage but does not say in which document' };
    return { target, sources, passage: read.passage, problems: read.problems };
  }
  if (problems.length > 0) return { reason: `its target marks no usable passage: ${problems.join('; ')}` };
  const whole = typeof targets[0] === 'string' ? targets[0] : (sourcesOf(targets[0])[0] ?? stringField(targets[0], 'id'));
  return { reason: `it annotates the whole of ${whole === undefined ? 'a document' : whole.slice(0, 200)}, not a passage in it` };
}

/** The target's `source` (an IRI, or a resource with an `id`), then its `scope`, without repeats. */
function sourcesOf(target: unknown): string[] {
  const iri = (value: unknown) => (typeof value === 'string' ? value : stringField(value, 'id'));
  const found = [iri(field(target, 'source')), ...asList(field(target, 'scope')).map(iri)];
  return [...new Set(found.filter((source): source is string => source !== undefined && source.trim() !== ''))];
}
