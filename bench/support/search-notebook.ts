/**
 * A notebook folder of many articles for the search-through-the-API bench: ~20 KB articles of
 * Zipf-distributed words (see search-corpus.ts), each with highlights, written straight to
 * disk in the store's file format (one template article made through the API gives the
 * shapes), with a `notebook.json` that lists them all, so opening reads no article file.
 * Building 10,000 takes a while, so a folder is kept in the temp directory and reused.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRange } from '../../src-main/common/anchoring/describe-range';
import { canonicalText } from '../../src-main/common/anchoring/canonical-text';
import { textToDoc } from '../../src-main/common/text-to-doc';
import { openNotebook } from '../../src-main/services/open-notebook';
import { inProcessApi, valueOf } from '../../src-main/test-support/in-process-api';
import { seededRandom } from './random';
import { buildSearchArticle, buildVocabulary, type Vocabulary } from './search-corpus';

export interface SearchNotebook {
  dir: string;
  vocabulary: Vocabulary;
  /** A few phrases (three consecutive words) taken from articles' text. */
  phrases: string[];
}

const HIGHLIGHTS = 10;

/** The notebook folder for `count` articles of about `size` characters (built on first use). */
export async function searchNotebook(count: number, size: number): Promise<SearchNotebook> {
  const dir = join(tmpdir(), `marginalia-search-bench-${count}-${size}`);
  const random = seededRandom(4242);
  const vocabulary = buildVocabulary(random);
  const phrasesFile = join(dir, 'bench-phrases.json');
  if (existsSync(phrasesFile)) return { dir, vocabulary, phrases: JSON.parse(await readFile(phrasesFile, 'utf8')) as string[] };

  await rm(dir, { recursive: true, force: true });
  const template = await templateRecord(join(dir, 'template'));
  await rm(join(dir, 'template'), { recursive: true });
  await mkdir(join(dir, 'articles'), { recursive: true });
  const metas: unknown[] = [];
  const annotationsOf: Record<string, string> = {};
  const phrases: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `art_bench${String(i).padStart(6, '0')}`;
    const { title, text: raw } = buildSearchArticle(vocabulary, random, size);
    const doc = textToDoc(raw);
    const text = canonicalText(doc);
    const { original: _o, doc: _d, ...meta } = { ...template.article, id, title, original: raw, doc, wordCount: Math.round(raw.length / 6) };
    const annotations = Array.from({ length: HIGHLIGHTS }, (_, h) => {
      const start = random.int(0, text.length - 200);
      const annotationId = `ann_bench${String(i).padStart(6, '0')}x${h}`;
      annotationsOf[annotationId] = id;
      return { ...template.annotation, id: annotationId, articleId: id, target: describeRange(text, start, start + random.int(40, 160)) };
    });
    if (i % 1000 === 11) phrases.push(`"${text.split(/\s+/).slice(40, 43).map((w) => w.replace(/\W+$/u, '')).join(' ')}"`);
    await writeFile(join(dir, 'articles', `${id}.json`), JSON.stringify({ schemaVersion: template.schemaVersion, article: { ...meta, original: raw, doc }, annotations }));
    metas.push(meta);
  }
  await writeFile(join(dir, 'notebook.json'), JSON.stringify({ ...template.notebook, articles: metas, annotations: annotationsOf }));
  await writeFile(phrasesFile, JSON.stringify(phrases));
  return { dir, vocabulary, phrases };
}

/** One article with one highlight made through the API, and the notebook file around it. */
async function templateRecord(dir: string) {
  const notebook = await openNotebook(dir, { sample: false });
  const api = inProcessApi(notebook.handlers);
  const article = await valueOf(api.importArticle({ format: 'text', content: 'A template paragraph of words.', title: 'Template' }));
  await valueOf(api.createAnnotation({ articleId: article.id, target: describeRange('A template paragraph of words.', 2, 10) }));
  await notebook.close();
  const file = JSON.parse(await readFile(join(dir, 'articles', `${article.id}.json`), 'utf8'));
  const notebookFile = JSON.parse(await readFile(join(dir, 'notebook.json'), 'utf8'));
  return { schemaVersion: file.schemaVersion as number, article: file.article, annotation: file.annotations[0], notebook: notebookFile };
}
