/**
 * `marginalia export` on a real notebook folder: each format, to standard output or a file;
 * bad arguments (exit 2, a reason and the usage); a missing or foreign folder (exit 1); and
 * the notebook folder left exactly as it was.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNotebook, type ExportNotebook } from '../services/export/test-support/export-notebook';
import { runCli } from './run-export';

let fixture: ExportNotebook;
let outDir: string;
beforeAll(async () => {
  fixture = await exportNotebook();
  await fixture.notebook.flush();
  outDir = await mkdtemp(join(tmpdir(), 'marginalia-cli-out-'));
});
afterAll(async () => {
  await fixture.close();
  await rm(outDir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  let stdout = Buffer.alloc(0);
  let stderr = '';
  const status = await runCli(argv, {
    stdout: (text) => (stdout = Buffer.concat([stdout, typeof text === 'string' ? Buffer.from(text) : Buffer.from(text)])),
    stderr: (text) => (stderr += text),
  });
  return { status, stdout: stdout.toString('utf8'), bytes: stdout, stderr };
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('marginalia export', () => {
  it('writes a by-claim Markdown report of a tag to standard output', async () => {
    const { status, stdout, stderr } = await cli('export', '--notebook', fixture.dir, '--format', 'md', '--shape', 'claim', '--tag', 'alliance');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('Closer command integration deepens the alliance.');
    expect(stdout).toContain('(Snyder, 1984, para. 3)');
    expect(stdout).toMatch(/^## Bibliography$/m);
  });

  it('writes every text format, each what it says it is', async () => {
    const csv = await cli('export', '--notebook', fixture.dir, '--format', 'csv', '--excel');
    expect(csv.status).toBe(0);
    expect(csv.stdout.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(csv.stdout.slice(1), { header: false, skipEmptyLines: true }).data;
    expect(rows[0]![0]).toBe('Article');
    expect(rows).toHaveLength(1 + 5);
    expect(rows.some((row) => row.includes(`'=Definition used throughout; compare "abandonment".`))).toBe(true);

    const w3c = JSON.parse((await cli('export', '--notebook', fixture.dir, '--format', 'w3c')).stdout) as { type: string; total: number };
    expect(w3c).toMatchObject({ type: 'AnnotationCollection', total: 5 });
    const html = await cli('export', '--notebook', fixture.dir, '--format', 'html', '--style', 'chicago');
    expect(html.stdout).toMatch(/^<!doctype html>/i);
    expect(html.stdout).not.toMatch(/<script/i);
    expect((await cli('export', '--notebook', fixture.dir, '--format', 'bibtex')).stdout).toContain('author = {Snyder, Glenn H.}');
    expect((await cli('export', '--notebook', fixture.dir, '--format', 'ris')).stdout).toContain('AU  - Snyder, Glenn H.');
    expect(JSON.parse((await cli('export', '--notebook', fixture.dir, '--format', 'csl-json')).stdout)).toHaveLength(2);
  });

  it('writes Word to --out, under a temporary name first', async () => {
    const out = join(outDir, 'report.docx');
    const { status, stderr } = await cli('export', '--notebook', fixture.dir, '--format', 'docx', '--out', out);
    expect(status).toBe(0);
    expect(stderr).toMatch(/^Wrote .*report\.docx \(2 sources, 5 highlights\)/);
    const document = strFromU8(unzipSync(await readFile(out))['word/document.xml']!);
    expect(document).toContain('Entrapment is the risk of being dragged into a partner’s war over interests one does not share.');
    expect((await readdir(outDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(!hasPdftotext)('prints a PDF whose text holds every quote and the bibliography', async () => {
    const out = join(outDir, 'claims.pdf');
    const { status, stderr } = await cli('export', '--notebook', fixture.dir, '--format', 'pdf', '--shape', 'claim', '--out', out);
    expect(stderr).toMatch(/^Wrote/);
    expect(status).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('upgrading the command and control of U.S. forces');
    expect(text).toContain('A firm commitment reduces abandonment but raises entrapment.');
    expect(text).toContain('Snyder, G. H. (1984, July 1). Alliances and entrapment: a primer.');
  }, 120_000);

  it('refuses bad arguments with exit status 2, a reason and the usage', async () => {
    for (const [argv, reason] of [
      [['export', '--format', 'md'], /--notebook DIR is required/],
      [['export', '--notebook', fixture.dir], /--format is required/],
      [['export', '--notebook', fixture.dir, '--format', 'odt'], /format must be one of md, html, pdf/],
      [['export', '--notebook', fixture.dir, '--format', 'md', '--style', 'ieee'], /style must be one of apa/],
      [['export', '--notebook', fixture.dir, '--format', 'md', '--colour', 'red'], /Unknown option "--colour"/],
      [['export', '--notebook', fixture.dir, '--format', 'pdf'], /PDF is not text: give --out FILE/],
      [['print'], /Unknown command "print"/],
      [[], /Say what to do/],
    ] as const) {
      const { status, stderr } = await cli(...argv);
      expect(stderr).toMatch(reason);
      expect(status).toBe(2);
      if (argv.length > 0 && argv[0] === 'export') expect(stderr).toContain('Usage:');
    }
    expect((await cli('--help')).status).toBe(0);
  });

  it('fails with exit status 1 and a message a person can act on', async () => {
    const missing = await cli('export', '--notebook', join(outDir, 'nowhere'), '--format', 'md');
    expect(missing).toMatchObject({ status: 1, stderr: expect.stringMatching(/nowhere is not a folder/) });
    const foreign = await cli('export', '--notebook', outDir, '--format', 'md');
    expect(foreign).toMatchObject({ status: 1, stderr: expect.stringMatching(/is not a Marginalia notebook/) });
    const empty = await cli('export', '--notebook', fixture.dir, '--format', 'md', '--tag', 'nothing-here');
    expect(empty).toMatchObject({ status: 1, stderr: 'marginalia: No highlights in this scope.\n' });
    const unwritable = await cli('export', '--notebook', fixture.dir, '--format', 'md', '--out', join(outDir, 'no-folder', 'x.md'));
    expect(unwritable).toMatchObject({ status: 1, stderr: expect.stringMatching(/its folder does not exist/) });
  });

  it('leaves the notebook folder as it was', async () => {
    const before = await listing(fixture.dir);
    await cli('export', '--notebook', fixture.dir, '--format', 'md');
    await cli('export', '--notebook', fixture.dir, '--format', 'csv', '--tag', 'alliance');
    expect(await listing(fixture.dir)).toEqual(before);
  });
});

async function listing(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return Promise.all(entries.sort().map(async (entry) => `${entry} ${(await stat(join(dir, entry))).mtimeMs}`));
}
