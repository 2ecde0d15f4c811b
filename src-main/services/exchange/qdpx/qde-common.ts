/** What the parts of project.qde share while it is written: its user, its codes, and small formatters. */
import type { Codebook } from './qdpx-codebook';
import { el, type XmlElement } from './qde-xml';
import { guidOf } from './qdpx-guid';

export interface QdeContext {
  /** The GUID of the project's one user, the notebook. */
  user: string;
  codebook: Codebook;
  colorCodes: boolean;
}

/**
 * An ISO 8601 time as xsd:dateTime in whole seconds, UTC ("2024-05-01T09:30:00Z"), the form
 * the specification's examples use; undefined when it is not a time.
 */
export function qdaTime(iso: string): string | undefined {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The attributes that say who made a thing and when, in the schema's order. */
export function authorship(context: QdeContext, record: { createdAt: string; updatedAt: string }) {
  return {
    creatingUser: context.user,
    creationDateTime: qdaTime(record.createdAt),
    modifyingUser: context.user,
    modifiedDateTime: qdaTime(record.updatedAt),
  };
}

/** A Coding of the thing `codedId` with each of `tags` that makes a code. */
export function tagCodings(context: QdeContext, codedId: string, tags: readonly string[], createdAt: string): XmlElement[] {
  const codes = new Set(tags.map((tag) => context.codebook.tagCode(tag)).filter((guid) => guid !== undefined));
  return [...codes].map((code) => coding(context, codedId, code, createdAt));
}

export function coding(context: QdeContext, codedId: string, code: string, createdAt: string): XmlElement {
  return el('Coding', { guid: guidOf.coding(codedId, code), creatingUser: context.user, creationDateTime: qdaTime(createdAt) }, [
    el('CodeRef', { targetGUID: code }),
  ]);
}

/** A one-line preview of `text` for a name: white space collapsed, cut at `max` characters. */
export function preview(text: string, max = 60): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  return characters.length > max ? `${characters.slice(0, max - 1).join('').trimEnd()}…` : characters.join('');
}
