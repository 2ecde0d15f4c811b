/** Files the tests read: the export's golden W3C file, this folder's fixtures, the shared seed article. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const here = import.meta.dirname;

export const GOLDEN_W3C = resolve(here, '../../../export/golden/notebook-sources.w3c');
export const HYPOTHESIS_EXPORT = resolve(here, '../fixtures/hypothesis-export.json');
export const W3C_MODEL_EXAMPLES = resolve(here, '../fixtures/w3c-model-examples.json');
/** The seed article (../shared, outside the repository): tests that need it skip where it is absent. */
export const SEED_ARTICLE = resolve(here, '../../../../../../shared/seed/japan-us-2plus2.txt');

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function readJson(path: string): unknown {
  return JSON.parse(readText(path)) as unknown;
}

export function seedText(): string | undefined {
  return existsSync(SEED_ARTICLE) ? readText(SEED_ARTICLE) : undefined;
}
