/**
 * The article a brand-new notebook starts with, so a new user sees a real text at once.
 * Bundled at build time (`?raw`), so no path to `resources/` has to be found at run time.
 */
import { z } from '../common/zod';
import sampleText from '../../resources/sample/japan-us-2plus2.txt?raw';
import sampleMeta from '../../resources/sample/japan-us-2plus2.json';

const sampleMetaSchema = z.object({
  title: z.string().min(1),
  dateline: z.string(),
  source: z.string(),
  publishedAt: z.iso.date(),
});

export const SAMPLE_ARTICLE = {
  ...sampleMetaSchema.parse(sampleMeta),
  format: 'text' as const,
  content: sampleText,
};

/**
 * Every notebook's sample is the same record — one id, one time added, one revision — so
 * colleagues who exchange bundles do not end up with a copy of the sample from each of them:
 * an untouched sample merges as unchanged, and highlights made on it land in the one article.
 */
export const SAMPLE_RECORD = { id: 'art_samplejapanus2plus2', addedAt: '2024-07-28T00:00:00.000Z' } as const;
