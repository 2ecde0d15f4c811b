import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { reportToMarkdown } from './markdown-report';
import type { Report, ReportSource } from './report';
import { expectGolden } from './test-support/golden';
import { blockText, parseHtml, quotesIn } from './test-support/html-checks';
import { claimReport, sampleClaims, sampleHighlights, sampleSources, sourceReport } from './test-support/sample-report';

/** The report as a Markdown reader would show it: raw HTML stays text, as in most viewers' safe mode. */
function rendered(report: Report): Document {
  return parseHtml(new MarkdownIt({ html: false }).render(reportToMarkdown(report)));
}

const texts = (document: Document, selector: string) => Array.from(document.querySelectorAll(selector)).map((element) => element.textContent?.trim());

/** The paragraph right after the block quote that holds `quote`: its citation line. */
function citationAfter(document: Document, quote: string): string | undefined {
  const blockquote = Array.from(document.querySelectorAll('blockquote')).find((element) => blockText(element) === quote);
  return blockquote?.nextElementSibling?.textContent ?? undefined;
}

describe('reportToMarkdown, by source', () => {
  const document = rendered(sourceReport);

  it('titles the report and says how it is arranged, in which style, and when', () => {
    expect(texts(document, 'h1')).toEqual(['Annotated report: alliance']);
    expect(document.querySelector('h1 + p')?.textContent).toBe('By source · APA 7th · 2026-11-30');
  });

  it('gives each source a heading, in order, and ends with the bibliography', () => {
    expect(texts(document, 'h2')).toEqual(['Power and Interdependence', 'Alliances & “entrapment”: a primer', 'Bibliography']);
    expect(document.querySelector('h2')?.nextElementSibling?.textContent).toBe(sourceReport.sources[0]!.citation.text);
  });

  it('quotes every passage exactly, in a block quote, line breaks and all', () => {
    expect(quotesIn(document)).toEqual([sampleHighlights.power.quote, sampleHighlights.asymmetry.quote, sampleHighlights.entrapment.quote, sampleHighlights.lost.quote]);
  });

  it('follows each quote with its in-text citation, pinpointed to the paragraph', () => {
    expect(citationAfter(document, sampleHighlights.power.quote)).toBe('— (Keohane & Nye, 1977, para. 3)');
    expect(citationAfter(document, sampleHighlights.asymmetry.quote)).toBe('— (Keohane & Nye, 1977, para. 7)');
    expect(citationAfter(document, sampleHighlights.entrapment.quote)).toBe('— (Alliances & “entrapment”, n.d., para. 2)');
    const italic = Array.from(document.querySelectorAll('blockquote + p em')).map((em) => em.textContent);
    expect(italic).toContain('Alliances & “entrapment”');
  });

  it('marks a passage that needs review, and gives it no pinpoint', () => {
    const warning = Array.from(document.querySelectorAll('p')).find((p) => p.querySelector('strong')?.textContent === 'Needs review:');
    expect(warning?.textContent).toBe("Needs review: this passage was not found in the article's current text.");
    expect(warning?.nextElementSibling && blockText(warning.nextElementSibling)).toBe(sampleHighlights.lost.quote);
    expect(citationAfter(document, sampleHighlights.lost.quote)).toBe('— (Alliances & “entrapment”, n.d.)');
  });

  it("lists each passage's colour and meaning, tags, claims and citing notes", () => {
    const details = document.querySelector('blockquote + p + ul')?.textContent ?? '';
    expect(details).toContain('Green — Evidence');
    expect(details).toContain('#theory/liberalism');
    expect(details).toContain('Claim: Interdependence is mutual, not one-sided.');
    expect(details).toContain('Cited by note “Why interdependence matters” (supports)');
    expect(details).toContain('Cited by note “Sceptical reading” (contradicts)');
    expect(texts(document, 'ul code')).toContain('#alliance');
  });

  it('renders comments as Markdown, but never their HTML', () => {
    expect(document.querySelector('li em')?.textContent).toBe('core');
    expect(document.querySelector('li a')?.getAttribute('href')).toBe('https://example.org/waltz');
    expect(document.querySelector('b')).toBeNull();
    expect(document.body.textContent).toContain('-1 point for "vagueness", <b>not</b> HTML');
  });

  it('lists every bibliography entry as its text', () => {
    expect(texts(document, 'h2:last-of-type + ul > li')).toEqual(sourceReport.bibliography.map((entry) => entry.text));
  });

  it('matches golden/source-report.md', () => {
    expectGolden('source-report.md', reportToMarkdown(sourceReport));
  });
});

describe('reportToMarkdown, by claim', () => {
  const document = rendered(claimReport);

  it('heads each claim with its statement, tags and tally, then evidence and notes', () => {
    expect(texts(document, 'h2')).toEqual(['Interdependence is mutual, not one-sided.', 'Bibliography']);
    expect(texts(document, 'h3')).toEqual(['Evidence', 'Notes']);
    expect(texts(document, 'h4')).toEqual(['Supports', 'Contradicts']);
    expect(document.body.textContent).toContain('Supports 1 · Contradicts 1 · Questions 0');
    expect(texts(document, 'h2 + p code')).toEqual(['#alliance', '#theory/liberalism']);
  });

  it('quotes each evidence passage with its pinpointed citation', () => {
    expect(quotesIn(document).slice(0, 2)).toEqual([sampleHighlights.power.quote, sampleHighlights.entrapment.quote]);
    expect(citationAfter(document, sampleHighlights.entrapment.quote)).toBe('— (Alliances & “entrapment”, n.d., para. 2)');
  });

  it('gives each note its title and its body, rendered as Markdown', () => {
    expect(texts(document, 'h4 + ul > li > p:first-child > strong')).toEqual(['Why interdependence matters', 'Sceptical reading']);
    expect(texts(document, 'li strong')).toContain('both');
    expect(texts(document, 'li blockquote')).toEqual(['A quoted line.']);
  });

  it('matches golden/claim-report.md', () => {
    expectGolden('claim-report.md', reportToMarkdown(claimReport));
  });
});

describe('reportToMarkdown, options', () => {
  it('leaves out comments and notes, and their headings, when the report does', () => {
    const options = { comments: false, notes: false, needsReview: true };
    const bySource = reportToMarkdown({ ...sourceReport, options });
    expect(bySource).not.toContain('Comment:');
    expect(bySource).not.toContain('Cited by note');
    const byClaim = reportToMarkdown({ ...claimReport, options });
    expect(byClaim).not.toContain('### Notes');
    expect(byClaim).not.toContain('Supports 1');
  });

  it('leaves out passages that need review when the report does', () => {
    const markdown = reportToMarkdown({ ...sourceReport, options: { ...sourceReport.options, needsReview: false } });
    expect(markdown).not.toContain('Needs review');
    expect(markdown).not.toContain(sampleHighlights.lost.quote);
  });
});

describe('reportToMarkdown, comments', () => {
  it('keeps a comment inside its item, even one whose code block never closes', () => {
    const source: ReportSource = { ...sampleSources[0]!, highlights: [{ ...sampleHighlights.power, comment: '# A heading\n\n```\nunclosed code' }] };
    const document = rendered({ ...sourceReport, sources: [source] });
    const items = Array.from(document.querySelectorAll('blockquote + p + ul > li'));
    expect(items.map((item) => item.querySelector('p')?.textContent)).toEqual([
      'Green — Evidence',
      'Tags: #theory/liberalism #alliance',
      'Claim: Interdependence is mutual, not one-sided.',
      'Comment:',
      'Cited by note “Why interdependence matters” (supports)',
      'Cited by note “Sceptical reading” (contradicts)',
    ]);
    expect(items[3]?.querySelector('h1')?.textContent).toBe('A heading');
    expect(items[3]?.querySelector('pre')?.textContent).toBe('unclosed code\n');
  });
});

describe('reportToMarkdown, escaping', () => {
  const hostile = [
    'Alliances & “entrapment”: a primer',
    '# Not a heading',
    'Title with a closing #',
    '1977. A year, not a list',
    '- not a list',
    '+ nor this',
    '> not a quote',
    '===',
    '---',
    '*stars* and _underscores_ and **bold**',
    '[a link](https://example.org) and ![an image](x.png)',
    '<b>tags</b> and <https://example.org>',
    '&amp; stays &amp;, &#38; too',
    'a | b | c',
    '`code` and ``more``',
    'back\\slash\\',
    '~~struck~~',
    '{braces} (parens).',
  ];

  it.each(hostile)('a title or a quote reads exactly %j', (text) => {
    const source: ReportSource = { ...sampleSources[0]!, title: text, highlights: [{ ...sampleHighlights.power, quote: `${text}\n${text}`, colorMeaning: text, tags: [] }] };
    const document = rendered({ ...sourceReport, sources: [source], bibliography: [] });
    const heading = document.querySelector('h2');
    expect(heading?.textContent).toBe(text);
    expect(heading?.children).toHaveLength(0);
    expect(quotesIn(document)).toEqual([`${text}\n${text}`]);
    expect(document.querySelector('blockquote + p + ul > li')?.textContent?.trim()).toBe(`Green — ${text}`);
  });

  it.each(hostile)('a claim and a note title read exactly %j', (text) => {
    const claim = { ...sampleClaims[0]!, statement: text, notes: [{ relation: 'supports' as const, notes: [{ id: 'note_x', title: text, body: '' }] }] };
    const document = rendered({ ...claimReport, claims: [claim] });
    expect(document.querySelector('h2')?.textContent).toBe(text);
    expect(document.querySelector('h4 + ul > li')?.textContent?.trim()).toBe(text);
  });

  it('keeps a tag with backticks whole, in one code span', () => {
    const source: ReportSource = { ...sampleSources[0]!, highlights: [{ ...sampleHighlights.power, tags: ['odd`tag', '`edge'] }] };
    const document = rendered({ ...sourceReport, sources: [source] });
    expect(texts(document, 'li code')).toEqual(['#odd`tag', '#`edge']);
  });
});
