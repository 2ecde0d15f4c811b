/**
 * The report a scope of a real notebook makes: which highlights and claims it holds, their
 * order, pinpoints, colour meanings, citing claims and notes, and citations; the same from
 * the open store and from the folder read only (which writes nothing).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderReportData } from './report-data';
import { buildReport, type BuildOptions, type ExportScope, type ReportData } from './report-model';
import { exportNotebook, type ExportNotebook } from './test-support/export-notebook';

let fixture: ExportNotebook;
let data: ReportData;
beforeAll(async () => {
  fixture = await exportNotebook();
  data = fixture.notebook.reportData;
});
afterAll(() => fixture.close());

const everything: ExportScope = { articleIds: [], tags: [], claimIds: [] };
const build = (over: Partial<BuildOptions> = {}, source: ReportData = data) =>
  buildReport(source, {
    scope: everything,
    shape: 'source',
    style: 'apa',
    options: { comments: true, notes: true, needsReview: true },
    now: () => new Date('2026-11-30T12:00:00.000Z'),
    ...over,
  });

describe('a report by source', () => {
  it('lists every article with its highlights in reading order, pinpointed and cited', async () => {
    const report = await build();
    expect(report.scopeLabel).toBe('Whole notebook');
    expect(report.sources.map((source) => source.title)).toEqual([
      'Alliances and entrapment: a primer',
      'Japan and U.S. agree to upgrade military command and missile production at Tokyo “2+2” talks',
    ]);
    const [primer, sample] = report.sources;
    expect(primer!.citation.inText).toBe('(Snyder, 1984)');
    expect(primer!.citation.text).toMatch(/^Snyder, G\. H\. \(1984, July 1\)\. Alliances and entrapment: a primer\. World Politics\. https:\/\/example\.org\/alliances$/);
    expect(primer!.highlights.map((h) => [h.quote.slice(0, 20), h.paragraph, h.needsReview])).toEqual([
      ['Entrapment is the ri', 2, false],
      ['A firm commitment re', 3, false],
      ['A passage that will ', null, true],
    ]);
    const entrapment = primer!.highlights[0]!;
    expect(entrapment).toMatchObject({ color: 'blue', colorMeaning: 'Definition', citation: '(Snyder, 1984, para. 2)', comment: '=Definition used throughout; compare "abandonment".' });
    expect(primer!.highlights[2]!.citation).toBe('(Snyder, 1984)');
    // The sample article: two highlights, the first cited by a note, the second backing the claim.
    expect(sample!.highlights.map((h) => h.id)).toEqual([fixture.ids.highlights.command, fixture.ids.highlights.keyPoint]);
    const [command, keyPoint] = sample!.highlights;
    expect(command!.claims).toEqual([{ id: fixture.ids.claim, statement: 'Closer command integration deepens the alliance.' }]);
    expect(keyPoint!.notes).toEqual([{ id: expect.any(String), title: 'A note that supports', relation: 'context' }]);
    expect(keyPoint!.paragraph).toBe(1);
    expect(keyPoint!.citation).toMatch(/para\. 1\)$/);
    expect(report.bibliography.map((entry) => entry.text.slice(0, 12))).toEqual(['Japan and U.', 'Snyder, G. H']);
  });

  it('leaves out comments, notes and passages that need review when asked to', async () => {
    const report = await build({ options: { comments: false, notes: false, needsReview: false } });
    const highlights = report.sources.flatMap((source) => source.highlights);
    expect(highlights).toHaveLength(4);
    expect(highlights.every((h) => h.comment === '' && h.notes.length === 0 && !h.needsReview)).toBe(true);
  });

  it('takes a tag to mean tagged articles, tagged highlights and highlights backing tagged claims', async () => {
    const byTag = await build({ scope: { ...everything, tags: ['alliance'] } });
    expect(byTag.scopeLabel).toBe('alliance');
    const ids = byTag.sources.flatMap((source) => source.highlights.map((h) => h.id));
    // alliance/theory is under alliance: the whole primer; in the sample, the two tagged highlights.
    expect(ids.sort()).toEqual(Object.values(fixture.ids.highlights).sort());
    const china = await build({ scope: { ...everything, tags: ['china'] } });
    expect(china.sources.flatMap((source) => source.highlights.map((h) => h.id))).toEqual([fixture.ids.highlights.keyPoint]);
    const picked = await build({ scope: { ...everything, articleIds: [fixture.ids.second] } });
    expect(picked.scopeLabel).toBe('Alliances and entrapment: a primer');
    expect(picked.sources).toHaveLength(1);
  });

  it('says so when a scope holds nothing, or names what it does not know', async () => {
    await expect(build({ scope: { ...everything, tags: ['nothing-here'] } })).rejects.toThrow('No highlights in this scope.');
    await expect(build({ scope: { ...everything, articleIds: ['art_doesnotexist'] } })).rejects.toThrow('No article with id art_doesnotexist');
    await expect(build({ shape: 'claim', scope: { ...everything, tags: ['china'] } })).rejects.toThrow('No claims in this scope.');
  });

  it('stops when cancelled, and reports its progress', async () => {
    const progress: number[] = [];
    await build({ onProgress: (done, total) => progress.push(done / total) });
    expect(progress).toEqual([0.5, 1]);
    const controller = new AbortController();
    controller.abort();
    await expect(build({ signal: controller.signal })).rejects.toThrow('The export was cancelled.');
  });
});

describe('a report by claim', () => {
  it('gives each claim its evidence from both articles, its tally and its notes by relation', async () => {
    const report = await build({ shape: 'claim', scope: { ...everything, tags: ['alliance'] }, style: 'chicago' });
    expect(report.claims).toHaveLength(1);
    const [claim] = report.claims;
    expect(claim!.statement).toBe('Closer command integration deepens the alliance.');
    expect(claim!.tally).toEqual({ supports: 1, contradicts: 1, questions: 1 });
    expect(claim!.evidence.map((e) => [e.id, e.citation])).toEqual([
      [fixture.ids.highlights.command, expect.stringMatching(/^\(.*para\. 1\)$/)],
      [fixture.ids.highlights.abandonment, '(Snyder 1984, para. 3)'],
    ]);
    expect(claim!.notes.map((group) => [group.relation, group.notes.map((note) => note.body)])).toEqual([
      ['supports', ['Why this note **supports** the claim.']],
      ['contradicts', ['Why this note **contradicts** the claim.']],
      ['questions', ['Why this note **questions** the claim.']],
      ['context', ['Why this note **context** the claim.']],
    ]);
    // Only the sources the evidence comes from, and only the evidence passages.
    expect(report.sources.map((source) => source.highlights.length)).toEqual([1, 1]);
    expect(report.bibliography).toHaveLength(2);
  });
});

describe('reading the folder without opening it', () => {
  it('makes the same report as the open store, and writes nothing into the folder', async () => {
    await fixture.notebook.flush();
    const before = await snapshot(fixture.dir);
    const folder = await folderReportData(fixture.dir);
    for (const shape of ['source', 'claim'] as const) {
      expect(await build({ shape }, folder)).toEqual(await build({ shape }));
    }
    expect(await build({ scope: { ...everything, tags: ['china'] } }, folder)).toEqual(await build({ scope: { ...everything, tags: ['china'] } }));
    expect(await snapshot(fixture.dir)).toEqual(before);
  });

  it('says plainly when a folder is not a notebook', async () => {
    await expect(folderReportData(join(fixture.dir, 'articles'))).rejects.toThrow(/is not a Marginalia notebook/);
  });
});

async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return Promise.all(entries.sort().map(async (entry) => `${entry} ${(await stat(join(dir, entry))).mtimeMs}`));
}
