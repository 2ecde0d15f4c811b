/**
 * A fixed report for the format renderers' tests: two sources (one with full metadata, one
 * with neither author nor date), highlights with comments, tags, a claim, citing notes of each
 * relation, one passage that needs review, and text that trips up each format (Markdown
 * syntax, HTML, a formula-like CSV cell, quotes and line breaks, non-Latin letters).
 */
import type { Report, ReportClaim, ReportHighlight, ReportSource } from '../report';

const STAMP = '2026-11-30T09:00:00.000Z';

const apa = {
  citation: {
    inText: '(Keohane & Nye, 1977)',
    text: 'Keohane, R. O., & Nye, J. S. (1977). Power and interdependence: World politics in transition. Little, Brown. https://example.org/power',
    html: 'Keohane, R. O., &amp; Nye, J. S. (1977). <i>Power and interdependence: World politics in transition</i>. Little, Brown. https://example.org/power',
  },
  anonymous: {
    inText: '(<i>Alliances &amp; “entrapment”</i>, n.d.)',
    text: 'Alliances & “entrapment”: a primer. (n.d.). Field Notes.',
    html: '<i>Alliances &amp; “entrapment”: a primer</i>. (n.d.). Field Notes.',
  },
};

function highlight(over: Partial<ReportHighlight> & Pick<ReportHighlight, 'id' | 'articleId' | 'quote'>): ReportHighlight {
  return {
    color: 'yellow',
    colorMeaning: 'Key point',
    tags: [],
    comment: '',
    paragraph: 1,
    // What citeproc writes: the source's in-text citation (HTML) with the paragraph pinpoint.
    citation: over.articleId === 'art_power' ? `(Keohane & Nye, 1977, para. ${over.paragraph ?? 1})` : `(<i>Alliances &amp; “entrapment”</i>, n.d., para. ${over.paragraph ?? 1})`,
    start: 0,
    end: over.quote.length,
    needsReview: false,
    claims: [],
    notes: [],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...over,
  };
}

export const sampleHighlights = {
  power: highlight({
    id: 'ann_power',
    articleId: 'art_power',
    quote: 'Interdependence, most simply defined, means mutual dependence.',
    color: 'green',
    colorMeaning: 'Evidence',
    tags: ['theory/liberalism', 'alliance'],
    comment: 'The *core* definition; compare with [Waltz](https://example.org/waltz).\n\nSecond paragraph of the comment.',
    paragraph: 3,
    start: 120,
    end: 182,
    claims: [{ id: 'clm_mutual', statement: 'Interdependence is mutual, not one-sided.' }],
    notes: [
      { id: 'note_support', title: 'Why interdependence matters', relation: 'supports' },
      { id: 'note_doubt', title: 'Sceptical reading', relation: 'contradicts' },
    ],
  }),
  asymmetry: highlight({
    id: 'ann_asym',
    articleId: 'art_power',
    quote: '=Asymmetries in dependence are most likely to provide sources of influence',
    color: 'pink',
    colorMeaning: 'Disputed',
    tags: ['alliance'],
    comment: '-1 point for "vagueness", <b>not</b> HTML',
    paragraph: 7,
    start: 900,
    end: 974,
    notes: [{ id: 'note_question', title: 'Which asymmetries?', relation: 'questions' }],
  }),
  entrapment: highlight({
    id: 'ann_entrap',
    articleId: 'art_primer',
    quote: 'Entrapment — being dragged into a partner’s war — is the price of a firm commitment.\nКонец.',
    color: 'blue',
    colorMeaning: 'Definition',
    tags: [],
    comment: '',
    paragraph: 2,
    start: 40,
    end: 129,
    claims: [{ id: 'clm_mutual', statement: 'Interdependence is mutual, not one-sided.' }],
    notes: [{ id: 'note_context', title: 'Background on alliances', relation: 'context' }],
  }),
  lost: highlight({
    id: 'ann_lost',
    articleId: 'art_primer',
    quote: 'A sentence that was edited away.',
    color: 'purple',
    colorMeaning: 'Question',
    paragraph: null,
    citation: '(<i>Alliances &amp; “entrapment”</i>, n.d.)',
    start: 500,
    end: 532,
    needsReview: true,
  }),
};

export const sampleSources: ReportSource[] = [
  {
    id: 'art_power',
    title: 'Power and Interdependence',
    byline: 'Robert O. Keohane, Joseph S. Nye',
    siteName: 'Little, Brown',
    url: 'https://example.org/power',
    publishedAt: '1977-01-01',
    tags: ['alliance'],
    citation: apa.citation,
    highlights: [sampleHighlights.power, sampleHighlights.asymmetry],
  },
  {
    id: 'art_primer',
    title: 'Alliances & “entrapment”: a primer',
    siteName: 'Field Notes',
    tags: [],
    citation: apa.anonymous,
    highlights: [sampleHighlights.entrapment, sampleHighlights.lost],
  },
];

export const sampleClaims: ReportClaim[] = [
  {
    id: 'clm_mutual',
    statement: 'Interdependence is mutual, not one-sided.',
    tags: ['alliance', 'theory/liberalism'],
    tally: { supports: 1, contradicts: 1, questions: 0 },
    evidence: [sampleHighlights.power, sampleHighlights.entrapment],
    notes: [
      { relation: 'supports', notes: [{ id: 'note_support', title: 'Why interdependence matters', body: 'Because **both** sides lose.' }] },
      { relation: 'contradicts', notes: [{ id: 'note_doubt', title: 'Sceptical reading', body: 'Dependence is rarely symmetric.\n\n> A quoted line.' }] },
    ],
    createdAt: STAMP,
    updatedAt: STAMP,
  },
];

const base = {
  style: 'apa' as const,
  options: { comments: true, notes: true, needsReview: true },
  generatedAt: STAMP,
  bibliography: [apa.anonymous, apa.citation],
};

/** By source: both articles and their highlights. */
export const sourceReport: Report = { ...base, scopeLabel: 'alliance', shape: 'source', sources: sampleSources, claims: [] };

/** By claim: the one claim, its two sources. */
export const claimReport: Report = { ...base, scopeLabel: 'alliance', shape: 'claim', sources: sampleSources, claims: sampleClaims };
