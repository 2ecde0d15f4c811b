/**
 * `importExchange`: a file from elsewhere merged into the notebook as one undo step — a
 * colleague's bundle, W3C Web Annotation or Hypothesis annotations, a REFI-QDA project. The
 * file is read and checked before anything is touched: a malformed, truncated, tampered or
 * newer-version file changes nothing and says why. Then, on the write queue, each record goes
 * through the one merge, and the answer says what happened to each.
 */
import { basename } from 'node:path';
import type { NotebookHandlers } from '../../common/api';
import { NotebookError } from '../../common/errors';
import type { ExchangeSummary } from '../../common/exchange-schema';
import type { NotebookStore } from '../../store/notebook-store';
import { articleText } from '../article-text';
import type { Committer } from '../commit';
import { readAnnotationFile, type AnnotationFile } from './annotations-in/detect-annotation-format';
import { articleIdOfSource } from './annotations-in/match-article';
import { placeAnnotations, type Placement } from './annotations-in/place-annotations';
import { looksLikeBundle, readBundle } from './bundle/read-bundle';
import { parseJsonText } from './annotations-in/parse-json-text';
import type { IncomingSource } from './exchange-types';
import { annotationOfPlaced, articleOfSource } from './incoming-records';
import { emptySummary, planMerge, type IncomingRecords } from './merge-plan';
import { readQdpx } from './qdpx/read-qdpx';
import { urlMatchKey } from './annotations-in/normalise-url';

type ExchangeHandlers = Pick<NotebookHandlers, 'importExchange'>;

/** What a file turned out to be, read and checked, before the notebook is looked at. */
type ReadFile =
  | { kind: 'bundle'; body: Awaited<ReturnType<typeof readBundle>> }
  | { kind: 'annotations'; file: AnnotationFile }
  | { kind: 'qdpx'; projectName: string; sources: IncomingSource[]; skipped: { name: string; reason: string }[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

async function readExchangeFile(fileName: string, bytes: Buffer): Promise<ReadFile> {
  if (bytes.length === 0) throw new NotebookError('invalid_argument', `${fileName} is empty.`);
  if (ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) {
    try {
      const { projectName, sources, skipped, codes } = readQdpx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (sources.length === 0 && skipped.length === 0) {
        throw new Error(`The project “${projectName}” holds no sources${codes.length > 0 ? ` (only a code book of ${codes.length} codes)` : ''}: there is nothing to import. Export it again with its documents.`);
      }
      return { kind: 'qdpx', projectName, sources, skipped };
    } catch (error) {
      throw new NotebookError('invalid_argument', error instanceof Error ? error.message : String(error));
    }
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const json = parseJsonText(text);
  if (looksLikeBundle(json)) return { kind: 'bundle', body: await readBundle(json, bytes) };
  return { kind: 'annotations', file: readAnnotationFile(text) };
}

/** The articles an annotation file's sources may name: by id, or by address, read for their text. */
async function placeOnArticles(store: NotebookStore, file: AnnotationFile): Promise<Placement> {
  const sources = file.annotations.flatMap((a) => a.sources);
  const wanted = new Set(sources.map((source) => urlMatchKey(source)));
  const ids = new Set(sources.flatMap((source) => articleIdOfSource(source) ?? []));
  const candidates = store.articleMetas().filter((meta) => ids.has(meta.id) || (meta.url !== undefined && wanted.has(urlMatchKey(meta.url))));
  const articles = [];
  for (const meta of candidates) {
    const { article } = await store.viewRecord(meta.id);
    articles.push({ id: meta.id, ...(meta.url ? { url: meta.url } : {}), text: articleText(article.doc) });
  }
  return placeAnnotations(file.annotations, articles);
}

const notPlaced = (summary: ExchangeSummary, placement: Placement, skipped: readonly { id: string; reason: string }[]) => {
  for (const { incoming, reason } of placement.unplaceable) summary.refused.push({ kind: 'highlight', id: incoming.externalId, label: incoming.quote?.exact ?? incoming.externalId, reason });
  for (const { id, reason } of skipped) summary.refused.push({ kind: 'highlight', id, label: id, reason });
  summary.unmatched.push(...placement.unmatched);
};

/** The records a read file brings, and the summary they start from (read inside the write queue). */
async function incomingOf(store: NotebookStore, read: ReadFile, fileName: string, stamp: string): Promise<{ records: IncomingRecords; summary: ExchangeSummary }> {
  const none: IncomingRecords = { articles: [], annotations: [], claims: [], notes: [], deletions: [] };
  switch (read.kind) {
    case 'bundle': {
      const { body } = read;
      const summary = emptySummary('bundle', `the bundle from “${body.notebook}” of ${body.exportedAt.slice(0, 10)}`);
      return { records: { ...body }, summary };
    }
    case 'annotations': {
      const summary = emptySummary(read.file.format, fileName);
      const placement = await placeOnArticles(store, read.file);
      notPlaced(summary, placement, read.file.skipped);
      return { records: { ...none, annotations: placement.placed.map((placed) => annotationOfPlaced(placed, stamp)) }, summary };
    }
    case 'qdpx': {
      const summary = emptySummary('qdpx', `the project “${read.projectName}”`);
      const records: IncomingRecords = { ...none };
      for (const source of read.sources) {
        const { article, text } = articleOfSource(source, read.projectName, stamp);
        records.articles.push(article);
        const urn = `urn:marginalia:article:${article.id}`;
        const placement = placeAnnotations(
          source.annotations.map((a) => ({ ...a, sources: [urn] })),
          [{ id: article.id, text }],
        );
        notPlaced(summary, placement, []);
        records.annotations.push(...placement.placed.map((placed) => annotationOfPlaced(placed, stamp)));
      }
      for (const { name, reason } of read.skipped) summary.refused.push({ kind: 'article', id: name, label: name, reason });
      return { records, summary };
    }
  }
}

export function createExchangeImport(store: NotebookStore, writes: Committer): ExchangeHandlers {
  return {
    async importExchange({ fileName, content }) {
      const name = basename(fileName);
      const read = await readExchangeFile(name, Buffer.from(content, 'base64'));
      return writes.commit(async (stamp) => {
        const { records, summary } = await incomingOf(store, read, name, stamp);
        const changes = await planMerge(store, records, summary);
        return { label: `Import “${name}”`, changes, result: summary, revisions: 'keep' };
      });
    },
  };
}
