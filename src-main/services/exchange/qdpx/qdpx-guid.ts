/**
 * Stable GUIDs for the records of a REFI-QDA export. The same record must get the same GUID in
 * every export (so an export is byte-for-byte reproducible, and a QDA tool that re-imports an
 * updated export can recognise what it already has), so GUIDs are name-based UUIDs (RFC 9562
 * version 5: SHA-1 of a namespace and a name), never random ones.
 */
import { createHash } from 'node:crypto';

/** Marginalia's own namespace for name-based UUIDs; fixed forever, or every GUID would change. */
const MARGINALIA_NAMESPACE = Uint8Array.from(Buffer.from('6d1a3c0e9b2f4e57a4d8c1f07e5b92a3', 'hex'));

/** What a GUID names; part of the hashed name, so an article and a highlight never share one. */
export type GuidKind = 'project' | 'user' | 'code' | 'source' | 'selection' | 'coding' | 'note' | 'link' | 'set';

/** The version 5 UUID of `kind:key`, lower case as RFC 9562 writes it (the schema accepts either case). */
export function qdpxGuid(kind: GuidKind, key: string): string {
  const hash = createHash('sha1').update(MARGINALIA_NAMESPACE).update(`${kind}:${key}`, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A GUID as read from a file, in one spelling: lower case, without the braces the schema allows. */
export function normalizeGuid(guid: string): string {
  return guid.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

/** The GUID of each exported thing, from the id of the record it comes from. */
export const guidOf = {
  source: (articleId: string) => qdpxGuid('source', articleId),
  selection: (annotationId: string) => qdpxGuid('selection', annotationId),
  /** The note that carries a highlight's comment. */
  comment: (annotationId: string) => qdpxGuid('note', `comment:${annotationId}`),
  note: (noteId: string) => qdpxGuid('note', noteId),
  claim: (claimId: string) => qdpxGuid('note', claimId),
  /** One coding per coded thing and code. */
  coding: (codedId: string, codeGuid: string) => qdpxGuid('coding', `${codedId}>${codeGuid}`),
  link: (fromId: string, toId: string) => qdpxGuid('link', `${fromId}>${toId}`),
};
