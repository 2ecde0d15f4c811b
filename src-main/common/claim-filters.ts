/** Which claims the claims view shows: pure, so the rule is tested once and shared. */
import type { ClaimView } from './model';
import { hasTag } from './tags';

export type ClaimFilter = 'all' | 'no-evidence' | 'contested';

/** Contested: at least one note supports the claim and at least one contradicts it. */
export const isContested = (claim: Pick<ClaimView, 'counts'>): boolean => claim.counts.supports > 0 && claim.counts.contradicts > 0;

export function filterClaims<T extends Pick<ClaimView, 'counts' | 'evidence' | 'tags'>>(claims: readonly T[], filter: ClaimFilter, tag: string | null): T[] {
  return claims.filter(
    (claim) =>
      (filter === 'all' || (filter === 'no-evidence' ? claim.evidence.length === 0 : isContested(claim))) &&
      (tag === null || hasTag(claim.tags, tag)),
  );
}
