/**
 * What each exported W3C annotation says: the passage as target, comment and tags as bodies,
 * the rest in Marginalia's documented terms; and ids and addresses that stay URIs whatever
 * the notebook holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimReport, sampleHighlights, sourceReport } from './test-support/sample-report';
import { annotationOf, awkwardReport, items, OPTS } from './test-support/w3c-fixtures';
import { reportToW3c } from './w3c-annotations';
import marginaliaContext from './w3c-marginalia-context.json';

describe('an annotation per highlight, by source', () => {
  const collection = reportToW3c(sourceReport, OPTS);
  const power = annotationOf(collection, 'ann_power');

  it('is there for every highlight of every source, in the report’s order', () => {
    expect(items(collection).map((item) => item.id)).toEqual(['ann_power', 'ann_asym', 'ann_entrap', 'ann_lost'].map((id) => `urn:marginalia:annotation:${id}`));
  });

  it('targets the passage by quote and by offsets, in the article’s URL or a Marginalia URN when it has none', () => {
    expect(power.target).toEqual({
      type: 'SpecificResource',
      source: 'https://example.org/power',
      selector: [
        { type: 'TextQuoteSelector', exact: 'Interdependence, most simply defined, means mutual dependence.' },
        { type: 'TextPositionSelector', start: 120, end: 182 },
      ],
    });
    expect(annotationOf(collection, 'ann_entrap').target.source).toBe('urn:marginalia:article:art_primer');
  });

  it('is a highlighting whose comment is a Markdown body for commenting and whose tags are bodies for tagging', () => {
    expect(power.motivation).toBe('highlighting');
    expect(power.body).toEqual([
      { type: 'TextualBody', value: sampleHighlights.power.comment, format: 'text/markdown', purpose: 'commenting' },
      { type: 'TextualBody', value: 'theory/liberalism', purpose: 'tagging' },
      { type: 'TextualBody', value: 'alliance', purpose: 'tagging' },
    ]);
  });

  it('has no body when the highlight has neither comment nor tags', () => {
    expect('body' in annotationOf(collection, 'ann_entrap')).toBe(false);
  });

  it('is dated, and names the software and the time of the export', () => {
    expect(power).toMatchObject({
      created: '2026-11-30T09:00:00.000Z',
      modified: '2026-11-30T09:00:00.000Z',
      generated: sourceReport.generatedAt,
      generator: { id: 'https://marginalia.app/', type: 'Software', name: 'Marginalia', homepage: 'https://marginalia.app/' },
    });
  });

  it('keeps the source’s title, the paragraph, the colour, the claims and the citing notes in Marginalia terms', () => {
    expect(power).toMatchObject({
      'marginalia:sourceTitle': 'Power and Interdependence',
      'marginalia:paragraph': 3,
      'marginalia:color': 'green',
      'marginalia:colorMeaning': 'Evidence',
      'marginalia:claims': [{ id: 'urn:marginalia:claim:clm_mutual', type: 'marginalia:Claim', 'marginalia:statement': 'Interdependence is mutual, not one-sided.' }],
      'marginalia:citedBy': [
        { id: 'urn:marginalia:note:note_support', type: 'marginalia:Note', 'marginalia:title': 'Why interdependence matters', 'marginalia:relation': 'supports' },
        { id: 'urn:marginalia:note:note_doubt', type: 'marginalia:Note', 'marginalia:title': 'Sceptical reading', 'marginalia:relation': 'contradicts' },
      ],
    });
    expect('marginalia:claims' in annotationOf(collection, 'ann_asym')).toBe(false);
  });

  it('flags a passage that needs review, and gives it no paragraph', () => {
    const lost = annotationOf(collection, 'ann_lost');
    expect(lost['marginalia:needsReview']).toBe(true);
    expect('marginalia:paragraph' in lost).toBe(false);
    expect('marginalia:needsReview' in power).toBe(false);
  });
});

describe('an annotation per evidence passage, by claim', () => {
  it('is there once for each passage', () => {
    expect(items(reportToW3c(claimReport, OPTS)).map((item) => item.id)).toEqual(['urn:marginalia:annotation:ann_power', 'urn:marginalia:annotation:ann_entrap']);
  });

  it('is there once for a passage that is evidence for two claims', () => {
    const second = { ...claimReport.claims[0]!, id: 'clm_costly', statement: 'Commitments are costly.', evidence: [sampleHighlights.entrapment] };
    const collection = reportToW3c({ ...claimReport, claims: [...claimReport.claims, second] }, OPTS);
    expect(items(collection).map((item) => item.id)).toEqual(['urn:marginalia:annotation:ann_power', 'urn:marginalia:annotation:ann_entrap']);
    expect(collection.total).toBe(2);
  });
});

describe('awkward input', () => {
  const collection = reportToW3c(awkwardReport(), OPTS);

  it('still gives URIs: ids percent-encoded, a punycode host, a URN for a URL that does not parse', () => {
    expect(collection.id).toBe('urn:marginalia:export:source:Whole%20notebook%3A%20%E2%80%9Call%E2%80%9D:2026-11-30T09:00:00.000Z');
    expect(items(collection).map((item) => [item.id, item.target.source])).toEqual([
      ['urn:marginalia:annotation:ann%20odd%2Fone%3A1', 'https://xn--e1afmkfd.xn--p1ai/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F?q=%C3%BC'],
      ['urn:marginalia:annotation:ann_unparsable', 'urn:marginalia:article:art_bad_url'],
    ]);
  });

  it('treats a comment of blanks as no comment', () => {
    expect(items(collection)[0]?.body?.map((body) => body.purpose)).toEqual(['tagging', 'tagging']);
  });
});

/** Every `marginalia:` key and type the output uses, wherever it is nested. */
function marginaliaTermsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) marginaliaTermsIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '@context') continue;
      if (key.startsWith('marginalia:')) found.add(key);
      if (key === 'type' && typeof inner === 'string' && inner.startsWith('marginalia:')) found.add(inner);
      marginaliaTermsIn(inner, found);
    }
  }
  return found;
}

describe('Marginalia’s terms', () => {
  const used = marginaliaTermsIn([reportToW3c(sourceReport, OPTS), reportToW3c(claimReport, OPTS)]);
  const context: Record<string, unknown> = marginaliaContext['@context'];
  const declared = Object.keys(context).filter((term) => term.startsWith('marginalia:'));
  const header = readFileSync(join(import.meta.dirname, 'w3c-annotations.ts'), 'utf8').split('*/')[0] ?? '';

  it('are each declared in the context, and the context declares no term the export does not use', () => {
    expect([...used].sort()).toEqual([...declared].sort());
  });

  it('expand into Marginalia’s namespace', () => {
    expect(context.marginalia).toBe('https://marginalia.app/ns/anno#');
    for (const term of declared) expect(context[term], term).toMatchObject({ '@id': `https://marginalia.app/ns/anno#${term.slice('marginalia:'.length)}` });
  });

  it('are each documented at the top of w3c-annotations.ts', () => {
    for (const term of declared) expect(header, term).toContain(`\`${term}\``);
  });
});
