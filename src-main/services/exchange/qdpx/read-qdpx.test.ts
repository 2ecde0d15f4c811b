import { readFileSync } from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readQdpx } from './read-qdpx';
import { buildQdpx } from './write-qdpx';
import { COLORS_FOLDER } from './qdpx-codebook';
import { MAX_ENTRIES } from './qdpx-zip';
import { guidOf } from './qdpx-guid';
import { EMOJI_TEXT, RTL_TEXT, testSnapshot } from './qdpx-test-snapshot';

const ATLAS_SAMPLE = '/work/shared/conformance/refi-qda/samples/atlas-ti-project.qdpx';
const NS = 'urn:QDA-XML:project:1.0';
const SOURCE = '5a1f0c7e-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
const CODE = { parent: 'aaaaaaaa-0000-4000-8000-000000000001', child: 'aaaaaaaa-0000-4000-8000-000000000002' };

/** A .qdpx of `qde` and extra files, as another tool might write it. */
const qdpx = (qde: string, files: Zippable = {}) => zipSync({ 'project.qde': strToU8(qde), ...files });
const project = (body: string) => `<?xml version="1.0" encoding="utf-8"?>\r\n<Project xmlns="${NS}" name="Field work">${body}</Project>`;
const selection = (start: number | string, end: number | string, inner = '') =>
  `<PlainTextSelection guid="bbbbbbbb-0000-4000-8000-00000000000${start}" name="s" startPosition="${start}" endPosition="${end}">${inner}</PlainTextSelection>`;

describe('readQdpx on what buildQdpx wrote', () => {
  const snapshot = testSnapshot();
  const { sources, skipped, projectName } = readQdpx(buildQdpx(snapshot, { colorCodes: false }));

  it('reads every article back with its exact text', () => {
    expect(projectName).toBe('Alliance research');
    expect(skipped).toEqual([]);
    expect(sources.map((s) => [s.externalId, s.name, s.text])).toEqual([
      [guidOf.source('art_pacific01'), 'Deterrence in the Pacific <2024> & "allies"', EMOJI_TEXT],
      [guidOf.source('art_accords01'), 'اتفاقيات كامب ديفيد', RTL_TEXT],
    ]);
  });

  it('gives back every placed highlight with the same quote, UTF-16 position, tags and comment', () => {
    const written = snapshot.articles.flatMap((entry) => entry.annotations).filter((a) => a.id !== 'ann_orphan001');
    const read = sources.flatMap((source) => source.annotations);
    expect(read).toHaveLength(written.length);
    for (const annotation of written) {
      const back = read.find((a) => a.externalId === guidOf.selection(annotation.id))!;
      expect(back.quote).toEqual(annotation.target.quote);
      expect(back.position).toEqual(annotation.target.position);
      expect(back.tags.sort()).toEqual([...annotation.tags].sort());
      expect(back.sources).toEqual([guidOf.source(annotation.articleId)]);
      expect(back.createdAt).toBe('2024-03-01T09:15:30.000Z');
    }
    const comment = (id: string) => read.find((a) => a.externalId === guidOf.selection(id))!.comment;
    // The bell character cannot be written in XML 1.0; everything else survives, \r included.
    expect(comment('ann_twoplus21')).toBe('Compare <joint> & "combined"; \'quotes\' and a bell character.\r\nSecond line.');
    expect(comment('ann_vague0001')).toBe('**Disputed**: see [the report](https://example.org/r).');
    expect(comment('ann_alliances1')).toBe('');
  });

  it('reads colour codes back as tags under the colours folder', () => {
    const coloured = readQdpx(buildQdpx(snapshot, { colorCodes: true })).sources[0]!.annotations;
    expect(coloured.find((a) => a.externalId === guidOf.selection('ann_vague0001'))!.tags).toEqual([`${COLORS_FOLDER}/Disputed`]);
  });
});

describe('readQdpx on other tools’ projects', () => {
  it('reads the ATLAS.ti sample: a codebook and no sources', () => {
    const contents = readQdpx(readFileSync(ATLAS_SAMPLE));
    expect(contents).toEqual({
      projectName: 'target-atlas-project',
      sources: [],
      skipped: [],
      codes: ['Commits', 'Commits/2022-05-10T02:05:59Z 19e4dce', 'Commits/2022-02-11T10:39:25Z cdbfd92'],
    });
  });

  it('reads inline text, text with a BOM, descriptions, notes and code names with "/"', () => {
    const text = 'Intro 😀 שלום then the coded words.';
    const start = Array.from(text).indexOf('c');
    const qde = project(`
      <CodeBook><Codes><Code guid="{${CODE.parent.toUpperCase()}}" name=" Themes / Topics " isCodable="false">
        <Code guid="${CODE.child}" name="Power  and/or trust" isCodable="true"/></Code></Codes></CodeBook>
      <Sources>
        <TextSource guid="${SOURCE}" name="Interview 1" plainTextPath="internal://${SOURCE}.txt" creationDateTime="2018-10-04T22:56:11">
          ${selection(start, start + 11, `<Description>A &amp; B</Description><Coding guid="cccccccc-0000-4000-8000-000000000001"><CodeRef targetGUID="${CODE.child.toUpperCase()}"/></Coding><NoteRef targetGUID="dddddddd-0000-4000-8000-000000000001"/>`)}
        </TextSource>
        <TextSource guid="eeeeeeee-0000-4000-8000-000000000001" name="Inline"><PlainTextContent>one two</PlainTextContent>${selection(4, 7)}</TextSource>
        <PDFSource guid="eeeeeeee-0000-4000-8000-000000000002" name="Report.pdf" path="internal://x.pdf"/>
        <TextSource guid="eeeeeeee-0000-4000-8000-000000000003" name="Elsewhere" plainTextPath="relative:///a.txt"/>
      </Sources>
      <Notes><Note guid="dddddddd-0000-4000-8000-000000000001" name="memo"><PlainTextContent>Why &lt;this&gt;?</PlainTextContent></Note></Notes>`);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]);
    const { sources, skipped } = readQdpx(qdpx(qde, { [`sources/${SOURCE}.txt`]: bom }));
    expect(sources.map((s) => [s.name, s.text, s.createdAt])).toEqual([
      ['Interview 1', text, '2018-10-04T22:56:11.000Z'],
      ['Inline', 'one two', undefined],
    ]);
    expect(sources[0]!.annotations).toEqual([
      expect.objectContaining({
        quote: { exact: 'coded words', prefix: 'Intro 😀 שלום then the ', suffix: '.' },
        position: { start: text.indexOf('coded'), end: text.indexOf('coded') + 11 },
        tags: ['Themes - Topics/Power and-or trust'],
        comment: 'A & B\n\nWhy <this>?',
        documentTitle: 'Interview 1',
        sources: [SOURCE],
      }),
    ]);
    expect(sources[1]!.annotations[0]!.quote!.exact).toBe('two');
    expect(skipped).toEqual([
      { name: 'Report.pdf', reason: 'It is a PDF; only text sources can become articles.' },
      { name: 'Elsewhere', reason: 'Its text is a file outside the .qdpx (relative:///a.txt); export the project with its sources embedded.' },
    ]);
  });
});

/** A zip whose project.qde claims, in its central directory, to unpack to 300 MB. */
function lyingZip(): Uint8Array {
  const bytes = qdpx(project(''));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < bytes.length - 4; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 300 * 1024 * 1024, true);
  }
  return bytes;
}

const inlineSource = (inner: string) => project(`<Sources><TextSource guid="${SOURCE}" name="Notes"><PlainTextContent>short 😀</PlainTextContent>${inner}</TextSource></Sources>`);

describe('readQdpx on malformed input', () => {
  it.each<[string, () => Uint8Array, RegExp]>([
    ['not a zip', () => strToU8('just some text'), /^This file is not a \.qdpx project: it is not a zip archive/],
    ['a zip without project.qde', () => zipSync({ 'readme.txt': strToU8('hi') }), /^This \.qdpx has no project\.qde — is it a REFI-QDA project\?$/],
    ['project.qde that is not XML', () => qdpx('PK not xml'), /^This \.qdpx's project\.qde is not well-formed XML \(line 1, column \d+: .+\)\.$/],
    ['an external entity', () => qdpx(`<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="${NS}" name="x">&x;</Project>`), /not well-formed XML \(line 1, column \d+: undefined entity\)/],
    ['the wrong namespace', () => qdpx('<Project xmlns="urn:QDA-XML:codebook:1.0" name="x"/>'), /is not a REFI-QDA project: it holds <Project> in namespace urn:QDA-XML:codebook:1\.0, not <Project> in urn:QDA-XML:project:1\.0/],
    ['no namespace', () => qdpx('<html/>'), /it holds <html> in no namespace/],
    ['a selection past the end of its text', () => qdpx(inlineSource(selection(2, 8))), /^The passage “s” in “Notes” \(characters 2–8\) lies outside its text, which has 7 characters/],
    ['a selection that ends before it starts', () => qdpx(inlineSource(selection(5, 2))), /lies outside its text/],
    ['a selection without positions', () => qdpx(inlineSource(selection(1, 'x'))), /has no valid startPosition and endPosition/],
    ['a missing source file', () => qdpx(project(`<Sources><TextSource guid="${SOURCE}" name="Interview 2" plainTextPath="internal://${SOURCE}.txt"/></Sources>`)), new RegExp(`^The text of “Interview 2” is missing: this \\.qdpx has no sources/${SOURCE}\\.txt`)],
    ['a zip bomb (declared size)', lyingZip, /would take 300 MB unpacked; the limit is 200 MB/],
    ['too many entries', () => zipSync(Object.fromEntries(Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => [`sources/${i}.txt`, new Uint8Array(0)])), { level: 0 }), /lists more than 20,000 files/],
  ])('%s', (_label, bytes, message) => {
    expect(() => readQdpx(bytes())).toThrow(message);
  });

  it('does not expand nested internal entities ("billion laughs")', () => {
    const laughs = `<!DOCTYPE p [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
    const contents = readQdpx(qdpx(`${laughs}<Project xmlns="${NS}" name="&c;"/>`));
    expect(contents.projectName.length).toBeLessThan(100);
  });

  it('reads a selection that ends exactly at the end of its text, counting 😀 as one character', () => {
    const [source] = readQdpx(qdpx(inlineSource(selection(6, 7)))).sources;
    expect(source!.annotations[0]!.quote!.exact).toBe('😀');
    expect(source!.annotations[0]!.position).toEqual({ start: 6, end: 8 });
  });
});
