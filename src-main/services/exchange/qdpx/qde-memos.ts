/**
 * Notes, claims and highlight comments → the project's Notes (REFI-QDA's memos), the Links
 * between them and the passages they are about, and Sets that tell the three kinds apart.
 */
import type { Annotation, Article, Claim, Note } from '../../../common/model';
import type { ExchangeSnapshot } from '../exchange-types';
import { markdownToPlainText } from './note-plain-text';
import { authorship, preview, tagCodings, type QdeContext } from './qde-common';
import { hasComment, type PlacedHighlight } from './qde-sources';
import { el, type XmlElement } from './qde-xml';
import { guidOf, qdpxGuid } from './qdpx-guid';

interface Memo {
  element: XmlElement;
  guid: string;
  kind: 'note' | 'claim' | 'comment';
}

/** Every exported memo, with the links from them and the sets that group them. */
export function memos(context: QdeContext, snapshot: ExchangeSnapshot, placed: ReadonlyMap<string, PlacedHighlight>) {
  const articles = new Map(snapshot.articles.map((entry) => [entry.article.id, entry.article]));
  const annotations = new Map(snapshot.articles.flatMap((entry) => entry.annotations.map((a) => [a.id, a] as const)));
  const exportedClaims = new Set(snapshot.claims.map((claim) => claim.id));

  const all: Memo[] = [
    ...snapshot.notes.map((note) => noteMemo(context, note)),
    ...snapshot.claims.map((claim) => claimMemo(context, claim, annotations, articles)),
    ...[...placed.values()].filter(({ annotation }) => hasComment(annotation)).map(({ annotation }) => commentMemo(context, annotation)),
  ];

  // A link is written only when both ends are in the file; a claim's memo still quotes all its evidence.
  const links: XmlElement[] = [
    ...snapshot.claims.flatMap((claim) =>
      claim.evidence
        .filter(({ annotationId }) => placed.has(annotationId))
        .map(({ annotationId }) => link('evidence', claim.id, guidOf.claim(claim.id), annotationId, guidOf.selection(annotationId))),
    ),
    ...snapshot.notes.flatMap((note) =>
      note.links.flatMap(({ target, relation }) => {
        if ('claimId' in target) {
          return exportedClaims.has(target.claimId) ? [link(relation, note.id, guidOf.note(note.id), target.claimId, guidOf.claim(target.claimId))] : [];
        }
        return placed.has(target.annotationId) ? [link(relation, note.id, guidOf.note(note.id), target.annotationId, guidOf.selection(target.annotationId))] : [];
      }),
    ),
  ];

  const sets = (
    [
      ['claim', 'Claims', 'Claims made in Marginalia: a statement and the passages that back it.'],
      ['note', 'Notes', 'Notes written in Marginalia.'],
      ['comment', 'Highlight comments', 'Comments on highlighted passages.'],
    ] as const
  ).flatMap(([kind, name, description]) => {
    const members = all.filter((memo) => memo.kind === kind);
    return members.length === 0
      ? []
      : [el('Set', { guid: qdpxGuid('set', kind), name }, [el('Description', {}, description), ...members.map((m) => el('MemberNote', { targetGUID: m.guid }))])];
  });

  return { notes: all.map((memo) => memo.element), links, sets };
}

function noteMemo(context: QdeContext, note: Note): Memo {
  const guid = guidOf.note(note.id);
  return {
    guid,
    kind: 'note',
    element: el('Note', { guid, name: note.title, ...authorship(context, note) }, [
      el('PlainTextContent', {}, markdownToPlainText(note.body)),
      ...tagCodings(context, note.id, note.tags, note.createdAt),
    ]),
  };
}

/**
 * A claim is a memo whose text is its statement and the passages that back it, each with the
 * article it comes from: every QDA tool shows memos, so the argument survives even where Links
 * (which tie the memo to the passages themselves) are not read.
 */
function claimMemo(context: QdeContext, claim: Claim, annotations: ReadonlyMap<string, Annotation>, articles: ReadonlyMap<string, Article>): Memo {
  const evidence = claim.evidence.flatMap(({ annotationId, articleId }) => {
    const annotation = annotations.get(annotationId);
    if (!annotation) return [];
    const title = articles.get(articleId)?.title;
    return [`“${annotation.target.quote.exact}”${title ? ` — ${title}` : ''}`];
  });
  const text = evidence.length > 0 ? `${claim.statement}\n\nEvidence:\n${evidence.map((line) => `- ${line}`).join('\n')}` : claim.statement;
  const guid = guidOf.claim(claim.id);
  return {
    guid,
    kind: 'claim',
    element: el('Note', { guid, name: `Claim: ${preview(claim.statement, 80)}`, ...authorship(context, claim) }, [
      el('PlainTextContent', {}, text),
      ...tagCodings(context, claim.id, claim.tags, claim.createdAt),
    ]),
  };
}

/** A highlight's comment, kept as written (Markdown): short, and read back into the notebook as it was. */
function commentMemo(context: QdeContext, annotation: Annotation): Memo {
  const guid = guidOf.comment(annotation.id);
  return {
    guid,
    kind: 'comment',
    element: el('Note', { guid, name: `Comment on “${preview(annotation.target.quote.exact, 50)}”`, ...authorship(context, annotation) }, [
      el('PlainTextContent', {}, annotation.comment),
    ]),
  };
}

function link(name: string, fromId: string, from: string, toId: string, to: string): XmlElement {
  return el('Link', { guid: guidOf.link(fromId, `${toId}:${name}`), name, direction: 'OneWay', originGUID: from, targetGUID: to });
}
