/**
 * Citations as the four bundled styles write them, from articles with full metadata, with no
 * author and with no date: real citeproc output, degrading as each style says.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { bibliographyFile, citeArticle, cslItem, namesOf, sortBibliography, type CitableArticle } from './citations';

const full: CitableArticle = {
  id: 'art_full',
  title: 'Power and Interdependence',
  byline: 'Robert O. Keohane and Joseph S. Nye',
  siteName: 'Foreign Affairs',
  url: 'https://example.org/power',
  publishedAt: '1977-03-15',
  createdAt: '2026-11-30T09:00:00.000Z',
};
const noAuthor: CitableArticle = { id: 'art_anon', title: 'Alliances and entrapment: a primer', siteName: 'Field Notes', url: 'https://fieldnotes.example/primer', publishedAt: '2021-05-02', createdAt: '2026-11-30T09:00:00.000Z' };
const noDate: CitableArticle = { id: 'art_nodate', title: 'Hedging in Southeast Asia', byline: 'Jane Doe', siteName: 'Example News', url: 'https://news.example/hedging', createdAt: '2026-11-30T09:00:00.000Z' };

describe('names in a byline', () => {
  it('reads the common ways a byline lists people, and keeps an organisation whole', () => {
    expect(namesOf('By Jane Doe and John Smith')).toEqual([{ family: 'Doe', given: 'Jane' }, { family: 'Smith', given: 'John' }]);
    expect(namesOf('Robert O. Keohane, Joseph S. Nye')).toEqual([{ family: 'Keohane', given: 'Robert O.' }, { family: 'Nye', given: 'Joseph S.' }]);
    expect(namesOf('Doe, Jane; Smith, John')).toEqual([{ family: 'Doe', given: 'Jane' }, { family: 'Smith', given: 'John' }]);
    expect(namesOf('Keohane, Robert O. & Nye, Joseph S.')).toEqual([{ family: 'Keohane', given: 'Robert O.' }, { family: 'Nye', given: 'Joseph S.' }]);
    expect(namesOf('Reuters')).toEqual([{ literal: 'Reuters' }]);
    expect(namesOf('  ')).toEqual([]);
    expect(namesOf(undefined)).toEqual([]);
  });
});

describe('CSL items', () => {
  it('leaves out what an article does not have instead of writing it empty', () => {
    expect(cslItem(noAuthor)).toEqual({
      id: 'art_anon',
      type: 'webpage',
      title: 'Alliances and entrapment: a primer',
      issued: { 'date-parts': [[2021, 5, 2]] },
      'container-title': 'Field Notes',
      URL: 'https://fieldnotes.example/primer',
      accessed: { 'date-parts': [[2026, 11, 30]] },
    });
    expect(cslItem({ id: 'art_pdf', title: 'A report', createdAt: '2026-11-30T09:00:00.000Z' })).toEqual({ id: 'art_pdf', type: 'document', title: 'A report' });
  });
});

describe('APA 7th', () => {
  it('cites an article with full metadata, in text with a paragraph pinpoint and in the bibliography', () => {
    const cite = citeArticle(full, 'apa');
    expect(cite.inText).toBe('(Keohane &#38; Nye, 1977)');
    expect(cite.at(3)).toBe('(Keohane &#38; Nye, 1977, para. 3)');
    expect(cite.text).toBe('Keohane, R. O., & Nye, J. S. (1977, March 15). Power and Interdependence. Foreign Affairs. https://example.org/power');
    expect(cite.html).toContain('<i>Power and Interdependence</i>');
  });

  it('puts the title first when there is no author, and "n.d." when there is no date', () => {
    expect(citeArticle(noAuthor, 'apa').text).toBe('Alliances and entrapment: a primer. (2021, May 2). Field Notes. https://fieldnotes.example/primer');
    const undated = citeArticle(noDate, 'apa');
    expect(undated.inText).toBe('(Doe, n.d.)');
    expect(undated.text).toMatch(/^Doe, J\. \(n\.d\.\)\. Hedging in Southeast Asia\. Example News\./);
    for (const text of [undated.text, undated.inText, citeArticle(noAuthor, 'apa').inText]) expect(text).not.toMatch(/undefined|\(\)|\[\]/);
  });
});

describe('Chicago author-date', () => {
  it('cites full metadata, no author and no date as the style says', () => {
    const cite = citeArticle(full, 'chicago');
    expect(cite.inText).toBe('(Keohane and Nye 1977)');
    expect(cite.at(12)).toBe('(Keohane and Nye 1977, para. 12)');
    expect(cite.text).toBe('Keohane, Robert O., and Joseph S. Nye. 1977. “Power and Interdependence.” Foreign Affairs, March 15. https://example.org/power.');
    expect(citeArticle(noAuthor, 'chicago').text).toMatch(/^Field Notes\. 2021\. “Alliances and Entrapment: A Primer\.”/);
    expect(citeArticle(noDate, 'chicago').text).toMatch(/^Doe, Jane\. n\.d\. “Hedging in Southeast Asia\.”/);
    expect(citeArticle(noDate, 'chicago').inText).toBe('(Doe, n.d.)');
  });
});

describe('MLA and Harvard', () => {
  it('pinpoint with their own labels', () => {
    expect(citeArticle(full, 'mla').at(3)).toBe('(Keohane and Nye, par. 3)');
    expect(citeArticle(full, 'harvard').at(3)).toBe('(Keohane and Nye, 1977, para. 3)');
    expect(citeArticle(noDate, 'harvard').inText).toBe('(Doe, no date)');
  });
});

describe('what citeproc is given', () => {
  it('cannot put markup from a title into the HTML entry: only its own formatting elements', () => {
    const hostile = citeArticle({ ...full, title: '<img src=x onerror=alert(1)> <script>x</script> & <b>bold</b>', byline: '<a href="javascript:x">Doe</a>' }, 'apa');
    const body = new JSDOM(`<body>${hostile.html}</body>`).window.document.body;
    for (const element of body.querySelectorAll('*')) {
      expect(['I', 'B', 'SPAN', 'SUP', 'SUB']).toContain(element.tagName);
      expect([...element.attributes].map((attribute) => attribute.name).filter((name) => name !== 'style')).toEqual([]);
    }
    expect(body.textContent).toContain('<img src=x onerror=alert(1)> <script>x</script> & bold');
  });
});

describe('bibliographies', () => {
  it('orders entries alphabetically, as the styles do', () => {
    const entries = [full, noDate, noAuthor].map((article) => citeArticle(article, 'apa'));
    expect(sortBibliography(entries).map((entry) => entry.text.slice(0, 8))).toEqual(['Alliance', 'Doe, J. ', 'Keohane,']);
  });

  it('writes BibTeX, RIS and CSL-JSON with Citation.js', () => {
    const bibtex = bibliographyFile([full, noAuthor], 'bibtex');
    expect(bibtex).toMatch(/@misc\{[^,]+,/);
    expect(bibtex).toContain('author = {Keohane, Robert O. and Nye, Joseph S.}');
    const ris = bibliographyFile([full, noAuthor], 'ris');
    expect(ris).toContain('AU  - Keohane, Robert O.');
    expect(ris).toContain('TI  - Alliances and entrapment: a primer');
    expect(ris.match(/^ER {2}-/gm)).toHaveLength(2);
    expect(JSON.parse(bibliographyFile([noDate], 'csl-json'))).toEqual([cslItem(noDate)]);
  });
});
