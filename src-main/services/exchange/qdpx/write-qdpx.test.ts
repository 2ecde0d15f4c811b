import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildQdpx } from './write-qdpx';
import { parseProject } from './qde-dom';
import { QDA_NAMESPACE } from './qde-xml';
import { guidOf } from './qdpx-guid';
import { EMOJI_TEXT, RTL_TEXT, testSnapshot } from './qdpx-test-snapshot';

const SCHEMA = '/work/shared/conformance/refi-qda/Project-mrt2019.xsd';
const scratch = mkdtempSync(join(tmpdir(), 'qdpx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function unpack(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const qde = strFromU8(files['project.qde']!);
  return { files, qde, project: parseProject(qde) };
}

const all = (root: Element, name: string) => [...root.getElementsByTagNameNS(QDA_NAMESPACE, name)];
const byGuid = (root: Element, name: string, guid: string) => all(root, name).find((e) => e.getAttribute('guid') === guid)!;
const content = (note: Element) => all(note, 'PlainTextContent')[0]!.textContent;
/** Where `exact` starts and ends in `text`, counted in code points as REFI-QDA counts. */
const codePoints = (text: string, exact: string) => {
  const start = Array.from(text.slice(0, text.indexOf(exact))).length;
  return [start, start + Array.from(exact).length].map(String);
};

describe('buildQdpx', () => {
  it.each([
    ['with colour codes', testSnapshot(), true],
    ['without colour codes', testSnapshot(), false],
    ['of an empty notebook', { ...testSnapshot(), articles: [], claims: [], notes: [] }, true],
  ])('writes a project.qde that validates against the REFI-QDA schema (%s)', (label, snapshot, colorCodes) => {
    const file = join(scratch, `${label.replace(/\W+/g, '-')}.qde`);
    writeFileSync(file, unpack(buildQdpx(snapshot, { colorCodes })).files['project.qde']!);
    // execFileSync throws, failing the test with xmllint's message, unless xmllint exits 0.
    const output = execFileSync('/usr/bin/xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', stdio: 'pipe' });
    expect(output).toBe('');
  });

  it('gives the same bytes for the same snapshot, in any time zone', () => {
    const first = buildQdpx(testSnapshot(), { colorCodes: true });
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      expect(buildQdpx(testSnapshot(), { colorCodes: true })).toEqual(first);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("stores each article's text as UTF-8 under sources/, named by its source's GUID", () => {
    const { files, project } = unpack(buildQdpx(testSnapshot(), { colorCodes: false }));
    const guid = guidOf.source('art_pacific01');
    const source = byGuid(project, 'TextSource', guid);
    expect(source.getAttribute('plainTextPath')).toBe(`internal://${guid}.txt`);
    expect(source.getAttribute('name')).toBe('Deterrence in the Pacific <2024> & "allies"');
    expect(strFromU8(files[`sources/${guid}.txt`]!)).toBe(EMOJI_TEXT);
    expect(Object.keys(files).sort()).toEqual(['project.qde', `sources/${guid}.txt`, `sources/${guidOf.source('art_accords01')}.txt`].sort());
  });

  it('counts selection positions in code points, past emoji and right-to-left text', () => {
    const { project } = unpack(buildQdpx(testSnapshot(), { colorCodes: false }));
    const positions = (annotationId: string) => {
      const selection = byGuid(project, 'PlainTextSelection', guidOf.selection(annotationId));
      return [selection.getAttribute('startPosition'), selection.getAttribute('endPosition')];
    };
    expect(positions('ann_alliances1')).toEqual(codePoints(EMOJI_TEXT, 'rests on alliances'));
    expect(positions('ann_twoplus21')).toEqual(codePoints(EMOJI_TEXT, '🇯🇵–🇺🇸 "2+2" talks agreed that <joint> command & control would deepen 👍🏽'));
    expect(positions('ann_arabic001')).toEqual(codePoints(RTL_TEXT, 'مصر and ישראל'));
    expect(positions('ann_cairo0001')).toEqual(codePoints(RTL_TEXT, '«القاهرة»'));
    // The emoji before "rests" are each two UTF-16 units but one code point.
    expect(Number(positions('ann_alliances1')[0])).toBe(EMOJI_TEXT.indexOf('rests on alliances') - 2);
  });

  it('leaves out a highlight whose passage is no longer in the text', () => {
    const { project } = unpack(buildQdpx(testSnapshot(), { colorCodes: false }));
    expect(all(project, 'PlainTextSelection')).toHaveLength(5);
    expect(byGuid(project, 'PlainTextSelection', guidOf.selection('ann_orphan001'))).toBeUndefined();
  });

  it('nests tag codes by "/" and codes each passage with the leaf of each tag', () => {
    const { project } = unpack(buildQdpx(testSnapshot(), { colorCodes: false }));
    const codes = all(project, 'Code');
    const path = (code: Element): string => (code.parentElement?.localName === 'Code' ? `${path(code.parentElement)}/` : '') + code.getAttribute('name');
    expect(codes.map(path)).toEqual([
      'alliances',
      'method',
      'method/reading',
      'region',
      'region/east-asia',
      'region/middle-east',
      'region/middle-east/egypt',
      'security',
      'security/command',
    ]);
    expect(codes.every((code) => code.getAttribute('isCodable') === 'true')).toBe(true);
    const coded = (annotationId: string) =>
      all(byGuid(project, 'PlainTextSelection', guidOf.selection(annotationId)), 'CodeRef').map((ref) => path(codes.find((c) => c.getAttribute('guid') === ref.getAttribute('targetGUID'))!));
    expect(coded('ann_alliances1')).toEqual(['region/east-asia', 'alliances']);
    expect(coded('ann_cairo0001')).toEqual(['region/middle-east/egypt']);
  });

  it('adds a code per colour in use, named by the legend, only when asked', () => {
    const withColours = unpack(buildQdpx(testSnapshot(), { colorCodes: true })).project;
    const folder = all(withColours, 'Code').find((code) => code.getAttribute('name') === 'Highlight colours')!;
    expect(folder.getAttribute('isCodable')).toBe('false');
    expect(all(folder, 'Code').map((code) => [code.getAttribute('name'), code.getAttribute('color')])).toEqual([
      ['Evidence (green)', '#CDEBC4'],
      ['Evidence (blue)', '#CFE3FB'],
      ['Disputed', '#FBD3E3'],
      ['Question', '#E3D6F7'],
    ]);
    const cairo = byGuid(withColours, 'PlainTextSelection', guidOf.selection('ann_cairo0001'));
    expect(all(cairo, 'Coding')).toHaveLength(2);
    const without = unpack(buildQdpx(testSnapshot(), { colorCodes: false })).project;
    expect(all(without, 'Code').some((code) => code.getAttribute('name') === 'Highlight colours')).toBe(false);
  });

  it('keeps a comment as a note the selection refers to, with XML-special characters escaped and illegal ones dropped', () => {
    const { project, qde } = unpack(buildQdpx(testSnapshot(), { colorCodes: false }));
    const selection = byGuid(project, 'PlainTextSelection', guidOf.selection('ann_twoplus21'));
    const ref = all(selection, 'NoteRef')[0]!.getAttribute('targetGUID')!;
    const note = byGuid(project, 'Note', ref);
    expect(content(note)).toBe('Compare <joint> & "combined"; \'quotes\' and a bell character.\r\nSecond line.');
    expect(qde).not.toContain('\u0007');
  });

  it('writes notes as plain text and claims as notes quoting their evidence, linked to the passages', () => {
    const { project } = unpack(buildQdpx(testSnapshot(), { colorCodes: false }));
    const note = byGuid(project, 'Note', guidOf.note('note_reading01'));
    expect(note.getAttribute('name')).toBe('Reading notes & <questions>');
    expect(content(note)).toBe('Open questions\n\n- Is 2+2 durable?\n- See CSIS (https://csis.org).\n\n> Alliances are tools.');
    const claim = byGuid(project, 'Note', guidOf.claim('clm_alliance01'));
    expect(claim.getAttribute('name')).toBe('Claim: Alliances anchor deterrence in both regions.');
    expect(content(claim)).toContain('“rests on alliances” — Deterrence in the Pacific <2024> & "allies"');
    expect(content(claim)).toContain('“مصر and ישראל” — اتفاقيات كامب ديفيد');
    const links = all(project, 'Link').map((link) => [link.getAttribute('name'), link.getAttribute('originGUID'), link.getAttribute('targetGUID')]);
    expect(links).toEqual([
      ['evidence', guidOf.claim('clm_alliance01'), guidOf.selection('ann_alliances1')],
      ['evidence', guidOf.claim('clm_alliance01'), guidOf.selection('ann_arabic001')],
      ['supports', guidOf.note('note_reading01'), guidOf.claim('clm_alliance01')],
      ['questions', guidOf.note('note_reading01'), guidOf.selection('ann_vague0001')],
    ]);
    expect(all(project, 'Set').map((set) => [set.getAttribute('name'), all(set, 'MemberNote').length])).toEqual([
      ['Claims', 1],
      ['Notes', 1],
      ['Highlight comments', 2],
    ]);
  });

  it('names the notebook as the one user, and dates records in whole seconds', () => {
    const { project } = unpack(buildQdpx(testSnapshot(), { colorCodes: false }));
    const [user] = all(project, 'User');
    expect(user!.getAttribute('name')).toBe('Alliance research');
    expect(project.getAttribute('creatingUserGUID')).toBe(user!.getAttribute('guid'));
    expect(project.getAttribute('modifiedDateTime')).toBe('2024-04-05T06:07:08Z');
    const selection = byGuid(project, 'PlainTextSelection', guidOf.selection('ann_vague0001'));
    expect(selection.getAttribute('creatingUser')).toBe(user!.getAttribute('guid'));
    expect(selection.getAttribute('creationDateTime')).toBe('2024-03-01T09:15:30Z');
  });
});
