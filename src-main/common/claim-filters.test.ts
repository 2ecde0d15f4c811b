import { describe, expect, it } from 'vitest';
import { filterClaims, isContested } from './claim-filters';

const counts = (supports: number, contradicts: number) => ({ supports, contradicts, questions: 0, context: 0 });
const claim = (id: string, evidence: number, c: ReturnType<typeof counts>, tags: string[] = []) => ({
  id,
  evidence: Array.from({ length: evidence }, (_, i) => ({ annotationId: `ann_${i}`, articleId: 'art_1', articleTitle: 'A', quote: 'q', color: 'yellow' as const })),
  counts: c,
  tags,
});

describe('claim filters', () => {
  const claims = [
    claim('both', 1, counts(1, 2), ['region/east-asia']),
    claim('bare', 0, counts(0, 0), ['region']),
    claim('for', 2, counts(3, 0)),
    claim('against', 1, counts(0, 1), ['security']),
  ];
  const ids = (list: { id: string }[]) => list.map((c) => c.id);

  it('contested means supported and contradicted', () => {
    expect(claims.map(isContested)).toEqual([true, false, false, false]);
  });

  it('filters by no evidence, contested and hierarchical tag together', () => {
    expect(ids(filterClaims(claims, 'all', null))).toEqual(['both', 'bare', 'for', 'against']);
    expect(ids(filterClaims(claims, 'no-evidence', null))).toEqual(['bare']);
    expect(ids(filterClaims(claims, 'contested', null))).toEqual(['both']);
    expect(ids(filterClaims(claims, 'all', 'region'))).toEqual(['both', 'bare']);
    expect(ids(filterClaims(claims, 'contested', 'security'))).toEqual([]);
  });
});
