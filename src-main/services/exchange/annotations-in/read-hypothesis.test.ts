/**
 * Reading a Hypothesis export (fixtures/hypothesis-export.json: the client's "Export
 * annotations" file for one reader of a news article, with a discussion, a page note, an
 * annotation on a PDF and one on a page the notebook will not hold).
 */
import { describe, expect, it } from 'vitest';
import { readHypothesisExport } from './read-hypothesis';
import { HYPOTHESIS_EXPORT, readJson } from './test-support/paths';

const PAGE = 'https://www.example-news.org/world/2024/07/28/japan-us-2plus2/?utm_source=newsletter&utm_medium=email';

describe('a Hypothesis export', () => {
  const { annotations, skipped, warnings } = readHypothesisExport(readJson(HYPOTHESIS_EXPORT));
  const byId = new Map(annotations.map((annotation) => [annotation.externalId, annotation]));

  it('keeps the annotations that mark a passage, in file order', () => {
    expect(annotations.map((annotation) => annotation.externalId)).toEqual(['Qx3bLk0vEe-9aB7nPqRsTw', 'Rb1cMm4wEe-2cD8oQrStUv', 'Vg4hQq6aEe-0kL7sUvWxYz', 'Wh6iRr9bEe-2mN9tVwXyZa']);
  });

  it('reads quote, position, comment, normalised tags, page and dates', () => {
    expect(byId.get('Rb1cMm4wEe-2cD8oQrStUv')).toEqual({
      externalId: 'Rb1cMm4wEe-2cD8oQrStUv',
      sources: [PAGE],
      documentTitle: 'Japan and U.S. agree to upgrade military command and missile production at Tokyo “2+2” talks',
      quote: {
        exact: 'represents the greatest strategic challenge in the Indo-Pacific region and beyond',
        prefix: 'ire international community and ',
        suffix: '.”',
      },
      // Hypothesis counts in the page's text, where a header comes before the article.
      position: { start: 2256, end: 2337 },
      comment: 'Compare the 2022 National Security Strategy wording:\n\n> the greatest strategic challenge\n\nSame phrase, now in a *joint* statement.',
      tags: ['china', 'indo-pacific', 'strategy/framing'],
      createdAt: '2024-07-29T08:20:02.481Z',
      updatedAt: '2024-07-30T17:45:10.000Z',
    });
  });

  it('folds the replies into the comment of the annotation they answer, in order of writing', () => {
    expect(byId.get('Qx3bLk0vEe-9aB7nPqRsTw')?.comment).toBe(
      [
        'The practical change: USFJ gets **operational** command, but still reports to INDOPACOM.',
        '---',
        '**Reply from Tomasz K., 2024-07-29:**',
        'Is there a timeline for the new joint force headquarters?',
        '---',
        '**Reply from Inès R., 2024-07-29:**',
        'Phased over several years, per the joint statement.',
      ].join('\n\n'),
    );
    expect(warnings).toEqual(['2 replies were added to the comment of the annotation they answer.']);
  });

  it('takes a position without a quote, and every address Hypothesis knows for a PDF', () => {
    const pdf = byId.get('Vg4hQq6aEe-0kL7sUvWxYz');
    expect(pdf).toMatchObject({ position: { start: 1004, end: 1062 }, documentTitle: 'Joint Statement of the Security Consultative Committee (2+2)' });
    expect(pdf?.quote).toBeUndefined();
    expect(pdf?.sources).toEqual(['urn:x-pdf:5f2b9c0d1e8a4b7c9d6e3f2a1b0c9d8e', 'https://www.example.gov/documents/2024-07-28-joint-statement.pdf']);
  });

  it('lists the page note and the stray reply as not importable, with the reason', () => {
    expect(skipped).toEqual([
      {
        id: 'Uf2gPp3zEe-8iJ5rTuVwXy',
        reason: `a page note: it comments on the whole page (${PAGE}), not on a passage, and a highlight needs a passage`,
      },
      { id: 'Xi8jSs2cEe-4oP1uWxYzAb', reason: 'a reply to Zz0000000000000000000z, which is not in this file' },
    ]);
  });
});

describe('other Hypothesis shapes', () => {
  const row = { id: 'h1', uri: 'https://example.org/a', text: 'Hi', tags: [], target: [{ source: 'https://example.org/a', selector: [{ type: 'TextQuoteSelector', exact: 'a passage' }] }] };

  it.each([
    ['a page of its API’s search', { total: 1, rows: [row] }],
    ['a plain list', [row]],
    ['one annotation', row],
  ])('%s', (_name, json) => {
    expect(readHypothesisExport(json).annotations.map((annotation) => annotation.externalId)).toEqual(['h1']);
  });

  it('skips a reply to a page note with that reason', () => {
    const note = { ...row, id: 'note', target: [{ source: 'https://example.org/a' }] };
    const reply = { ...row, id: 'reply', references: ['note'], target: [{ source: 'https://example.org/a' }] };
    expect(readHypothesisExport({ annotations: [note, reply] }).skipped.map((skipped) => skipped.reason)).toEqual([
      'a page note: it comments on the whole page (https://example.org/a), not on a passage, and a highlight needs a passage',
      'a reply to note, which is not imported either',
    ]);
  });

  it('skips an annotation whose replies make its comment too long', () => {
    const reply = { ...row, id: 'reply', text: 'x'.repeat(100_000), references: ['h1'], target: [{ source: 'https://example.org/a' }] };
    const { annotations, skipped } = readHypothesisExport({ annotations: [row, reply] });
    expect(annotations).toEqual([]);
    expect(skipped).toEqual([{ id: 'h1', reason: expect.stringMatching(/^its comment is 100,0\d\d characters long; a comment holds at most 100,000$/) }]);
  });
});
