/** The export tests' golden files (golden/ beside the renderers): reviewed output, compared byte for byte. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * Compares `actual` with `golden/<name>` beside the renderers. `UPDATE_GOLDEN=1` writes the
 * file instead, for a change that is meant: review its diff before committing it.
 */
export function expectGolden(name: string, actual: string): void {
  const file = fileURLToPath(new URL(`../golden/${name}`, import.meta.url));
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const testFile = relative(process.cwd(), expect.getState().testPath ?? 'src-main/services/export');
  const hint = `if the change is intended, run \`UPDATE_GOLDEN=1 npx vitest run ${testFile}\` and review the diff`;
  if (!existsSync(file)) throw new Error(`golden/${name} does not exist: ${hint}`);
  expect(actual, `output differs from golden/${name}: ${hint}`).toBe(readFileSync(file, 'utf8'));
}
