/**
 * Placing read annotations on the notebook's articles: matching their pages to articles, and
 * anchoring their passages in the seed article's real prose, as published and as edited since.
 */
import { describe, expect, it } from 'vitest';
import type { IncomingAnnotation } from '../exchange-types';
import { urlMatchKey } from './normalise-url';
import { placeAnnotations } from './place-annotations';
import { readHypothesisExport } from './read-hypothesis';
import { readW3cAnnotations } from './read-w3c';
import { GOLDEN_W3C, HYPOTHESIS_EXPORT, readJson, seedText } from './test-support/paths';

describe('urlMatchKey', () => {
  it.each([
    ['https://example.org/a', 'http://example.org/a'],
    ['HTTPS://Example.ORG/a', 'https://example.org/a'],
    ['https://www.example.org/a', 'https://example.org/a'],
    ['https://example.org/a/', 'https://example.org/a'],
    ['https://example.org/', 'https://example.org'],
    ['https://example.org/a#section-2', 'https://example.org/a'],
    ['https://example.org/a?utm_source=feed&utm_medium=rss', 'https://example.org/a'],
    ['https://example.org/a?id=7&UTM_Campaign=x', 'https://example.org/a?id=7'],
    ['https://example.org:443/a', 'http://example.org:80/a'],
    ['  https://example.org/a  ', 'https://example.org/a'],
    ['https://example.org/caf%C3%A9', 'https://example.org/café'],
  ])('%s is the same page as %s', (a, b) => {
    expect(urlMatchKey(a)).toBe(urlMatchKey(b));
  });

  it.each([
    ['https://example.org/a', 'https://example.org/b'],
    ['https://example.org/A', 'https://example.org/a'],
    ['https://example.org/a?page=2', 'https://example.org/a?page=3'],
    ['https://example.org/a', 'https://example.org:8080/a'],
    ['https://blog.example.org/a', 'https://example.org/a'],
    ['urn:x-pdf:abc', 'urn:x-pdf:abd'],
  ])('%s is not the same page as %s', (a, b) => {
    expect(urlMatchKey(a)).not.toBe(urlMatchKey(b));
  });
});

const seed = seedText();

describe.skipIf(seed === undefined)('placing on the seed article', () => {
  const text = seed ?? '';
  const article = { id: 'art_1', text };

  it('puts our own export back on its article, with context from our text, and lists the page we do not hold', () => {
    const { annotations } = readW3cAnnotations(readJson(GOLDEN_W3C));
    const { placed, unmatched, unplaceable } = placeAnnotations(annotations, [article]);
    expect(placed.map((p) => [p.incoming.externalId, p.articleId, p.anchored])).toEqual([
      ['urn:marginalia:annotation:ann_4', 'art_1', true],
      ['urn:marginalia:annotation:ann_5', 'art_1', true],
    ]);
    expect(placed[0]?.target).toEqual({
      quote: { exact: 'upgrading the command and control of U.S. forces', prefix: 'r their military cooperation by ', suffix: ' in the East Asian country and s' },
      position: { start: 114, end: 162 },
    });
    expect(unmatched).toEqual([{ source: 'https://example.org/alliances', title: 'Alliances and entrapment: a primer', count: 3 }]);
    expect(unplaceable).toEqual([]);
  });

  it('places a Hypothesis export by its page address, finding the passages its offsets miss', () => {
    const { annotations } = readHypothesisExport(readJson(HYPOTHESIS_EXPORT));
    const pdfText = `${'Joint statement. '.repeat(59)}The two governments will co-produce AMRAAM and PAC-3 MSE missiles in Japan.`;
    const articles = [
      { ...article, url: 'http://example-news.org/world/2024/07/28/japan-us-2plus2' },
      { id: 'art_pdf', url: 'https://example.gov/documents/2024-07-28-joint-statement.pdf', text: pdfText },
    ];
    const { placed, unmatched, unplaceable } = placeAnnotations(annotations, articles);
    const exact = 'represents the greatest strategic challenge in the Indo-Pacific region and beyond';
    expect(placed.map((p) => [p.articleId, p.anchored, p.target.quote.exact])).toEqual([
      ['art_1', true, 'upgrading the command and control of U.S. forces'],
      ['art_1', true, exact],
      ['art_pdf', true, pdfText.slice(1004, 1062)],
    ]);
    expect(placed[1]?.target.position).toEqual({ start: text.indexOf(exact), end: text.indexOf(exact) + exact.length });
    expect(unmatched).toEqual([{ source: 'https://en.example-encyclopedia.org/wiki/Yokota_Air_Base', title: 'Yokota Air Base', count: 1 }]);
    expect(unplaceable).toEqual([]);
  });

  const quoted = (exact: string, position?: { start: number; end: number }): IncomingAnnotation => {
    const start = text.indexOf(exact);
    return {
      externalId: `q:${exact}`,
      sources: ['urn:marginalia:article:art_1'],
      quote: { exact, prefix: text.slice(start - 32, start), suffix: text.slice(start + exact.length, start + exact.length + 32) },
      position: position ?? { start, end: start + exact.length },
      comment: '',
      tags: [],
    };
  };

  it('still anchors a passage after the article was edited above it and inside it', () => {
    const exact = 'the commander for the U.S. Forces Japan headquartered in Yokota';
    const incoming = quoted(exact);
    const edited = `Updated July 29.\n\n${text.replace('headquartered in Yokota', 'headquartered at Yokota')}`;
    const [result] = placeAnnotations([incoming], [{ id: 'art_1', text: edited }]).placed;
    expect(result?.anchored).toBe(true);
    expect(result?.target.quote.exact).toBe('the commander for the U.S. Forces Japan headquartered at Yokota');
    expect(edited.slice(result?.target.position.start, result?.target.position.end)).toBe(result?.target.quote.exact);
  });

  it('keeps the file’s quote, not anchored, when the passage is gone', () => {
    const incoming = quoted('Japan is home to more than 50,000 U.S. troops');
    const paragraphs = text.split('\n\n');
    const without = paragraphs.filter((paragraph) => !paragraph.startsWith('Japan is home')).join('\n\n');
    const { placed } = placeAnnotations([incoming], [{ id: 'art_1', text: without }]);
    expect(placed).toEqual([{ incoming, articleId: 'art_1', target: { quote: incoming.quote, position: incoming.position }, anchored: false }]);
  });

  it('anchors a quote that comes without a position', () => {
    const { position: _position, ...withoutPosition } = quoted('strengthening American-licensed missile production');
    const [result] = placeAnnotations([withoutPosition], [article]).placed;
    expect(result?.anchored).toBe(true);
    expect(result?.target.position.start).toBe(text.indexOf('strengthening American-licensed'));
  });

  it('lists an annotation that names the article but no passage it can have', () => {
    const base = { sources: ['urn:marginalia:article:art_1'], comment: '', tags: [] };
    const { unplaceable, placed } = placeAnnotations(
      [
        { ...base, externalId: 'beyond', position: { start: text.length - 5, end: text.length + 20 } },
        { ...base, externalId: 'nothing' },
      ],
      [article],
    );
    expect(placed).toEqual([]);
    expect(unplaceable.map((u) => [u.incoming.externalId, u.reason])).toEqual([
      ['beyond', `its position (${text.length - 5}–${text.length + 20}) lies beyond the end of the article's text (${text.length} characters), and it has no quote to search for`],
      ['nothing', 'it marks no passage: it has neither a quote nor a position'],
    ]);
  });

  it('treats offsets that are not a range, from any reader, as no position', () => {
    const base = { sources: ['urn:marginalia:article:art_1'], comment: '', tags: [] };
    const exact = 'Secretary of State Antony Blinken';
    const broken = [
      { ...base, externalId: 'negative', position: { start: -3, end: 9 } },
      { ...base, externalId: 'not-a-number', position: { start: Number.NaN, end: 9 } },
      { ...base, externalId: 'backwards', quote: { exact, prefix: '', suffix: '' }, position: { start: 90, end: 10 } },
      { ...base, externalId: 'empty-quote', quote: { exact: '', prefix: '', suffix: '' } },
    ];
    const { placed, unplaceable } = placeAnnotations(broken, [article]);
    expect(placed.map((p) => [p.incoming.externalId, p.anchored, p.target.position.start])).toEqual([['backwards', true, text.indexOf(exact)]]);
    expect(unplaceable.map((u) => u.incoming.externalId)).toEqual(['negative', 'not-a-number', 'empty-quote']);
  });
});

describe('matching sources to articles', () => {
  const incoming = (sources: string[], documentTitle?: string): IncomingAnnotation => ({
    externalId: sources.join(' '),
    sources,
    ...(documentTitle === undefined ? {} : { documentTitle }),
    position: { start: 0, end: 4 },
    comment: '',
    tags: [],
  });
  const articles = [
    { id: 'art_a b', text: 'Some text.' },
    { id: 'art_2', url: 'https://www.example.org/story/?utm_source=x', text: 'Other text.' },
  ];

  it.each([
    [['urn:marginalia:article:art_a%20b'], 'art_a b'],
    [['urn:marginalia:article:art_2'], 'art_2'],
    [['http://example.org/story#comments'], 'art_2'],
    [['https://elsewhere.org/x', 'https://EXAMPLE.org/story'], 'art_2'],
    [['urn:marginalia:article:art_gone', 'https://example.org/story'], 'art_2'],
    [['urn:marginalia:article:%E0%A4%A'], undefined],
  ])('%j → %s', (sources, articleId) => {
    const { placed } = placeAnnotations([incoming(sources)], articles);
    expect(placed[0]?.articleId).toBe(articleId);
  });

  it('groups what it cannot match by page, counting each, with the first title given', () => {
    const { unmatched } = placeAnnotations(
      [incoming(['https://a.org/x']), incoming(['http://www.a.org/x/'], 'Page X'), incoming(['https://b.org/y']), incoming([])],
      articles,
    );
    expect(unmatched).toEqual([
      { source: 'https://a.org/x', title: 'Page X', count: 2 },
      { source: 'https://b.org/y', count: 1 },
      { source: '(no address)', count: 1 },
    ]);
  });
});
