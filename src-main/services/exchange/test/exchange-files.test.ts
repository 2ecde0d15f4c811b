/**
 * Annotations and projects from other tools, through the same import: a Hypothesis export lands
 * on the article it annotated, our own W3C export merges back into the highlights it came from,
 * a REFI-QDA project round-trips every highlight's text — and a file that cannot be read, in
 * any of these formats or as a bundle, changes nothing and says why.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { valueOf } from '../../../test-support/in-process-api';
import { writeBundle, type BundleBody } from '../bundle/bundle-format';
import { ARTICLE_TEXT, base64, bundleOf, colleague, folderBytes, importFile, recordsOf, targetOf } from '../test-support/exchange-support';

const FIXTURES = join(import.meta.dirname, '../annotations-in/fixtures');
const SEED = join(import.meta.dirname, '../../../../../shared/seed/japan-us-2plus2.txt');
const ANNOTATED_PAGE = 'https://www.example-news.org/world/2024/07/28/japan-us-2plus2/';

describe('importing annotations from other tools', () => {
  it('places a Hypothesis export on the article of its page, and lists what it could not place', async () => {
    const reader = await colleague('hypothesis');
    const article = await valueOf(reader.api.importArticle({ format: 'text', content: await readFile(SEED, 'utf8'), title: 'Japan and U.S. 2+2' }));
    await valueOf(reader.api.updateArticle({ id: article.id, url: ANNOTATED_PAGE }));
    const exported = await readFile(join(FIXTURES, 'hypothesis-export.json'), 'utf8');

    const summary = await importFile(reader.api, 'hypothesis.json', exported);
    expect(summary.kind).toBe('hypothesis');
    const highlights = await valueOf(reader.api.listAnnotations({ articleId: article.id }));
    expect(highlights.map((h) => h.target.quote.exact)).toEqual(expect.arrayContaining(['upgrading the command and control of U.S. forces']));
    expect(highlights.every((h) => h.anchor.status === 'anchored')).toBe(true);
    expect(summary.added).toHaveLength(highlights.length);
    expect(summary.unmatched.map((u) => u.source)).toEqual(expect.arrayContaining(['https://en.example-encyclopedia.org/wiki/Yokota_Air_Base']));
    expect(summary.refused.some((item) => /page note/.test(item.reason ?? ''))).toBe(true);

    const again = await importFile(reader.api, 'hypothesis.json', exported);
    expect(again.added).toEqual([]);
    expect(again.unchanged).toBe(highlights.length);
    await reader.notebook.close();
  });

  it('finds a saved page by the address it names as its own, as annotations made online name it', async () => {
    const reader = await colleague('saved-page');
    const page = `<html><head><title>Story</title><link rel="canonical" href="https://example.org/world/story"></head><body><article><h1>Story</h1><p>${ARTICLE_TEXT}</p></article></body></html>`;
    const article = await valueOf(reader.api.importArticle({ format: 'html', content: page, fileName: 'story.html' }));
    expect(article.url).toBe('https://example.org/world/story');
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example/1',
      type: 'Annotation',
      bodyValue: 'Read online, kept offline.',
      target: { source: 'http://www.example.org/world/story/?utm_source=feed#top', selector: { type: 'TextQuoteSelector', exact: 'Trust grows from shared work' } },
    };
    const summary = await importFile(reader.api, 'online.jsonld', JSON.stringify(annotation));
    expect(summary.unmatched).toEqual([]);
    const [highlight] = await valueOf(reader.api.listAnnotations({ articleId: article.id }));
    expect(highlight).toMatchObject({ comment: 'Read online, kept offline.', anchor: { status: 'anchored' } });
    await reader.notebook.close();
  });

  it('merges a notebook’s own W3C export back into the highlights it came from', async () => {
    const ana = await colleague('ana');
    const article = await valueOf(ana.api.importArticle({ format: 'text', content: ARTICLE_TEXT, title: 'On alliances' }));
    const first = await valueOf(ana.api.createAnnotation({ articleId: article.id, target: await targetOf(ana.api, article.id, 'Trust grows'), comment: 'Core' }));
    const ben = await colleague('ben');
    await importFile(ben.api, 'ana.marginalia.json', await bundleOf(ana.api));
    const later = await valueOf(ana.api.createAnnotation({ articleId: article.id, target: await targetOf(ana.api, article.id, 'a common plan'), comment: 'Added later' }));

    const w3c = await valueOf(ana.api.exportReport({ format: 'w3c' }));
    const summary = await importFile(ben.api, 'ana.jsonld', w3c.content);
    expect(summary.added.map((item) => item.id)).toEqual([later.id]);
    const ids = (await valueOf(ben.api.listAnnotations({ articleId: article.id }))).map((a) => a.id).sort();
    expect(ids).toEqual([first.id, later.id].sort());
    await Promise.all([ana.notebook.close(), ben.notebook.close()]);
  });

  it('round-trips a REFI-QDA project: every highlight comes back on the same text, with its codes as tags', async () => {
    const ana = await colleague('ana');
    const text = 'Trust 🤝 grows from shared work. الثقة تنمو من العمل المشترك. Plans need people who keep their word.';
    const article = await valueOf(ana.api.importArticle({ format: 'text', content: text, title: 'Trust, in two scripts' }));
    for (const [phrase, tags] of [['grows from shared work', ['trust/origin']], ['تنمو من العمل', ['arabic']], ['keep their word', []]] as const) {
      await valueOf(ana.api.createAnnotation({ articleId: article.id, target: await targetOf(ana.api, article.id, phrase), tags: [...tags] }));
    }
    const qdpx = await valueOf(ana.api.exportReport({ format: 'qdpx' }));
    expect(qdpx.encoding).toBe('base64');

    const ben = await colleague('ben');
    const bytes = Buffer.from(qdpx.content, 'base64');
    const summary = await importFile(ben.api, 'ana.qdpx', bytes);
    expect(summary.kind).toBe('qdpx');
    const [imported] = await valueOf(ben.api.listArticles({}));
    expect(imported!.title).toBe('Trust, in two scripts');
    const highlights = await valueOf(ben.api.listAnnotations({ articleId: imported!.id }));
    const mine = await valueOf(ana.api.listAnnotations({ articleId: article.id }));
    expect(highlights.map((h) => [h.target.quote.exact, h.tags]).sort()).toEqual(mine.map((h) => [h.target.quote.exact, h.tags]).sort());
    expect(highlights.every((h) => h.anchor.status === 'anchored')).toBe(true);

    const again = await importFile(ben.api, 'ana.qdpx', bytes);
    expect(again.added).toEqual([]);
    await Promise.all([ana.notebook.close(), ben.notebook.close()]);
  });
});

describe('the export dialog’s preview of the exchange formats', () => {
  it('lists a project’s sources and codes, and shows a bundle indented', async () => {
    const ana = await colleague('ana');
    const article = await valueOf(ana.api.importArticle({ format: 'text', content: ARTICLE_TEXT, title: 'On alliances' }));
    await valueOf(ana.api.createAnnotation({ articleId: article.id, target: await targetOf(ana.api, article.id, 'Trust grows'), tags: ['trust/origin'], color: 'green' }));
    const qdpx = await valueOf(ana.api.previewExport({ format: 'qdpx', colorCodes: true }));
    expect(qdpx.kind).toBe('text');
    expect(qdpx.content).toContain('  On alliances — 1 selection');
    expect(qdpx.content).toContain('  trust/origin');
    expect(qdpx.content).toContain('  Highlight colours/Evidence');
    const bundle = await valueOf(ana.api.previewExport({ format: 'bundle' }));
    expect(bundle.content).toMatch(/^\{\n {2}"checksum": "sha256:[0-9a-f]{64}",\n {2}"format": "marginalia-bundle",/);
    await ana.notebook.close();
  });
});

/** A valid bundle of one article with one highlight, to spoil in each row of the table. */
async function sampleBundle(): Promise<BundleBody> {
  const ana = await colleague('ana');
  const article = await valueOf(ana.api.importArticle({ format: 'text', content: ARTICLE_TEXT, title: 'On alliances' }));
  await valueOf(ana.api.createAnnotation({ articleId: article.id, target: await targetOf(ana.api, article.id, 'Trust grows'), comment: 'Core' }));
  const text = await bundleOf(ana.api);
  await ana.notebook.close();
  const { checksum: _checksum, ...body } = JSON.parse(text) as BundleBody & { checksum: string };
  return body;
}

/** A spoilt bundle whose checksum is made to match, so the check after it is the one that speaks. */
const resealed = (body: unknown) => writeBundle(body as BundleBody);
/** A bundle changed after export: the header still names the checksum of the original. */
const tampered = (body: BundleBody, change: (body: BundleBody) => unknown) =>
  `{"checksum":"${/sha256:[0-9a-f]{64}/.exec(writeBundle(body))![0]}",${JSON.stringify(change(body)).slice(1)}`;

type Row = [name: string, content: (body: BundleBody) => string | Uint8Array, message: RegExp];

const HOSTILE: Row[] = [
  ['empty file', () => '', /is empty/],
  ['not JSON', () => 'hello', /not valid JSON/],
  ['truncated bundle', (b) => writeBundle(b).slice(0, 400), /not valid JSON \(line \d+, column \d+\)/],
  ['JSON but nothing known', () => '{"hello": "world"}', /cannot tell what kind of annotation file/],
  ['a JSON string', () => '"just text"', /cannot tell what kind/],
  ['a JSON number', () => '42', /cannot tell what kind/],
  ['null', () => 'null', /cannot tell what kind/],
  ['an empty list', () => '[]', /cannot tell what kind/],
  ['bundle of a newer version', (b) => JSON.stringify({ ...b, version: 2 }), /newer Marginalia \(bundle version 2/],
  ['bundle of an unknown version', (b) => JSON.stringify({ ...b, version: 'one' }), /version \("one"\) is not one Marginalia knows/],
  ['bundle without checksum', (b) => JSON.stringify(b), /has no checksum/],
  ['tampered comment', (b) => tampered(b, (x) => ({ ...x, annotations: x.annotations.map((a) => ({ ...a, comment: 'Changed on the way' })) })), /checksum does not match/],
  ['tampered title', (b) => tampered(b, (x) => ({ ...x, articles: x.articles.map((a) => ({ ...a, title: 'Other' })) })), /checksum does not match/],
  ['reformatted by hand', (b) => tampered(b, (x) => x).replace(/,"format"/, ', "format"'), /checksum does not match/],
  ['a checksum that is not one', (b) => `{"checksum":"sha256:00",${JSON.stringify(b).slice(1)}`, /has no checksum/],
  ['article id with ../', (b) => resealed({ ...b, articles: b.articles.map((a) => ({ ...a, id: '../../etc/passwd' })) }), /damaged or was edited by hand: articles\.0\.id/],
  ['highlight id with a slash', (b) => resealed({ ...b, annotations: b.annotations.map((a) => ({ ...a, id: 'ann_abc/def' })) }), /annotations\.0\.id/],
  ['title of the wrong type', (b) => resealed({ ...b, articles: b.articles.map((a) => ({ ...a, title: 42 })) }), /articles\.0\.title/],
  ['position that is not a number', (b) => resealed({ ...b, annotations: b.annotations.map((a) => ({ ...a, target: { ...a.target, position: { start: 'x', end: 3 } } })) }), /position\.start/],
  ['position end before start', (b) => resealed({ ...b, annotations: b.annotations.map((a) => ({ ...a, target: { ...a.target, position: { start: 9, end: 3 } } })) }), /position\.end must be after position\.start/],
  ['unknown colour', (b) => resealed({ ...b, annotations: b.annotations.map((a) => ({ ...a, color: 'infrared' })) }), /colour must be one of/],
  ['a timestamp that is not one', (b) => resealed({ ...b, exportedAt: 'yesterday' }), /exportedAt/],
  ['an unknown field', (b) => resealed({ ...b, extra: true }), /unrecognized key|"extra"/i],
  ['a quote longer than a highlight may be', (b) => resealed({ ...b, annotations: b.annotations.map((a) => ({ ...a, target: { ...a.target, quote: { ...a.target.quote, exact: 'x'.repeat(20_001) } } })) }), /quote is longer than 20000/],
  ['the same highlight twice', (b) => resealed({ ...b, annotations: [...b.annotations, ...b.annotations] }), /holds highlight ann_\w+ twice/],
  ['a link that is not a web address', (b) => resealed({ ...b, articles: b.articles.map((a) => ({ ...a, doc: { blocks: [{ type: 'paragraph', children: [{ type: 'link', href: 'javascript:alert(1)', children: [] }] }] } })) }), /articles\.0\.doc/],
  ['a revision id that is not one', (b) => resealed({ ...b, annotations: b.annotations.map((a) => ({ ...a, rev: '../x' })) }), /revision id must look like/],
  ['a deletion of an unknown kind', (b) => resealed({ ...b, deletions: [{ kind: 'tag', id: 'x', rev: '1-abcd', revs: [], deletedAt: b.exportedAt }] }), /deletions\.0\.kind/],
  ['W3C collection whose pages are elsewhere', () => JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: 'https://example.org/page/1' }), /page/i],
  ['Hypothesis export with a wrong list', () => JSON.stringify({ annotations: 'none' }), /Hypothesis|annotations/],
  ['a zip that is not a project', () => zipSync({ 'readme.txt': strToU8('hello') }), /no project\.qde/],
  ['a project that is not XML', () => zipSync({ 'project.qde': strToU8('<Project') }), /not well-formed|XML/i],
  ['an ATLAS.ti project with a code book and no documents', () => readFileSync(join(import.meta.dirname, '../../../../../shared/conformance/refi-qda/samples/atlas-ti-project.qdpx')), /holds no sources \(only a code book of 3 codes\): there is nothing to import/],
  ['a zip cut short', () => zipSync({ 'project.qde': strToU8('<Project/>') }).slice(0, 20), /zip|\.qdpx/i],
];

describe('a file that cannot be imported', () => {
  it.each(HOSTILE)('%s: changes nothing and says why', async (_name, content, message) => {
    const body = await sampleBundle();
    const ben = await colleague('ben');
    await valueOf(ben.api.importArticle({ format: 'text', content: 'Ben’s own article, which must stay as it is.', title: 'Mine' }));
    const records = await recordsOf(ben.api);
    await ben.notebook.flush();
    const before = await folderBytes(ben.dir);

    const answer = await ben.api.importExchange({ fileName: 'colleague.marginalia.json', content: base64(content(body)) });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toMatch(message);
    await ben.notebook.flush();
    expect(await folderBytes(ben.dir)).toEqual(before);
    expect(await recordsOf(ben.api)).toEqual(records);
    await ben.notebook.close();
  });

  it('keeps script in titles and comments as text', async () => {
    const body = await sampleBundle();
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const ben = await colleague('ben');
    await importFile(ben.api, 'colleague.marginalia.json', resealed({ ...body, articles: body.articles.map((a) => ({ ...a, title: hostile })), annotations: body.annotations.map((a) => ({ ...a, comment: hostile })) }));
    const records = await recordsOf(ben.api);
    expect(records.articles[0]!.title).toBe(hostile);
    expect(records.annotations[0]!.comment).toBe(hostile);
    await ben.notebook.close();
  });
});
