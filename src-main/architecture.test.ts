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
    // Test scaffolding may reach across layers (a renderer test runs real services in Node).
    if (statSync(path).isDirectory()) return name === 'test-support' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specifiers.map((m) => m[1] ?? m[2]!);
}

/** The layer a repository path belongs to. */
function layerOf(path: string): string {
  const rel = relative(root, path).replaceAll('\\', '/');
  const match = /^(src-main\/(common|store|services|hosts\/electron|hosts\/browser|preload)|src-renderer)/.exec(rel);
  return match?.[1] ?? rel;
}

const ALLOWED: Record<string, { layers: string[]; packages: (spec: string) => boolean }> = {
  'src-main/common': { layers: ['src-main/common'], packages: (s) => !/^(node:|electron|lowdb|react)/.test(s) && !['fs', 'path', 'os', 'crypto'].includes(s) },
  'src-main/store': { layers: ['src-main/common', 'src-main/store'], packages: (s) => !s.startsWith('electron') },
  'src-main/services': { layers: ['src-main/common', 'src-main/store', 'src-main/services'], packages: (s) => !s.startsWith('electron') },
  'src-main/hosts/browser': { layers: ['src-main/common', 'src-main/store', 'src-main/services', 'src-main/hosts/browser'], packages: (s) => !s.startsWith('electron') },
  'src-main/hosts/electron': { layers: ['src-main/common', 'src-main/store', 'src-main/services', 'src-main/hosts/electron'], packages: () => true },
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

  it('catches a violation (the checker itself works)', () => {
    expect(ALLOWED['src-main/common']!.packages('node:fs')).toBe(false);
    expect(ALLOWED['src-renderer']!.layers).not.toContain(layerOf(join(root, 'src-main/store/notebook-store.ts')));
  });
});
