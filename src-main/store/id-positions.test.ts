import { describe, expect, it } from 'vitest';
import { findById, idsInOrder, putById } from './id-positions';

const items = (...ids: string[]) => ids.map((id) => ({ id, v: 0 }));
const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe('findById and putById', () => {
  it('find, replace, append and remove items by id', () => {
    const list = items('a', 'b', 'c');
    expect(findById(list, 'b')).toBe(1);
    expect(findById(list, 'z')).toBe(-1);
    putById(list, 'b', { id: 'b', v: 1 });
    putById(list, 'd', { id: 'd', v: 0 });
    expect(list).toEqual([{ id: 'a', v: 0 }, { id: 'b', v: 1 }, { id: 'c', v: 0 }, { id: 'd', v: 0 }]);
    expect(findById(list, 'd')).toBe(3);
    putById(list, 'a', null);
    putById(list, 'zz', null);
    expect(ids(list)).toEqual(['b', 'c', 'd']);
    expect([findById(list, 'b'), findById(list, 'c'), findById(list, 'd'), findById(list, 'a')]).toEqual([0, 1, 2, -1]);
  });

  it('stay right when the list is changed behind their back', () => {
    const list = items('a', 'b', 'c');
    expect(findById(list, 'c')).toBe(2);
    list.push({ id: 'x', v: 0 });
    expect(findById(list, 'x')).toBe(3);
    list.reverse();
    expect([findById(list, 'a'), findById(list, 'x')]).toEqual([3, 0]);
    list.splice(1, 1);
    expect([findById(list, 'x'), findById(list, 'b'), findById(list, 'a'), findById(list, 'c')]).toEqual([0, 1, 2, -1]);
  });

  it('find every item of a large list the same as a scan', () => {
    const list = items(...Array.from({ length: 1000 }, (_, i) => `id${i}`));
    for (let i = 0; i < 1000; i += 7) putById(list, `id${i}`, i % 2 ? null : { id: `id${i}`, v: 2 });
    for (let i = 0; i < 1000; i += 1) expect(findById(list, `id${i}`)).toBe(list.findIndex((item) => item.id === `id${i}`));
  });

  it('give the ids in order, kept up as items are added, replaced and removed', () => {
    const list = items('c', 'a', 'b');
    expect(idsInOrder(list)).toEqual(['a', 'b', 'c']);
    putById(list, 'b', { id: 'b', v: 1 });
    expect(idsInOrder(list)).toEqual(['a', 'b', 'c']);
    putById(list, 'aa', { id: 'aa', v: 0 });
    expect(idsInOrder(list)).toEqual(['a', 'aa', 'b', 'c']);
    putById(list, 'a', null);
    expect(idsInOrder(list)).toEqual(['aa', 'b', 'c']);
    list.push({ id: '0', v: 0 });
    expect(idsInOrder(list)).toEqual(['0', 'aa', 'b', 'c']);
  });
});
