import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { PAGE, TINTS, type Theme } from './html-report-palette';
import { reportToHtml } from './html-report';
import { reportToMarkdown } from './markdown-report';
import type { Report, ReportSource } from './report';
import { expectGolden } from './test-support/golden';
import { parseHtml, quotesIn } from './test-support/html-checks';
import { claimReport, sampleClaims, sampleHighlights, sampleSources, sourceReport } from './test-support/sample-report';

const texts = (document: Document, selector: string) => Array.from(document.querySelectorAll(selector)).map((element) => element.textContent?.trim());

/** Everything in the file that could run or fetch: it must stay inert wherever it is opened. */
function activeContent(document: Document): string[] {
  const found: string[] = [];
  for (const element of Array.from(document.querySelectorAll('*'))) {
    if (/^(script|link|iframe|frame|object|embed|img|picture|video|audio|source|svg|base|form)$/.test(element.localName)) found.push(`<${element.localName}>`);
    for (const { name, value } of Array.from(element.attributes)) {
      if (/^on/i.test(name) || /^(src|srcset|style|action|background|poster)$/i.test(name)) found.push(`${element.localName}[${name}]`);
      if (/^\s*(javascript|data|file|vbscript):/i.test(value)) found.push(`${element.localName}[${name}=${value}]`);
    }
  }
  const css = Array.from(document.querySelectorAll('style')).map((style) => style.textContent ?? '').join('\n');
  for (const [url] of css.matchAll(/url\(\s*(?!["']?data:)[^)]*\)|@import/gi)) found.push(`css ${url}`);
  return found;
}

describe('reportToHtml, by source', () => {
  const html = reportToHtml(sourceReport);
  const document = parseHtml(html);

  it('is one HTML5 file that declares its encoding, forbids every request, and has a title', () => {
    expect(html.startsWith('<!doctype html>\n')).toBe(true);
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(document.title).toBe('Annotated report: alliance');
  });

  it('holds no script, no link, nothing with a source and no URL in its style sheet', () => {
    expect(activeContent(document)).toEqual([]);
    expect(document.querySelectorAll('style')).toHaveLength(1);
    expect(document.querySelector('style')?.textContent).toContain('@media print');
  });

  it('heads the report and each source, and ends with the bibliography', () => {
    expect(texts(document, 'h1')).toEqual(['Annotated report: alliance']);
    expect(texts(document, '.meta')).toEqual(['By source · APA 7th · 2026-11-30']);
    expect(texts(document, 'h2')).toEqual(['Power and Interdependence', 'Alliances & “entrapment”: a primer', 'Bibliography']);
    expect(document.querySelector('h2 a')?.getAttribute('href')).toBe('https://example.org/power');
  });

  it('quotes every passage exactly, in a block quote, each followed by its pinpointed citation', () => {
    expect(quotesIn(document)).toEqual([sampleHighlights.power.quote, sampleHighlights.asymmetry.quote, sampleHighlights.entrapment.quote, sampleHighlights.lost.quote]);
    expect(texts(document, 'blockquote + .cite')).toEqual([
      '— (Keohane & Nye, 1977, para. 3)',
      '— (Keohane & Nye, 1977, para. 7)',
      '— (Alliances & “entrapment”, n.d., para. 2)',
      '— (Alliances & “entrapment”, n.d.)',
    ]);
    expect(document.querySelectorAll('.cite i')).toHaveLength(2);
  });

  it('escapes what the user wrote: an ampersand is text, a comment’s <b> is not an element', () => {
    expect(html).toContain('<h2>Alliances &amp; “entrapment”: a primer</h2>');
    expect(document.querySelector('b')).toBeNull();
    expect(texts(document, '.md p')).toContain('-1 point for "vagueness", <b>not</b> HTML');
  });

  it('marks the passage that needs review, in words and not by colour alone', () => {
    const passage = document.querySelector('.needs-review');
    expect(passage?.querySelector('.review')?.textContent).toBe("Needs review: this passage was not found in the article's current text.");
    expect(passage?.querySelector('blockquote')?.textContent).toBe(sampleHighlights.lost.quote);
    expect(document.querySelectorAll('.needs-review')).toHaveLength(1);
  });

  it("lists each passage's colour and meaning, tags, claims, comment and citing notes", () => {
    const details = texts(document, '.details')[0] ?? '';
    for (const words of ['Green — Evidence', 'Tags: #theory/liberalism #alliance', 'Claim: Interdependence is mutual, not one-sided.', 'Cited by note “Sceptical reading” (contradicts)']) expect(details).toContain(words);
    expect(document.querySelector('.tint-green blockquote')).not.toBeNull();
    expect(document.querySelector('.md em')?.textContent).toBe('core');
    expect(document.querySelector('.md a')?.getAttribute('href')).toBe('https://example.org/waltz');
  });

  it("lists the bibliography as citeproc's HTML", () => {
    expect(Array.from(document.querySelectorAll('.entries > li')).map((li) => li.innerHTML)).toEqual(sourceReport.bibliography.map((entry) => entry.html));
  });

  it('matches golden/source-report.html', () => {
    expectGolden('source-report.html', html);
  });
});

describe('reportToHtml, by claim', () => {
  const document = parseHtml(reportToHtml(claimReport));

  it('heads the claim, its evidence and its notes by relation', () => {
    expect(texts(document, 'h2')).toEqual(['Interdependence is mutual, not one-sided.', 'Bibliography']);
    expect(texts(document, 'h3')).toEqual(['Evidence', 'Notes']);
    expect(texts(document, 'h4')).toEqual(['Supports', 'Contradicts']);
    expect(texts(document, '.tally')).toEqual(['Supports 1 · Contradicts 1 · Questions 0']);
    expect(texts(document, '.claim > .tags .tag')).toEqual(['#alliance', '#theory/liberalism']);
  });

  it('quotes the evidence and renders each note body as Markdown under its title', () => {
    expect(quotesIn(document).slice(0, 2)).toEqual([sampleHighlights.power.quote, sampleHighlights.entrapment.quote]);
    expect(texts(document, '.note-title')).toEqual(['Why interdependence matters', 'Sceptical reading']);
    expect(texts(document, '.notes .md strong')).toEqual(['both']);
    expect(texts(document, '.notes .md blockquote')).toEqual(['A quoted line.']);
  });

  it('matches golden/claim-report.html', () => {
    expectGolden('claim-report.html', reportToHtml(claimReport));
  });
});

describe('reportToHtml and reportToMarkdown', () => {
  it.each([
    ['by source', sourceReport],
    ['by claim', claimReport],
  ])('say the same things in the same order, %s', (_shape, report) => {
    const html = parseHtml(reportToHtml(report));
    const markdown = parseHtml(new MarkdownIt({ html: false }).render(reportToMarkdown(report)));
    expect(texts(html, 'h1, h2, h3, h4')).toEqual(texts(markdown, 'h1, h2, h3, h4'));
    expect(quotesIn(html)).toEqual(quotesIn(markdown));
    expect(texts(html, 'blockquote + .cite')).toEqual(texts(markdown, 'blockquote + p').filter((line) => line?.startsWith('—')));
  });
});

describe('reportToHtml, what the user wrote', () => {
  const withComment = (comment: string, title = sampleSources[0]!.title, url?: string): Document => {
    const source: ReportSource = { ...sampleSources[0]!, title, url, highlights: [{ ...sampleHighlights.power, comment }] };
    return parseHtml(reportToHtml({ ...sourceReport, sources: [source] }));
  };

  it('keeps only http, https and mailto links in comments, and never makes an image', () => {
    const document = withComment('[a](javascript:alert(1)) [b](file:///etc/passwd) [c](data:text/html,x) ![d](https://example.org/d.png) [e](https://example.org/e) <mailto:f@example.org> <img src=x onerror=alert(1)>');
    expect(activeContent(document)).toEqual([]);
    expect(Array.from(document.querySelectorAll('.md a')).map((a) => a.getAttribute('href'))).toEqual(['https://example.org/d.png', 'https://example.org/e', 'mailto:f@example.org']);
    expect(document.querySelector('.md a')?.getAttribute('rel')).toBe('noreferrer noopener');
    expect(document.querySelector('.md')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it("puts a comment's headings below the report's own", () => {
    const document = withComment('# Big\n\n### Smaller');
    expect(texts(document, '.md h5, .md h6')).toEqual(['Big', 'Smaller']);
    expect(document.querySelector('.md h1, .md h2, .md h3, .md h4')).toBeNull();
  });

  it('does not link a title to an address that is not http(s)', () => {
    expect(withComment('', 'Title', 'javascript:alert(1)').querySelector('h2 a')).toBeNull();
  });

  it.each(['<script>alert(1)</script>', '"quoted" & \'single\'', '</h2><h1>forged', '&amp; stays &amp;'])('shows a title and a quote exactly as written: %j', (text) => {
    const source: ReportSource = { ...sampleSources[0]!, title: text, highlights: [{ ...sampleHighlights.power, quote: text, colorMeaning: text, tags: [text] }] };
    const document = parseHtml(reportToHtml({ ...sourceReport, sources: [source] }));
    expect(document.querySelector('h2')?.textContent).toBe(text);
    expect(quotesIn(document)).toEqual([text]);
    expect(document.querySelector('.details li')?.textContent).toBe(`Green — ${text}`);
    expect(document.querySelector('.details .tag')?.textContent).toBe(`#${text}`);
    expect(activeContent(document)).toEqual([]);
    const claim = { ...sampleClaims[0]!, statement: text, notes: [{ relation: 'supports' as const, notes: [{ id: 'note_x', title: text, body: '' }] }] };
    const byClaim = parseHtml(reportToHtml({ ...claimReport, claims: [claim] }));
    expect(byClaim.querySelector('h2')?.textContent).toBe(text);
    expect(byClaim.querySelector('.note-title')?.textContent).toBe(text);
    expect(activeContent(byClaim)).toEqual([]);
  });
});

describe('reportToHtml, options', () => {
  it('leaves out comments, notes and their headings when the report does', () => {
    const options = { comments: false, notes: false, needsReview: false };
    const bySource = parseHtml(reportToHtml({ ...sourceReport, options }));
    expect(bySource.querySelector('.md')).toBeNull();
    expect(bySource.body.textContent).not.toContain('Cited by note');
    expect(bySource.querySelector('.needs-review')).toBeNull();
    const byClaim = parseHtml(reportToHtml({ ...claimReport, options }));
    expect(texts(byClaim, 'h3')).toEqual(['Evidence']);
    expect(byClaim.querySelector('.tally')).toBeNull();
  });

  it('says so when a source has no passage to show', () => {
    const report: Report = { ...sourceReport, sources: [{ ...sampleSources[1]!, highlights: [] }] };
    expect(texts(parseHtml(reportToHtml(report)), '.empty')).toEqual(['No highlights.']);
  });
});

describe('the report palette', () => {
  const themes: Theme[] = ['light', 'dark'];

  it.each(themes)('%s: body and muted text are readable on the page (AA or better)', (theme) => {
    expect(contrast(PAGE[theme].text, PAGE[theme].background)).toBeGreaterThanOrEqual(7);
    for (const color of ['muted', 'link', 'warning'] as const) expect(contrast(PAGE[theme][color], PAGE[theme].background), color).toBeGreaterThanOrEqual(4.5);
  });

  it.each(themes)('%s: every highlight colour stands out from the page and keeps its quote readable', (theme) => {
    for (const [color, tint] of Object.entries(TINTS)) {
      expect(contrast(tint[theme].edge, PAGE[theme].background), `${color} edge`).toBeGreaterThanOrEqual(3);
      expect(contrast(PAGE[theme].text, tint[theme].wash), `${color} wash`).toBeGreaterThanOrEqual(7);
      expect(contrast(PAGE[theme].muted, tint[theme].wash), `${color} wash, muted`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
