import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportToDocx } from './docx-report';
import { decodeHtmlEntities } from './docx-inline-html';
import { NEEDS_REVIEW_LABEL, NEEDS_REVIEW_TEXT } from './report-labels';
import { claimReport, sampleHighlights, sourceReport } from './test-support/sample-report';

interface WordParagraph {
  style: string | undefined;
  text: string;
  xml: string;
}

/** The document's parts, as Word would unzip them. */
async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** Each paragraph's style and text: runs joined, line breaks as "\n", tags dropped. */
function paragraphsOf(documentXml: string): WordParagraph[] {
  return [...documentXml.matchAll(/<w:p(?:\s[^>]*)?>(.*?)<\/w:p>/gs)].map(([xml, inner]) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner!)?.[1],
    text: decodeHtmlEntities(inner!.replace(/<w:br\/>/g, '\n').replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '')),
    xml,
  }));
}

const textOf = (paragraphs: WordParagraph[]) => paragraphs.map((p) => p.text).join('\n');
const withStyle = (paragraphs: WordParagraph[], style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text);

const NEEDS_REVIEW = `${NEEDS_REVIEW_LABEL} ${NEEDS_REVIEW_TEXT}`;
const BIBLIOGRAPHY = [
  'Alliances & “entrapment”: a primer. (n.d.). Field Notes.',
  'Keohane, R. O., & Nye, J. S. (1977). Power and interdependence: World politics in transition. Little, Brown. https://example.org/power',
];

describe('reportToDocx by source', () => {
  let files: Record<string, string>;
  let paragraphs: WordParagraph[];
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await reportToDocx(sourceReport);
    files = await parts(bytes);
    paragraphs = paragraphsOf(files['word/document.xml']!);
  });

  it('is a zip package with a Word document in it', () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // "PK"
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'docProps/core.xml']));
  });

  it('opens with the title and the subtitle line', () => {
    expect(paragraphs[0]).toMatchObject({ style: 'Title', text: 'Annotated report: alliance' });
    expect(paragraphs[1]).toMatchObject({ style: 'Subtitle', text: 'By source · APA 7th · 2026-11-30' });
  });

  it('gives each source a Heading 1, then the bibliography one', () => {
    expect(withStyle(paragraphs, 'Heading1')).toEqual(['Power and Interdependence', 'Alliances & “entrapment”: a primer', 'Bibliography']);
  });

  it('sets every passage in the Quote style, ending with its pinpointed citation', () => {
    expect(withStyle(paragraphs, 'Quote')).toEqual([
      `${sampleHighlights.power.quote} (Keohane & Nye, 1977, para. 3)`,
      `${sampleHighlights.asymmetry.quote} (Keohane & Nye, 1977, para. 7)`,
      `${sampleHighlights.entrapment.quote} (Alliances & “entrapment”, n.d., para. 2)`,
      // A passage that needs review has no paragraph to point at.
      `${sampleHighlights.lost.quote} (Alliances & “entrapment”, n.d.)`,
    ]);
  });

  it('keeps the italics of a citation as italic runs', () => {
    const quote = paragraphs.find((p) => p.style === 'Quote' && p.text.includes('Конец.'))!;
    expect(quote.xml).toMatch(/<w:r><w:rPr><w:i\/>(?:<w:iCs\/>)?<\/w:rPr><w:t xml:space="preserve">Alliances &amp; “entrapment”<\/w:t><\/w:r>/);
    expect(quote.xml).toMatch(/<w:r><w:t xml:space="preserve">, n\.d\., para\. 2\)<\/w:t><\/w:r>/);
  });

  it('marks the passage that needs review, just before it', () => {
    const at = paragraphs.findIndex((p) => p.text.startsWith(sampleHighlights.lost.quote));
    expect(paragraphs[at - 1]?.text).toBe(NEEDS_REVIEW);
    expect(paragraphs.filter((p) => p.text === NEEDS_REVIEW)).toHaveLength(1);
  });

  it('lists colour, tags, claim, comment and citing notes under a highlight', () => {
    const at = paragraphs.findIndex((p) => p.text.startsWith(sampleHighlights.power.quote));
    expect(paragraphs.slice(at + 1, at + 9).map((p) => p.text)).toEqual([
      'Colour: Green — Evidence',
      'Tags: theory/liberalism, alliance',
      'Claim: Interdependence is mutual, not one-sided.',
      'Comment:',
      'The core definition; compare with Waltz.',
      'Second paragraph of the comment.',
      'Cited by note: “Why interdependence matters” (supports)',
      'Cited by note: “Sceptical reading” (contradicts)',
    ]);
  });

  it('writes a comment’s Markdown as Word formatting and its HTML as visible text', () => {
    const comment = paragraphs.find((p) => p.text.startsWith('The core definition'))!;
    expect(comment.xml).toContain('<w:i/>');
    expect(comment.xml).toContain('<w:hyperlink');
    expect(textOf(paragraphs)).toContain('-1 point for "vagueness", <b>not</b> HTML');
  });

  it('ends with every bibliography entry, in the Bibliography style', () => {
    expect(withStyle(paragraphs, 'Bibliography')).toEqual(BIBLIOGRAPHY);
    expect(paragraphs.at(-1)?.text).toBe(BIBLIOGRAPHY[1]);
  });

  it('defines the Quote style with an indent and a left border, and headings Word can navigate', () => {
    const styles = files['word/styles.xml']!;
    const quote = /<w:style [^>]*w:styleId="Quote".*?<\/w:style>/s.exec(styles)?.[0] ?? '';
    expect(quote).toContain('<w:name w:val="Quote"/>');
    expect(quote).toMatch(/<w:pBdr><w:left [^>]*w:val="single"/);
    expect(quote).toMatch(/<w:ind [^>]*w:left="720"/);
    expect(styles).toMatch(/w:styleId="Heading1".*?<w:outlineLvl w:val="0"\/>/s);
    expect(styles).toMatch(/<w:style [^>]*w:styleId="Bibliography".*?w:hanging="720"/s);
  });

  it('names its title and Marginalia as its creator in the document properties', () => {
    const core = files['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Annotated report: alliance</dc:title>');
    expect(core).toContain('<dc:creator>Marginalia</dc:creator>');
  });
});

describe('reportToDocx by claim', () => {
  let paragraphs: WordParagraph[];

  beforeAll(async () => {
    paragraphs = paragraphsOf((await parts(await reportToDocx(claimReport)))['word/document.xml']!);
  });

  it('gives the claim a Heading 1 with its tags and tally, then Evidence and Notes as Heading 2', () => {
    expect(withStyle(paragraphs, 'Heading1')).toEqual(['Interdependence is mutual, not one-sided.', 'Bibliography']);
    expect(withStyle(paragraphs, 'Heading2')).toEqual(['Evidence', 'Notes']);
    const at = paragraphs.findIndex((p) => p.style === 'Heading1');
    expect(paragraphs.slice(at + 1, at + 3).map((p) => p.text)).toEqual([
      'Tags: alliance, theory/liberalism',
      'Notes: Supports 1 · Contradicts 1 · Questions 0',
    ]);
  });

  it('quotes the evidence in order, each with its own source’s pinpointed citation', () => {
    expect(withStyle(paragraphs, 'Quote').slice(0, 2)).toEqual([
      `${sampleHighlights.power.quote} (Keohane & Nye, 1977, para. 3)`,
      `${sampleHighlights.entrapment.quote} (Alliances & “entrapment”, n.d., para. 2)`,
    ]);
  });

  it('shows only the passages under Evidence, not what was marked on them', () => {
    const evidence = paragraphs.findIndex((p) => p.text === 'Evidence');
    const notes = paragraphs.findIndex((p) => p.text === 'Notes');
    expect(paragraphs.slice(evidence + 1, notes).map((p) => p.style)).toEqual(['Quote', 'Quote']);
  });

  it('groups notes under a Heading 3 per relation, title in bold and body as paragraphs', () => {
    expect(withStyle(paragraphs, 'Heading3')).toEqual(['Supports', 'Contradicts']);
    const at = paragraphs.findIndex((p) => p.text === 'Sceptical reading');
    expect(paragraphs[at]!.xml).toContain('<w:b/>');
    expect(paragraphs.slice(at + 1, at + 3)).toMatchObject([
      { text: 'Dependence is rarely symmetric.' },
      { style: 'Quote', text: 'A quoted line.' },
    ]);
    expect(textOf(paragraphs)).toContain('Because both sides lose.');
  });

  it('ends with every bibliography entry', () => {
    expect(withStyle(paragraphs, 'Bibliography')).toEqual(BIBLIOGRAPHY);
  });
});

describe('reportToDocx with parts of the report left out', () => {
  const options = { comments: false, notes: false, needsReview: false };

  it('by source, leaves out passages that need review, comments and citing notes', async () => {
    const text = textOf(paragraphsOf((await parts(await reportToDocx({ ...sourceReport, options })))['word/document.xml']!));
    expect(text).not.toContain(sampleHighlights.lost.quote);
    expect(text).not.toContain(NEEDS_REVIEW_LABEL);
    expect(text).not.toContain('Comment:');
    expect(text).not.toContain('Cited by note');
  });

  it('by claim, leaves out the tally and the notes', async () => {
    const paragraphs = paragraphsOf((await parts(await reportToDocx({ ...claimReport, options })))['word/document.xml']!);
    expect(withStyle(paragraphs, 'Heading2')).toEqual(['Evidence']);
    expect(textOf(paragraphs)).not.toContain('Supports 1');
  });
});

describe('reportToDocx comments in Markdown', () => {
  const comment = [
    '# A heading in a comment',
    '',
    '- first',
    '- second',
    '',
    '3. third',
    '',
    '`code` and [a bad link](javascript:alert(1))',
    '',
    '    preformatted line',
    '    and its second line',
  ].join('\n');
  let files: Record<string, string>;
  let paragraphs: WordParagraph[];

  beforeAll(async () => {
    const highlight = { ...sampleHighlights.power, comment };
    const source = { ...sourceReport.sources[0]!, highlights: [highlight] };
    files = await parts(await reportToDocx({ ...sourceReport, sources: [source] }));
    paragraphs = paragraphsOf(files['word/document.xml']!);
  });

  it('writes each block as a comment paragraph, lists with their markers', () => {
    expect(withStyle(paragraphs, 'AnnotationComment')).toEqual([
      'A heading in a comment',
      '•\tfirst',
      '•\tsecond',
      '3.\tthird',
      // markdown-it refuses the URL, so the link stays visible as written, not clickable.
      'code and [a bad link](javascript:alert(1))',
      'preformatted line\nand its second line',
    ]);
  });

  it('keeps a comment’s heading out of the document outline', () => {
    expect(withStyle(paragraphs, 'Heading1')).not.toContain('A heading in a comment');
  });

  it('links only to web and mail addresses', () => {
    expect(files['word/_rels/document.xml.rels']).not.toContain('javascript:');
  });
});

/** LibreOffice's command, if it is installed: the best check that the file opens at all. */
function findOffice(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter);
  return ['soffice', 'libreoffice'].find((name) => dirs.some((dir) => existsSync(join(dir, name))));
}
const office = findOffice();

describe('reportToDocx in LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-docx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!office)('converts to PDF (skipped: neither soffice nor libreoffice is on PATH)', async () => {
    writeFileSync(join(dir, 'report.docx'), await reportToDocx(claimReport));
    // Its own profile, so a running LibreOffice or a first-run dialog cannot get in the way.
    execFileSync(office!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], {
      timeout: 120_000,
      stdio: 'ignore',
    });
    expect(existsSync(join(dir, 'report.pdf'))).toBe(true);
  }, 180_000);
});
