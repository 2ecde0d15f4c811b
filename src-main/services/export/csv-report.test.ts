import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { reportToCsv } from './csv-report';
import type { Report } from './report';
import { expectGolden } from './test-support/golden';
import { claimReport, sampleHighlights, sourceReport } from './test-support/sample-report';

const HEADER = ['Article', 'Citation', 'Quote', 'Colour', 'Colour meaning', 'Tags', 'Comment', 'Claim', 'Citing notes', 'Paragraph', 'Start', 'End', 'Needs review'];

const POWER = 'Power and Interdependence';
const POWER_CITATION = 'Keohane, R. O., & Nye, J. S. (1977). Power and interdependence: World politics in transition. Little, Brown. https://example.org/power';
const PRIMER = 'Alliances & “entrapment”: a primer';
const PRIMER_CITATION = 'Alliances & “entrapment”: a primer. (n.d.). Field Notes.';
const CLAIM = 'Interdependence is mutual, not one-sided.';

const rows = {
  power: [
    POWER,
    POWER_CITATION,
    'Interdependence, most simply defined, means mutual dependence.',
    'Green',
    'Evidence',
    'theory/liberalism; alliance',
    'The *core* definition; compare with [Waltz](https://example.org/waltz).\n\nSecond paragraph of the comment.',
    CLAIM,
    'Why interdependence matters (supports); Sceptical reading (contradicts)',
    '3',
    '120',
    '182',
    'no',
  ],
  asymmetry: [
    POWER,
    POWER_CITATION,
    `'=Asymmetries in dependence are most likely to provide sources of influence`,
    'Pink',
    'Disputed',
    'alliance',
    `'-1 point for "vagueness", <b>not</b> HTML`,
    '',
    'Which asymmetries? (questions)',
    '7',
    '900',
    '974',
    'no',
  ],
  entrapment: [
    PRIMER,
    PRIMER_CITATION,
    'Entrapment — being dragged into a partner’s war — is the price of a firm commitment.\nКонец.',
    'Blue',
    'Definition',
    '',
    '',
    CLAIM,
    'Background on alliances (context)',
    '2',
    '40',
    '129',
    'no',
  ],
  lost: [PRIMER, PRIMER_CITATION, 'A sentence that was edited away.', 'Purple', 'Question', '', '', '', '', '', '500', '532', 'yes'],
};

/** Parses the file back as a spreadsheet would; the final CRLF ends the last record, it is not an empty one. */
function cells(csv: string): string[][] {
  expect(csv.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(0, -2), { header: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** Line breaks outside quoted fields, i.e. the ones that end records. */
function recordBreaks(csv: string): string[] {
  return csv.replace(/"(?:[^"]|"")*"/g, '').match(/\r\n|\r|\n/g) ?? [];
}



describe('reportToCsv by source', () => {
  const csv = reportToCsv(sourceReport);

  it('has a header and one row per highlight of every source, in order', () => {
    expect(cells(csv)).toEqual([HEADER, rows.power, rows.asymmetry, rows.entrapment, rows.lost]);
  });

  it('ends records with CRLF and keeps line breaks inside a quoted field', () => {
    expect(recordBreaks(csv)).toEqual(Array(5).fill('\r\n'));
    expect(csv).toContain('"Entrapment — being dragged into a partner’s war — is the price of a firm commitment.\nКонец."');
  });

  it('quotes fields with commas and doubles their quotes', () => {
    expect(csv).toContain(`"'-1 point for ""vagueness"", <b>not</b> HTML"`);
  });

  it('matches golden/source-report.csv', () => {
    expectGolden('source-report.csv', csv);
  });
});

describe('reportToCsv by claim', () => {
  const csv = reportToCsv(claimReport);

  it('has one row per evidence passage of every claim, with that claim', () => {
    expect(cells(csv)).toEqual([HEADER, rows.power, rows.entrapment]);
  });

  it('repeats a passage that is evidence for two claims, once under each', () => {
    const second = { ...claimReport.claims[0]!, id: 'clm_costly', statement: 'Commitments are costly.', evidence: [sampleHighlights.entrapment] };
    const report: Report = { ...claimReport, claims: [...claimReport.claims, second] };
    const quoteAndClaim = cells(reportToCsv(report))
      .slice(1)
      .map((row) => [row[2], row[7]]);
    expect(quoteAndClaim).toEqual([
      [rows.power[2], CLAIM],
      [rows.entrapment[2], CLAIM],
      [rows.entrapment[2], 'Commitments are costly.'],
    ]);
  });

  it('matches golden/claim-report.csv', () => {
    expectGolden('claim-report.csv', csv);
  });
});

describe('reportToCsv with parts of the report left out', () => {
  it('has no rows for passages that need review, and no comments or citing notes', () => {
    const options = { comments: false, notes: false, needsReview: false };
    const blank = (row: string[]) => row.map((cell, i) => (i === 6 || i === 8 ? '' : cell));
    expect(cells(reportToCsv({ ...sourceReport, options }))).toEqual([HEADER, blank(rows.power), blank(rows.asymmetry), blank(rows.entrapment)]);
  });
});

describe('reportToCsv for Excel', () => {
  it('starts with a byte-order mark only when asked', () => {
    expect(reportToCsv(sourceReport, { excel: true })).toBe(`\uFEFF${reportToCsv(sourceReport)}`);
    expect(reportToCsv(sourceReport).startsWith('Article,')).toBe(true);
  });

  it('is UTF-8 text that round-trips non-Latin letters', () => {
    const bytes = Buffer.from(reportToCsv(claimReport, { excel: true }), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Конец.');
  });
});
