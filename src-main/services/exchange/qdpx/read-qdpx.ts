/**
 * A REFI-QDA project (.qdpx) → text sources and their coded passages, ready for the import
 * service to turn into articles and highlights. Pure: bytes in, records out, no files, no network.
 *
 * - Each TextSource is a source; its text comes from `PlainTextContent` or from the internal
 *   file its `plainTextPath` names (`internal://x.txt` is `sources/x.txt` in the zip).
 * - Each PlainTextSelection is a highlight. Its positions count Unicode code points, `endPosition`
 *   exclusive (spec §10.2; see write-qdpx.ts) and are turned into UTF-16 offsets of the text.
 *   A leading BOM is not part of the text and is not counted.
 * - Its tags are the paths of the codes it is coded with; its comment is its Description and the
 *   text of the Notes it refers to, in that order.
 * - Picture, PDF, audio and video sources, and text stored outside the .qdpx, are skipped and
 *   listed with the reason, so the import can say what it left behind (spec §7).
 */
import { describeRange } from '../../../common/anchoring/describe-range';
import type { IncomingAnnotation, IncomingSource } from '../exchange-types';
import { CodePointOffsets } from './code-points';
import { attribute, childElement, childElements, decodeText, integerAttribute, parseProject, timeAttribute } from './qde-dom';
import { openQdpx, type QdpxArchive } from './qdpx-zip';
import { normalizeGuid } from './qdpx-guid';
import { readCodePaths } from './read-codes';

export interface QdpxContents {
  /** The project's name, for the import's summary. */
  projectName: string;
  sources: IncomingSource[];
  /** Sources that were not read, each with why, in words a person can act on. */
  skipped: { name: string; reason: string }[];
  /** Every code of the codebook as a tag path, in the codebook's order. */
  codes: string[];
}

const NOT_TEXT: Record<string, string> = {
  PDFSource: 'a PDF',
  PictureSource: 'a picture',
  AudioSource: 'an audio recording',
  VideoSource: 'a video',
};

/** Reads a .qdpx; throws an Error whose message says what is wrong with the file. */
export function readQdpx(bytes: Uint8Array): QdpxContents {
  const archive = openQdpx(bytes);
  const qdeName = archive.find('project.qde');
  if (!qdeName) throw new Error('This .qdpx has no project.qde — is it a REFI-QDA project?');
  const project = parseProject(decodeText(archive.read([qdeName]).get(qdeName)!));

  const codePaths = readCodePaths(project);
  const sourceElements = [...(childElement(project, 'Sources')?.children ?? [])];
  const textSources = sourceElements.filter((source) => source.localName === 'TextSource');
  const noteElements = childElements(childElement(project, 'Notes') ?? project, 'Note');
  const files = readInternalFiles(archive, [...textSources, ...noteElements]);

  const notes = new Map<string, string>();
  for (const note of noteElements) {
    const guid = note.getAttribute('guid');
    const text = plainText(note, files);
    if (guid && typeof text === 'string') notes.set(normalizeGuid(guid), text);
  }

  const sources: IncomingSource[] = [];
  const skipped: QdpxContents['skipped'] = [];
  for (const element of sourceElements) {
    const name = sourceName(element);
    const kind = NOT_TEXT[element.localName];
    if (kind) {
      skipped.push({ name, reason: `It is ${kind}; only text sources can become articles.` });
      continue;
    }
    if (element.localName !== 'TextSource') continue;
    const text = plainText(element, files);
    if (typeof text !== 'string') {
      skipped.push({ name, reason: text.outside });
      continue;
    }
    sources.push(textSource(element, name, text, codePaths, notes));
  }
  return { projectName: project.getAttribute('name') ?? '', sources, skipped, codes: [...codePaths.values()] };
}

function sourceName(element: Element): string {
  return element.getAttribute('name')?.trim() || element.getAttribute('guid') || 'Untitled source';
}

const INTERNAL = /^internal:\/\/(.+)$/i;

/** The `sources/` entries that text sources and notes keep their text in, read in one pass. */
function readInternalFiles(archive: QdpxArchive, elements: Element[]): Map<string, Uint8Array> {
  const wanted = new Map<string, string>();
  for (const element of elements) {
    const path = element.getAttribute('plainTextPath')?.trim();
    const file = path && !childElement(element, 'PlainTextContent') ? INTERNAL.exec(path)?.[1] : undefined;
    if (!file) continue;
    const entry = archive.find(`sources/${file}`);
    if (!entry) throw new Error(`The text of “${sourceName(element)}” is missing: this .qdpx has no sources/${file}. It may have been exported incompletely.`);
    wanted.set(path!, entry);
  }
  const bytes = archive.read([...wanted.values()]);
  return new Map([...wanted].map(([path, entry]) => [path, bytes.get(entry)!]));
}

/** The plain text of a TextSource or Note, or why there is none to read. */
function plainText(element: Element, files: ReadonlyMap<string, Uint8Array>): string | { outside: string } {
  const inline = childElement(element, 'PlainTextContent');
  if (inline) return inline.textContent ?? '';
  const path = element.getAttribute('plainTextPath')?.trim();
  const bytes = path ? files.get(path) : undefined;
  if (bytes) return decodeText(bytes);
  if (path) return { outside: `Its text is a file outside the .qdpx (${path}); export the project with its sources embedded.` };
  const formatted = element.getAttribute('richTextPath') ? ' (only a formatted document, without the plain-text version selections need)' : '';
  return { outside: `It has no plain text${formatted}.` };
}

function textSource(element: Element, name: string, text: string, codePaths: ReadonlyMap<string, string>, notes: ReadonlyMap<string, string>): IncomingSource {
  const guid = requiredGuid(element, `The source “${name}”`);
  const offsets = new CodePointOffsets(text);
  const annotations = childElements(element, 'PlainTextSelection').flatMap((selection): IncomingAnnotation[] => {
    const label = `The passage “${selection.getAttribute('name')?.trim() || selection.getAttribute('guid') || '?'}” in “${name}”`;
    const start = integerAttribute(selection, 'startPosition');
    const end = integerAttribute(selection, 'endPosition');
    if (start === undefined || end === undefined) throw new Error(`${label} has no valid startPosition and endPosition; the project is damaged.`);
    if (start < 0 || start > end || end > offsets.length) {
      throw new Error(`${label} (characters ${start}–${end}) lies outside its text, which has ${offsets.length} characters; the project is damaged or its text file is not the one it was coded on.`);
    }
    // An empty selection marks nothing a highlight could hold.
    if (start === end) return [];
    const target = describeRange(text, offsets.toUtf16(start), offsets.toUtf16(end));
    const tags = childElements(selection, 'Coding').flatMap((coding) => {
      const code = childElement(coding, 'CodeRef')?.getAttribute('targetGUID');
      const path = code ? codePaths.get(normalizeGuid(code)) : undefined;
      return path ? [path] : [];
    });
    const comments = [
      childElement(selection, 'Description')?.textContent ?? '',
      ...childElements(selection, 'NoteRef').map((ref) => notes.get(normalizeGuid(ref.getAttribute('targetGUID') ?? '')) ?? ''),
    ];
    return [
      {
        externalId: requiredGuid(selection, label),
        sources: [guid],
        documentTitle: name,
        quote: target.quote,
        position: target.position,
        comment: comments.filter((comment) => comment.trim() !== '').join('\n\n'),
        tags: [...new Set(tags)],
        createdAt: timeAttribute(selection, 'creationDateTime'),
        updatedAt: timeAttribute(selection, 'modifiedDateTime'),
      },
    ];
  });
  return { externalId: guid, name, text, createdAt: timeAttribute(element, 'creationDateTime'), annotations };
}

function requiredGuid(element: Element, label: string): string {
  const guid = attribute(element, 'guid')?.trim();
  if (!guid) throw new Error(`${label} has no guid; the project is damaged.`);
  return guid;
}
