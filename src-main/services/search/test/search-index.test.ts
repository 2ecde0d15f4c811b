/**
 * Ranking reuses its candidate arrays from one query to the next: a query ranked while another
 * is still being read gets arrays of its own, and every query answers as on a fresh index.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../parse-query';
import { SearchIndex, type Ranking } from '../search-index';

const note = (i: number, body: string) => ({ kind: 'note' as const, id: `note-${i}`, title: `Note ${i}`, tags: [], body, links: [] });

function indexOf(count: number): SearchIndex {
  const index = new SearchIndex();
  for (let i = 0; i < count; i += 1) index.put(note(i, `heron ${i % 3 === 0 ? 'egret' : 'crane'} wading ${'marsh '.repeat(1 + (i % 7))}`));
  return index;
}

const idsOf = (ranking: Ranking, take = Infinity) => {
  const ids: string[] = [];
  while (ids.length < take) {
    const candidate = ranking.next();
    if (!candidate) break;
    ids.push(candidate.meta.id);
  }
  return ids;
};
const fresh = (query: string) => idsOf(indexOf(3000).rank(parseQuery(query)));

describe('ranking', () => {
  it('answers as a fresh index does when queries reuse arrays, and when one ranks while another is read', () => {
    const index = indexOf(3000);
    const rank = (query: string) => index.rank(parseQuery(query));
    const expected = { heron: fresh('heron'), egret: fresh('egret'), crane: fresh('crane marsh') };
    expect(expected.heron).toHaveLength(3000);

    // One after another: the second and third take the arrays the first gave back.
    for (const query of ['heron', 'egret', 'crane marsh'] as const) {
      const ranking = rank(query);
      expect(idsOf(ranking)).toEqual(expected[query === 'crane marsh' ? 'crane' : query]);
      ranking.close();
    }

    // Overlapping: read in turns, each must keep its own candidates.
    const first = rank('heron');
    const second = rank('egret');
    const [a, b] = [idsOf(first, 10), idsOf(second, 10)];
    a.push(...idsOf(first));
    b.push(...idsOf(second));
    first.close();
    second.close();
    expect(a).toEqual(expected.heron);
    expect(b).toEqual(expected.egret);

    // Closed rankings gave their arrays back: the next query still answers exactly.
    const again = rank('crane marsh');
    expect(idsOf(again)).toEqual(expected.crane);
    again.close();
  });
});
