/** A commit says what changed in words: counts by kind, and the article when all of it is in one. */
import { describe, expect, it } from 'vitest';
import type { Annotation, Article } from '../../common/model';
import { commitMessage } from './commit-message';
import type { SharedRecord } from './shared-records';

const article = (title: string, rev: string): Article => ({ id: 'art_aaaaaaaa', title, source: 's', format: 'text', tags: [], wordCount: 1, createdAt: 't', updatedAt: 't', rev, original: 'x', doc: { type: 'doc', children: [] } }) as unknown as Article;
const highlight = (id: string, rev: string) => ({ id, articleId: 'art_aaaaaaaa', rev, updatedAt: 't' }) as unknown as Annotation;
const articleRecord = (title: string, rev: string, annotations: Annotation[]): SharedRecord => ({ kind: 'article', id: 'art_aaaaaaaa', record: { article: article(title, rev), annotations } });
const note = { kind: 'note', id: 'note_aaaaaaaa', record: { id: 'note_aaaaaaaa', updatedAt: 't' } } as unknown as SharedRecord;

describe('commitMessage', () => {
  it('counts highlights added, changed and removed in one article, and names it', () => {
    const before = articleRecord('Japan and U.S. agree', '1-a', [highlight('ann_1', '1-a'), highlight('ann_2', '1-a')]);
    const after = articleRecord('Japan and U.S. agree', '1-a', [highlight('ann_1', '2-b'), highlight('ann_3', '1-c')]);
    expect(commitMessage([{ before, after }, { after: note }])).toBe('3 highlights on ‘Japan and U.S. agree’, 1 note');
  });

  it('names no article when the changes span several, and counts a new article once', () => {
    const one = articleRecord('One', '1-a', [highlight('ann_1', '1-a')]);
    const two = { ...articleRecord('Two', '1-a', []), id: 'art_bbbbbbbb' } as SharedRecord;
    expect(commitMessage([{ after: one }, { after: two }, { after: { kind: 'legend', record: {} as never } }])).toBe('2 articles, 1 highlight, the colour legend');
    expect(commitMessage([])).toBe('No changes');
  });
});
