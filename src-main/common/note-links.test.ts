import { describe, expect, it } from 'vitest';
import type { NoteMeta } from './model';
import { backlinksByAnnotation } from './note-links';

const note = (id: string, title: string, links: NoteMeta['links']): NoteMeta => ({
  id,
  title,
  tags: [],
  links,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('backlinksByAnnotation', () => {
  it('lists, for each highlight, the notes that link to it and how, ignoring links to claims', () => {
    const backlinks = backlinksByAnnotation([
      note('note_a', 'Official view', [
        { target: { annotationId: 'ann_1' }, relation: 'supports' },
        { target: { claimId: 'clm_1' }, relation: 'questions' },
      ]),
      note('note_b', 'Critics', [
        { target: { annotationId: 'ann_1' }, relation: 'contradicts' },
        { target: { annotationId: 'ann_2' }, relation: 'context' },
      ]),
    ]);
    expect(backlinks.get('ann_1')).toEqual([
      { noteId: 'note_a', noteTitle: 'Official view', relation: 'supports' },
      { noteId: 'note_b', noteTitle: 'Critics', relation: 'contradicts' },
    ]);
    expect(backlinks.get('ann_2')).toEqual([{ noteId: 'note_b', noteTitle: 'Critics', relation: 'context' }]);
    expect(backlinks.has('clm_1')).toBe(false);
    expect(backlinks.get('ann_3')).toBeUndefined();
  });

  it('answers nothing when no note links anywhere', () => {
    expect(backlinksByAnnotation([note('note_a', 'Empty', [])]).size).toBe(0);
  });
});
