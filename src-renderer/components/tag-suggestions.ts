import { withParents } from '../../src-main/common/tags';

/**
 * What the tag field offers as the person types: existing tags (and the parents they imply)
 * that contain what was typed, those starting with it first, never one already chosen.
 */
export function tagSuggestions(known: readonly string[], typed: string, chosen: readonly string[], limit = 8): string[] {
  const query = typed.trim().toLowerCase();
  const candidates = withParents(known).filter((tag) => !chosen.includes(tag) && tag.toLowerCase().includes(query));
  const rank = (tag: string) => {
    const lower = tag.toLowerCase();
    if (lower.startsWith(query)) return 0;
    return lower.split('/').some((part) => part.startsWith(query)) ? 1 : 2;
  };
  return candidates.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).slice(0, limit);
}
