/**
 * Another tool's annotations and sources → records of this notebook, ready to merge. Each
 * gets an id made from its id in the file, and a revision made from what the file says of it:
 * importing the same file again finds the same records unchanged, and a highlight edited here
 * since stays as it was edited.
 */
import { createHash } from 'node:crypto';
import { legacyRevision } from '../../common/merge/revisions';
import type { Annotation, Article } from '../../common/model';
import { tagSchema } from '../../common/schema';
import { ID_PREFIXES, idPattern, type RecordId, type RecordKind } from '../../common/record-ids';

const safeDecode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};
import { bodyOfDoc } from '../article-body';
import { articleText } from '../article-text';
import { textToDoc } from '../../common/text-to-doc';
import type { PlacedAnnotation } from './annotations-in/place-annotations';
import type { IncomingSource } from './exchange-types';

/**
 * A record id made from an id in another tool's file: the same file gives the same ids. A
 * Marginalia id in our own W3C form (`urn:marginalia:annotation:ann_…`) stays itself, so a
 * notebook's own export merges back into the highlights it came from.
 */
export function idFromExternal<K extends RecordKind>(kind: K, externalId: string): RecordId<K> {
  const own = new RegExp(`^urn:marginalia:${kind}:(.+)$`).exec(externalId)?.[1];
  const decoded = own === undefined ? undefined : safeDecode(own);
  if (decoded !== undefined && idPattern(kind).test(decoded)) return decoded as RecordId<K>;
  const digest = createHash('sha256').update(`${kind}:${externalId}`).digest();
  let suffix = '';
  for (const byte of digest.subarray(0, 20)) suffix += (byte % 36).toString(36);
  return `${ID_PREFIXES[kind]}_${suffix}`;
}

/** Tags as this notebook writes them (lower case, `-` for spaces); one that cannot be a tag is left out. */
const normalTags = (tags: readonly string[]): string[] => {
  const normal = tags.flatMap((tag) => {
    const parsed = tagSchema.safeParse(tag);
    return parsed.success ? [parsed.data] : [];
  });
  return [...new Set(normal)];
};

/** A highlight for an annotation placed on one of this notebook's articles. */
export function annotationOfPlaced({ incoming, articleId, target }: PlacedAnnotation, stamp: string): Annotation {
  const createdAt = incoming.createdAt ?? stamp;
  return {
    id: idFromExternal('annotation', incoming.externalId),
    articleId,
    target: { quote: { ...target.quote }, position: { ...target.position } },
    color: 'yellow',
    comment: incoming.comment,
    tags: normalTags(incoming.tags),
    createdAt,
    updatedAt: incoming.updatedAt ?? createdAt,
    // From the file's own fields (not where it anchored here, nor when it was imported): the same file, the same revision.
    rev: legacyRevision({ id: incoming.externalId, quote: incoming.quote, position: incoming.position, comment: incoming.comment, tags: incoming.tags, at: incoming.updatedAt }),
  };
}

/** An article for a text source of a REFI-QDA project, and the text its highlights are placed in. */
export function articleOfSource(source: IncomingSource, projectName: string, stamp: string): { article: Article; text: string } {
  const body = bodyOfDoc(textToDoc(source.text), source.text);
  const createdAt = source.createdAt ?? stamp;
  const article: Article = {
    id: idFromExternal('article', source.externalId),
    title: source.name.trim() || body.suggestedTitle || 'Untitled source',
    source: `REFI-QDA project “${projectName}”`,
    format: 'text',
    tags: [],
    wordCount: body.wordCount,
    createdAt,
    updatedAt: createdAt,
    original: source.text,
    doc: body.doc,
    rev: legacyRevision({ id: source.externalId, name: source.name, text: source.text }),
  };
  return { article, text: articleText(article.doc) };
}
