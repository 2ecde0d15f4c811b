/**
 * W3C bodies → a comment and tags. A TextualBody whose purpose is `tagging` is a tag; any other
 * text (commenting, describing, replying, no purpose, the `bodyValue` shorthand) is comment,
 * in the order the file gives it. A body that is a resource elsewhere (an IRI, or an object
 * with an `id` and no text) is kept as its address in the comment, so nothing the annotator
 * linked is lost. Text stays as written: HTML or `<script>` in a comment is rendered, like
 * every comment, through the renderer's sanitiser.
 */
import type { Warn } from './incoming-fields';
import { asList, describeValue, field, hasType, isRecord, stringField } from './json-fields';

export interface BodyContent {
  comment: string;
  /** Raw tag values, normalised by the caller. */
  tags: unknown[];
}

export function readW3cBodies(annotation: unknown, warn: Warn): BodyContent {
  const comments: string[] = [];
  const tags: unknown[] = [];
  const bodies = asList(field(annotation, 'body'));
  bodies.forEach((body, index) => {
    const name = bodies.length === 1 ? 'its body' : `body ${index + 1}`;
    const chosen = hasType(body, 'Choice') ? asList(field(body, 'items'))[0] : body;
    readBody(chosen, name, { comments, tags }, warn);
  });
  const bodyValue = field(annotation, 'bodyValue');
  if (typeof bodyValue === 'string') comments.push(bodyValue);
  else if (bodyValue !== undefined) warn(`its bodyValue left out: it is ${describeValue(bodyValue)}, not text`);
  return { comment: comments.filter((text) => text.trim() !== '').join('\n\n'), tags };
}

function readBody(body: unknown, name: string, into: { comments: string[]; tags: unknown[] }, warn: Warn): void {
  if (typeof body === 'string') {
    into.comments.push(body);
    return;
  }
  if (!isRecord(body)) {
    warn(`${name} left out: it is ${describeValue(body)}, not a body`);
    return;
  }
  const value = field(body, 'value');
  if (value === undefined) {
    const address = stringField(body, 'id') ?? stringField(body, 'source') ?? stringField(field(body, 'source'), 'id');
    if (address !== undefined) into.comments.push(address);
    else warn(`${name} left out: it has neither text nor an address`);
  } else if (asList(field(body, 'purpose')).includes('tagging')) {
    into.tags.push(value);
  } else if (typeof value === 'string') {
    into.comments.push(value);
  } else {
    warn(`${name} left out: its value is ${describeValue(value)}, not text`);
  }
}
