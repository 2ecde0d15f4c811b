/**
 * What a tag is: written as typed, tidied (trimmed, spaces around "/" dropped, other spaces as
 * hyphens, lower case), then checked. Plain functions, so the window tidies a tag as it is
 * added without zod (not in its startup bundle); `tagSchema` (schema.ts) applies the same rules
 * to everything the contract receives.
 */

/** Longest tag, in characters. */
export const MAX_TAG = 100;

/** The tag as it is kept. */
const tidyTag = (raw: string): string => raw.trim().replace(/\s*\/\s*/g, '/').replace(/\s+/g, '-').toLowerCase();

/** The tidied tag, or why the text cannot be one (in the words the contract's errors use). */
export function checkTag(raw: string): { ok: true; tag: string } | { ok: false; problem: string } {
  const tag = tidyTag(raw);
  if (tag.length === 0) return { ok: false, problem: 'a tag must not be empty' };
  if (tag.length > MAX_TAG) return { ok: false, problem: `a tag is longer than ${MAX_TAG} characters` };
  if (!/^[^/]+(\/[^/]+)*$/.test(tag)) return { ok: false, problem: 'a tag must not start or end with "/" or contain "//"' };
  return { ok: true, tag };
}
