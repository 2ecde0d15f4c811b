/**
 * The notebook → a REFI-QDA project (.qdpx), for NVivo, ATLAS.ti, MAXQDA, QualCoder and others.
 *
 * The file is a zip holding `project.qde` (QDA-XML, valid against Project-mrt2019.xsd) and each
 * article's canonical text as `sources/<source GUID>.txt` (UTF-8, no BOM), referred to as
 * `internal://<source GUID>.txt` (spec §8.3–8.4, §9.1.2).
 *
 * Mapping, and why:
 * - The notebook is the project's one User; it made and last changed everything (`creatingUser`,
 *   `modifyingUser`), with the records' own createdAt/updatedAt (whole seconds, UTC).
 * - Tags → Codes in the CodeBook, nested by "/" (`region/east-asia` is `east-asia` inside
 *   `region`), every one codable. With `colorCodes`, each highlight colour in use is also a code,
 *   named by its legend meaning ("Evidence"), coloured as the notebook paints it, inside a
 *   "Highlight colours" folder code that is not codable.
 * - Articles → TextSources (name = title; byline, site, date and URL as the Description);
 *   an article's tags → Codings of the whole source.
 * - Highlights → PlainTextSelections: positions are Unicode code points into the .txt (spec
 *   §10.2), converted from the notebook's UTF-16 offsets (code-points.ts); `endPosition` is
 *   exclusive, as QualCoder writes it and as the notebook stores it. One Coding per tag and, with
 *   `colorCodes`, one for the colour. Highlights that no longer anchor in their text are left out.
 * - A highlight's comment → a Note (its Markdown as written) with a NoteRef from the selection:
 *   the spec defines a Note as "a free text comment made by the user on a … selection", while
 *   a Description describes the thing itself; tools show notes as memos beside the passage.
 * - Notes → Notes (title as name, the Markdown as plain text, tags as Codings).
 * - Claims → Notes whose text is the statement and every evidence passage quoted with its
 *   article, so a QDA user reads the argument in any tool; plus a Link "evidence" from the
 *   claim's note to each evidence selection, and a Link named by the relation (supports,
 *   contradicts, questions, context) from a note to each claim or selection it links to.
 *   Claims, notes and comments are each grouped in a Set, since all three are Notes.
 *
 * Deterministic: GUIDs are name-based UUIDs of record ids (qdpx-guid.ts), codes are sorted, the
 * zip's timestamps are the export's time; the same snapshot gives the same bytes.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { HighlightColor } from '../../../common/model';
import type { ExchangeSnapshot } from '../exchange-types';
import { buildCodebook } from './qdpx-codebook';
import { qdaTime, type QdeContext } from './qde-common';
import { memos } from './qde-memos';
import { placeHighlights, sourceFileName, textSource, type PlacedHighlight } from './qde-sources';
import { el, QDA_NAMESPACE, serializeXml } from './qde-xml';
import { qdpxGuid } from './qdpx-guid';

export interface QdpxOptions {
  /** Also code each highlight with its colour's meaning from the legend. */
  colorCodes: boolean;
}

export function buildQdpx(snapshot: ExchangeSnapshot, options: QdpxOptions): Uint8Array {
  const placedByArticle = snapshot.articles.map((entry) => placeHighlights(entry.text, entry.annotations));
  const placed = new Map<string, PlacedHighlight>(placedByArticle.flat().map((highlight) => [highlight.annotation.id, highlight]));

  const colors = new Set<HighlightColor>(options.colorCodes ? [...placed.values()].map(({ annotation }) => annotation.color) : []);
  const tags = [
    ...snapshot.articles.flatMap((entry) => entry.article.tags),
    ...[...placed.values()].flatMap(({ annotation }) => annotation.tags),
    ...snapshot.claims.flatMap((claim) => claim.tags),
    ...snapshot.notes.flatMap((note) => note.tags),
  ];
  const context: QdeContext = {
    user: qdpxGuid('user', snapshot.notebookName),
    codebook: buildCodebook(tags, colors, snapshot.legend),
    colorCodes: options.colorCodes,
  };

  const sources = snapshot.articles.map((entry, i) => textSource(context, entry.article, entry.text, placedByArticle[i]!));
  const { notes, links, sets } = memos(context, snapshot, placed);
  const exportedAt = qdaTime(snapshot.exportedAt);

  const project = el(
    'Project',
    {
      xmlns: QDA_NAMESPACE,
      name: snapshot.notebookName,
      origin: 'Marginalia',
      creatingUserGUID: context.user,
      creationDateTime: exportedAt,
      modifyingUserGUID: context.user,
      modifiedDateTime: exportedAt,
    },
    [
      el('Users', {}, [el('User', { guid: context.user, name: snapshot.notebookName })]),
      context.codebook.element,
      // The schema wants at least one child in each of these lists, so an empty one is left out.
      sources.length > 0 && el('Sources', {}, sources),
      notes.length > 0 && el('Notes', {}, notes),
      links.length > 0 && el('Links', {}, links),
      sets.length > 0 && el('Sets', {}, sets),
      el('Description', {}, `Exported from the Marginalia notebook “${snapshot.notebookName}”.`),
    ],
  );

  const mtime = zipTime(snapshot.exportedAt);
  const files: Zippable = { 'project.qde': [strToU8(serializeXml(project)), { mtime }] };
  snapshot.articles.forEach(({ article, text }) => {
    files[`sources/${sourceFileName(article)}`] = [strToU8(text), { mtime }];
  });
  return zipSync(files, { level: 6 });
}

/**
 * The zip entries' time: the export's, so it comes from the snapshot. Zip stores local wall-clock
 * time and fflate reads the Date's local fields, so the UTC fields are copied into a local Date:
 * the bytes then do not depend on the machine's time zone. Zip cannot date before 1980.
 */
function zipTime(exportedAt: string): Date {
  const utc = new Date(exportedAt);
  if (Number.isNaN(utc.getTime()) || utc.getUTCFullYear() < 1980) return new Date(1980, 0, 1);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}
