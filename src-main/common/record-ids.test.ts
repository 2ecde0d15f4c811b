import { describe, expect, it } from 'vitest';
import { ID_PREFIXES, ID_RANDOM_LENGTH, idFromBytes, idPattern, recordFilePattern, type RecordKind } from './record-ids';

const KINDS = Object.keys(ID_PREFIXES) as RecordKind[];

describe('record ids', () => {
  it('keeps the prefixes written in notebooks on disk', () => {
    expect(ID_PREFIXES).toEqual({ article: 'art', annotation: 'ann', claim: 'clm', note: 'note' });
  });

  it('makes ids of each kind that its pattern recognises, and no other kind does', () => {
    const bytes = Uint8Array.from({ length: ID_RANDOM_LENGTH }, (_, i) => i * 37);
    for (const kind of KINDS) {
      const id = idFromBytes(kind, bytes);
      expect(id).toMatch(new RegExp(`^${ID_PREFIXES[kind]}_[a-z0-9]{${ID_RANDOM_LENGTH}}$`));
      for (const other of KINDS) expect(idPattern(other).test(id)).toBe(other === kind);
    }
  });

  it('maps each byte to one base-36 character', () => {
    expect(idFromBytes('article', Uint8Array.from([0, 9, 10, 35, 36, 255]))).toBe('art_09az03');
  });

  it.each([
    ['article', 'art_k3f9a0b1', true],
    ['article', 'art_short', false],
    ['article', `art_${'a'.repeat(41)}`, false],
    ['article', 'art_K3F9A0B1', false],
    ['article', 'ann_k3f9a0b1', false],
    ['annotation', 'ann_k3f9a0b1', true],
    ['claim', 'clm_k3f9a0b1', true],
    ['note', 'note_k3f9a0b1', true],
    ['note', 'notes_k3f9a0b', false],
  ] as const)('%s id %s is recognised: %s', (kind, id, ok) => {
    expect(idPattern(kind).test(id)).toBe(ok);
  });

  it.each([
    ['article', 'art_k3f9a0b1.json', true],
    // Read, then set aside with the reason: not skipped because its id is too short.
    ['article', 'art_abc.json', true],
    ['article', 'art_k3f9a0b1.json.tmp', false],
    ['article', 'notebook.json', false],
    ['note', 'note_k3f9a0b1.json', true],
    ['claim', 'note_k3f9a0b1.json', false],
  ] as const)('%s file %s is a record file: %s', (kind, name, ok) => {
    expect(recordFilePattern(kind).test(name)).toBe(ok);
  });
});
