/**
 * Browser mode runs in plain Node, where `import 'electron'` fails (or downloads a binary):
 * nothing `src-main/serve.ts` reaches may import electron or the Electron host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcMain = resolve(import.meta.dirname, '../..');

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g);
  return [...found].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function resolveSource(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path) && path.match(/\.tsx?$/));
}

/** Every source file serve.ts reaches, and every package they import. */
function reach(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) packages.add(spec);
      else {
        const target = resolveSource(file, spec);
        if (target) visit(target);
      }
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(srcMain, f)), packages: [...packages] };
}

describe('serve.ts (browser mode)', () => {
  const { files, packages } = reach(join(srcMain, 'serve.ts'));

  it('reaches the browser host, the services and the store', () => {
    expect(files).toContain('hosts/browser/http-host.ts');
    expect(files).toContain('services/open-notebook.ts');
  });

  it('imports no electron package', () => {
    expect(packages.filter((spec) => /^electron(\/|$)|^@electron\//.test(spec))).toEqual([]);
  });

  it('reaches no Electron host or preload code', () => {
    expect(files.filter((file) => /^(hosts\/electron|preload)\//.test(file) || file === 'index.ts')).toEqual([]);
  });
});
