/**
 * Hand-built snapshots for the .qdpx tests: real-looking prose with astral characters (emoji)
 * and right-to-left text before and inside highlights, hierarchical tags, and comments full of
 * XML's special characters. Every record is checked against the notebook's schemas, so the
 * writer is tested on records the notebook could really hold.
 */
import { annotationSchema } from '../../../common/annotation-schema';
import { DEFAULT_LEGEND } from '../../../common/highlight-colors';
import { describeRange } from '../../../common/anchoring/describe-range';
import { textToDoc } from '../../../common/text-to-doc';
import type { Annotation, Article, Claim, HighlightColor, Note } from '../../../common/model';
import { claimSchema, noteSchema } from '../../../common/research-schema';
import { articleSchema } from '../../../common/schema';
import type { ExchangeSnapshot } from '../exchange-types';

const CREATED = '2024-03-01T09:15:30.123Z';
const UPDATED = '2024-03-02T17:45:00.000Z';

export const EMOJI_TEXT = [
  'Deterrence 😀 in the Pacific 🌊 rests on alliances.',
  'The 🇯🇵–🇺🇸 "2+2" talks agreed that <joint> command & control would deepen 👍🏽 by 2025.',
  'Critics said the plan was vague.',
].join('\n\n');

export const RTL_TEXT = [
  'مرحبا بالعالم — שלום עולם.',
  'The Camp David accords 🤝 were signed by مصر and ישראל in 1978; see «القاهرة» for the reaction.',
].join('\n\n');

function article(id: string, title: string, text: string, tags: string[]): Article {
  return articleSchema.parse({
    id,
    title,
    source: 'Pasted text',
    byline: 'A. Writer',
    url: 'https://example.org/a?x=1&y=2',
    format: 'text',
    tags,
    wordCount: text.split(/\s+/).length,
    createdAt: CREATED,
    updatedAt: UPDATED,
    original: text,
    doc: textToDoc(text),
  });
}

/** A highlight on the first occurrence of `exact` in `text` (after `after`, when given). */
export function highlight(id: string, articleId: string, text: string, exact: string, extra: { color?: HighlightColor; tags?: string[]; comment?: string; after?: string } = {}): Annotation {
  const start = text.indexOf(exact, extra.after ? text.indexOf(extra.after) : 0);
  if (start < 0) throw new Error(`fixture: "${exact}" is not in the text`);
  return annotationSchema.parse({
    id,
    articleId,
    target: describeRange(text, start, start + exact.length),
    color: extra.color ?? 'yellow',
    comment: extra.comment ?? '',
    tags: extra.tags ?? [],
    createdAt: CREATED,
    updatedAt: UPDATED,
  });
}

export function testSnapshot(): ExchangeSnapshot {
  const pacific = article('art_pacific01', 'Deterrence in the Pacific <2024> & "allies"', EMOJI_TEXT, ['region/east-asia', 'security']);
  const accords = article('art_accords01', 'اتفاقيات كامب ديفيد', RTL_TEXT, ['region/middle-east']);
  const pacificHighlights = [
    highlight('ann_alliances1', pacific.id, EMOJI_TEXT, 'rests on alliances', { color: 'green', tags: ['region/east-asia', 'alliances'] }),
    highlight('ann_twoplus21', pacific.id, EMOJI_TEXT, '🇯🇵–🇺🇸 "2+2" talks agreed that <joint> command & control would deepen 👍🏽', {
      color: 'blue',
      tags: ['security/command'],
      comment: 'Compare <joint> & "combined"; \'quotes\' and a bell\u0007 character.\r\nSecond line.',
    }),
    highlight('ann_vague0001', pacific.id, EMOJI_TEXT, 'vague', { color: 'pink', comment: '**Disputed**: see [the report](https://example.org/r).' }),
  ];
  const accordsHighlights = [
    highlight('ann_arabic001', accords.id, RTL_TEXT, 'مصر and ישראל', { color: 'green', tags: ['region/middle-east'] }),
    highlight('ann_cairo0001', accords.id, RTL_TEXT, '«القاهرة»', { color: 'purple', tags: ['region/middle-east/egypt'] }),
    // Quoted text that is nowhere in the article: it cannot be placed and is left out.
    { ...highlight('ann_orphan001', accords.id, RTL_TEXT, 'in 1978'), target: { quote: { exact: 'a passage since deleted', prefix: '', suffix: '' }, position: { start: 3, end: 26 } } },
  ];
  const claim: Claim = claimSchema.parse({
    id: 'clm_alliance01',
    statement: 'Alliances anchor deterrence in both regions.',
    tags: ['security'],
    evidence: [
      { annotationId: 'ann_alliances1', articleId: pacific.id },
      { annotationId: 'ann_arabic001', articleId: accords.id },
    ],
    createdAt: CREATED,
    updatedAt: UPDATED,
  });
  const note: Note = noteSchema.parse({
    id: 'note_reading01',
    title: 'Reading notes & <questions>',
    body: '# Open questions\n\n- Is **2+2** durable?\n- See [CSIS](https://csis.org).\n\n> Alliances are tools.',
    tags: ['method/reading'],
    links: [
      { target: { claimId: 'clm_alliance01' }, relation: 'supports' },
      { target: { annotationId: 'ann_vague0001' }, relation: 'questions' },
    ],
    createdAt: CREATED,
    updatedAt: UPDATED,
  });
  return {
    notebookName: 'Alliance research',
    exportedAt: '2024-04-05T06:07:08.000Z',
    legend: { ...DEFAULT_LEGEND, blue: 'Evidence' },
    articles: [
      { article: pacific, annotations: pacificHighlights, text: EMOJI_TEXT },
      { article: accords, annotations: accordsHighlights, text: RTL_TEXT },
    ],
    claims: [claim],
    notes: [note],
  };
}
