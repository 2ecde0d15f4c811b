/**
 * Layers are folders and imports point down (STYLE.md): this reads every import of the
 * source tree and checks it against the rules, so a wrong import fails `npm test` even
 * where a lint rule's pattern would miss it (a relative path that climbs out of a layer).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // Test scaffolding may reach across layers (a renderer test runs real services in Node; a
    // crash test's child process drives them through the test API).
    if (statSync(path).isDirectory()) return name === 'test-support' || name === 'test' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specifiers.map((m) => m[1] ?? m[2]!);
}

/** True when `text` takes a value from zod itself (a type import takes nothing at run time). */
function importsZodValue(text: string): boolean {
  return /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+['"]zod(?:\/[^'"]*)?['"]|import\(\s*['"]zod(?:\/[^'"]*)?['"]\s*\)/.test(text);
}

/** The layer a repository path belongs to. */
function layerOf(path: string): string {
  const rel = relative(root, path).replaceAll('\\', '/');
  const match = /^(src-main\/(common|store|services|hosts\/shared|hosts\/electron|hosts\/browser|preload)|src-renderer)/.exec(rel);
  return match?.[1] ?? rel;
}

/** The feature folder a renderer path is in (`features/<name>/…`), if any. */
function featureOf(rel: string): string | null {
  return /^src-renderer\/features\/([^/]+)\//.exec(rel.replaceAll('\\', '/'))?.[1] ?? null;
}

/**
 * Inside the renderer, features sit above `components/` and `state/` and beside each other:
 * a feature may not import another feature (what two features share belongs below them), and
 * only `App.tsx`, at the top, composes features. Null when `from` may import `to`.
 */
function featureImportProblem(from: string, to: string): string | null {
  const target = featureOf(to);
  if (target === null) return null;
  const source = featureOf(from);
  if (source === null) return from.replaceAll('\\', '/') === 'src-renderer/App.tsx' ? null : `only App.tsx may import a feature`;
  return source === target ? null : `the ${source} feature imports another feature (${target}); move what they share to components/ or state/`;
}

const ALLOWED: Record<string, { layers: string[]; packages: (spec: string) => boolean }> = {
  'src-main/common': { layers: ['src-main/common'], packages: (s) => !/^(node:|electron|lowdb|react)/.test(s) && !['fs', 'path', 'os', 'crypto'].includes(s) },
  'src-main/store': { layers: ['src-main/common', 'src-main/store'], packages: (s) => !s.startsWith('electron') },
  'src-main/services': { layers: ['src-main/common', 'src-main/store', 'src-main/services'], packages: (s) => !s.startsWith('electron') },
  // What both hosts do alike (which built renderer file a request names).
  'src-main/hosts/shared': { layers: ['src-main/common', 'src-main/hosts/shared'], packages: (s) => !s.startsWith('electron') },
  'src-main/hosts/browser': { layers: ['src-main/common', 'src-main/store', 'src-main/services', 'src-main/hosts/shared', 'src-main/hosts/browser'], packages: (s) => !s.startsWith('electron') },
  'src-main/hosts/electron': { layers: ['src-main/common', 'src-main/store', 'src-main/services', 'src-main/hosts/shared', 'src-main/hosts/electron'], packages: () => true },
  'src-main/preload': { layers: ['src-main/common', 'src-main/preload'], packages: (s) => s === 'electron' },
  'src-renderer': { layers: ['src-main/common', 'src-renderer'], packages: (s) => !/^(node:|electron|lowdb)/.test(s) },
};

describe('layering', () => {
  const files = [...sourceFiles(join(root, 'src-main')), ...sourceFiles(join(root, 'src-renderer'))];

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('has every import point down to an allowed layer', () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      const rules = ALLOWED[layer];
      if (!rules) continue;
      for (const spec of importsOf(file)) {
        const isRelative = spec.startsWith('.');
        const ok = isRelative ? rules.layers.includes(layerOf(resolve(dirname(file), spec))) || !resolve(dirname(file), spec).startsWith(join(root, 'src')) : rules.packages(spec);
        if (!ok) violations.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('has renderer features import components/ and state/, never another feature', () => {
    const violations: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === 'src-renderer')) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const problem = featureImportProblem(relative(root, file), relative(root, resolve(dirname(file), spec)));
        if (problem) violations.push(`${relative(root, file)} imports ${spec}: ${problem}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('has zod taken from common/zod.ts, which sets it up before any schema is made', () => {
    const setUp = join(root, 'src-main/common/zod.ts');
    const direct = files.filter((file) => file !== setUp && importsZodValue(readFileSync(file, 'utf8')));
    expect(direct.map((file) => relative(root, file))).toEqual([]);
  });

  it('catches a violation (the checker itself works)', () => {
    expect(importsZodValue("import { z } from 'zod';")).toBe(true);
    expect(importsZodValue("const x = 1;\nimport { ZodError } from 'zod/v4';")).toBe(true);
    expect(importsZodValue("import type { z } from 'zod';")).toBe(false);
    expect(importsZodValue("import { z } from '../common/zod';")).toBe(false);
    expect(featureImportProblem('src-renderer/features/margin/HighlightCard.tsx', 'src-renderer/features/notes/NewNoteMenu')).toMatch(/another feature/);
    expect(featureImportProblem('src-renderer/components/CommentMarkdown.tsx', 'src-renderer/features/reader/ArticleBody')).toMatch(/only App/);
    expect(featureImportProblem('src-renderer/features/margin/HighlightCard.tsx', 'src-renderer/features/margin/ColorMenu')).toBeNull();
    expect(featureImportProblem('src-renderer/App.tsx', 'src-renderer/features/margin/MarginPane')).toBeNull();
    expect(ALLOWED['src-main/common']!.packages('node:fs')).toBe(false);
    expect(ALLOWED['src-renderer']!.layers).not.toContain(layerOf(join(root, 'src-main/store/notebook-store.ts')));
  });
});
