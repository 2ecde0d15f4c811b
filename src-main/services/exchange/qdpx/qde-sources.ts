/**
 * Articles → TextSources, highlights → PlainTextSelections. Positions are written in code
 * points of the source's .txt file (see code-points.ts), `endPosition` exclusive.
 */
import { anchorTarget } from '../../../common/anchoring/match-quote';
import type { Annotation, Article } from '../../../common/model';
import { CodePointOffsets } from './code-points';
import { authorship, coding, preview, tagCodings, type QdeContext } from './qde-common';
import { el, type XmlElement } from './qde-xml';
import { guidOf } from './qdpx-guid';

/** A highlight and where it lands in the article's text now (UTF-16 offsets, end exclusive). */
export interface PlacedHighlight {
  annotation: Annotation;
  start: number;
  end: number;
}

/**
 * Where each highlight lands in `text`, in reading order. A highlight is re-anchored first: a
 * stored position that no longer holds its quote would mark the wrong words in the QDA tool.
 * Orphaned highlights are left out (their quotes still appear in any claim that cites them).
 */
export function placeHighlights(text: string, annotations: readonly Annotation[]): PlacedHighlight[] {
  return annotations
    .flatMap((annotation) => {
      const anchor = anchorTarget(text, annotation.target);
      return anchor.status === 'anchored' ? [{ annotation, start: anchor.start, end: anchor.end }] : [];
    })
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.annotation.id < b.annotation.id ? -1 : 1));
}

/** The file name of an article's text inside `sources/`: its source's GUID, as the spec names internal files. */
export function sourceFileName(article: Article): string {
  return `${guidOf.source(article.id)}.txt`;
}

export function textSource(context: QdeContext, article: Article, text: string, placed: readonly PlacedHighlight[]): XmlElement {
  const offsets = new CodePointOffsets(text);
  const about = [article.byline, article.siteName, article.publishedAt, article.url].filter((line) => line?.trim());
  return el(
    'TextSource',
    { guid: guidOf.source(article.id), name: article.title, plainTextPath: `internal://${sourceFileName(article)}`, ...authorship(context, article) },
    [
      about.length > 0 && el('Description', {}, about.join('\n')),
      ...placed.map((highlight) => selection(context, text, offsets, highlight)),
      ...tagCodings(context, article.id, article.tags, article.createdAt),
    ],
  );
}

function selection(context: QdeContext, text: string, offsets: CodePointOffsets, { annotation, start, end }: PlacedHighlight): XmlElement {
  const colorCode = context.colorCodes ? context.codebook.colorCode(annotation.color) : undefined;
  return el(
    'PlainTextSelection',
    {
      guid: guidOf.selection(annotation.id),
      name: preview(text.slice(start, end)),
      startPosition: offsets.toCodePoint(start, 'start'),
      endPosition: offsets.toCodePoint(end, 'end'),
      ...authorship(context, annotation),
    },
    [
      ...tagCodings(context, annotation.id, annotation.tags, annotation.createdAt),
      colorCode !== undefined && coding(context, annotation.id, colorCode, annotation.createdAt),
      hasComment(annotation) && el('NoteRef', { targetGUID: guidOf.comment(annotation.id) }),
    ],
  );
}

export const hasComment = (annotation: Annotation) => annotation.comment.trim() !== '';
