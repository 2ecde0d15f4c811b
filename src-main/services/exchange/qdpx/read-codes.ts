/**
 * A project's CodeBook → tag paths. A code's tag is its ancestors' names and its own, joined by
 * "/" as the notebook writes hierarchy; a "/" inside a name would make a level that is not
 * there, so it becomes "-".
 */
import { childElement, childElements } from './qde-dom';
import { normalizeGuid } from './qdpx-guid';

/** One segment of a tag from a code's name: no "/", white space collapsed and trimmed, never empty. */
export function tagSegment(name: string): string {
  return name.replace(/\//g, '-').replace(/\s+/g, ' ').trim() || 'unnamed code';
}

/** Each code's tag path by its (normalised) GUID, in the codebook's order. */
export function readCodePaths(project: Element): Map<string, string> {
  const paths = new Map<string, string>();
  const codes = childElement(childElement(project, 'CodeBook') ?? project, 'Codes');
  if (!codes) return paths;
  // Walked with a stack rather than recursion: a hostile file may nest codes very deep.
  const stack: { code: Element; parent: string }[] = childElements(codes, 'Code').map((code) => ({ code, parent: '' })).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    const segment = tagSegment(next.code.getAttribute('name') ?? '');
    const path = next.parent ? `${next.parent}/${segment}` : segment;
    const guid = next.code.getAttribute('guid');
    if (guid) paths.set(normalizeGuid(guid), path);
    stack.push(...childElements(next.code, 'Code').map((code) => ({ code, parent: path })).reverse());
  }
  return paths;
}
