// Screenshots of the library (sort and filter controls, multi-select bar, Edit details, and a
// library of 10,000 articles), light and dark, for design review.
// Usage: npm run build && node scripts/library-screenshots.mjs [outDir]
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startBrowserMode as serve } from './browser-mode.mjs';

const outDir = process.argv[2] ?? '.tmp/screenshots';
mkdirSync(outDir, { recursive: true });
const { browser, home: browserHome } = await launchChromium();
const folders = [browserHome];

function newNotebookDir() {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-library-shots-'));
  folders.push(dir);
  return dir;
}

const WORDS = ['alliance', 'treaty', 'missile', 'command', 'budget', 'talks', 'deterrence', 'coast guard', 'trade', 'summit', 'report', 'semiconductors'];
const SOURCES = ['Associated Press', 'Reuters', 'Nikkei Asia', 'Kyodo News', 'The Diplomat', 'Foreign Affairs'];

/**
 * A notebook of `count` articles, written straight into the folder as article files (the
 * store's source of truth): opening it rebuilds the index from them, as after a crash.
 */
async function bigNotebook(count) {
  const dir = newNotebookDir();
  const first = await serve(dir);
  await first.stop();
  const [sampleFile] = readdirSync(join(dir, 'articles'));
  const template = JSON.parse(readFileSync(join(dir, 'articles', sampleFile), 'utf8'));
  rmSync(join(dir, 'notebook.json'));
  let seed = 7;
  const random = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let index = 0; index < count; index += 1) {
    const id = `art_${index.toString(36).padStart(10, '0')}`;
    const title = Array.from({ length: 3 + random(6) }, () => WORDS[random(WORDS.length)]).join(' ');
    const article = {
      ...template.article,
      id,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      siteName: SOURCES[random(SOURCES.length)],
      publishedAt: `20${10 + random(15)}-0${1 + random(9)}-${String(1 + random(28)).padStart(2, '0')}`,
      createdAt: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString(),
      ...(random(3) === 0 ? { openedAt: '2024-08-01T10:00:00.000Z' } : {}),
    };
    writeFileSync(join(dir, 'articles', `${id}.json`), JSON.stringify({ ...template, article, annotations: [] }));
  }
  return dir;
}

// A small library with metadata, tags and a highlight or two.
const small = await serve(newNotebookDir());
const [sample] = await small.call('listArticles', {});
const view = await small.call('getArticle', { id: sample.id });
const at = view.text.indexOf('the greatest strategic challenge');
const exact = 'the greatest strategic challenge';
await small.call('createAnnotation', {
  articleId: sample.id,
  target: { quote: { exact, prefix: view.text.slice(Math.max(0, at - 32), at), suffix: view.text.slice(at + exact.length, at + exact.length + 32) }, position: { start: at, end: at + exact.length } },
});
const added = [];
for (const [title, siteName, publishedAt] of [
  ['Extended deterrence after the 2+2: what the joint force headquarters changes for command and control in the Indo-Pacific', 'Foreign Affairs', '2024-08-02'],
  ['Coast guard cooperation in the East China Sea', 'Nikkei Asia', '2024-06-11'],
  ['Semiconductor export controls, one year on', 'Reuters', '2023-10-17'],
  ['Budget hearings: missile co-production lines', 'Kyodo News', '2024-03-05'],
]) {
  const meta = await small.call('importArticle', { format: 'text', content: `${title}.\n\nNotes on the subject.`, title });
  await small.call('updateArticle', { id: meta.id, siteName, publishedAt, byline: 'Staff reporters' });
  added.push(meta.id);
}
await small.call('tagArticles', { ids: added.slice(1, 3), add: ['region/east-asia'] });

const big = await serve(await bigNotebook(10_000));

for (const scheme of ['light', 'dark']) {
  for (const [label, width] of [['', 1440], ['narrow-', 1024]]) {
    const page = await browser.newPage({ viewport: { width, height: 860 } });
    await page.emulateMedia({ colorScheme: scheme });
    const shot = (name) => page.screenshot({ path: join(outDir, `${scheme}-${label}library-${name}.png`) });
    const pane = page.getByRole('complementary', { name: 'Library' });
    await page.goto(small.url);
    await pane.getByRole('button').filter({ hasText: 'Japan' }).first().waitFor();
    await pane.getByRole('button').filter({ hasText: 'Japan' }).first().click();
    await page.locator('article [data-block]').first().waitFor();
    await pane.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Date published' });
    await pane.getByRole('button', { name: 'Filter' }).click();
    await pane.getByRole('checkbox', { name: 'Has highlights' }).check();
    await pane.getByRole('checkbox', { name: 'Has highlights' }).uncheck();
    await pane.getByRole('combobox', { name: 'Tag' }).selectOption('region');
    await shot('10-filters');
    await pane.getByRole('button', { name: /Remove filter Tag/ }).click();
    await pane.getByRole('button', { name: 'Filter' }).click();
    await pane.getByRole('button').filter({ hasText: 'Coast guard' }).click({ modifiers: ['ControlOrMeta'] });
    await pane.getByRole('button').filter({ hasText: 'Budget hearings' }).click({ modifiers: ['Shift'] });
    await shot('11-selection');
    await pane.getByRole('button', { name: 'Delete…' }).click();
    await shot('12-delete-selection');
    await page.keyboard.press('Escape');
    await pane.getByRole('button', { name: 'Add tag…' }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Tag' }).fill('region/');
    await shot('13-add-tag');
    await page.keyboard.press('Escape');
    await pane.getByRole('button', { name: 'Clear selection' }).click();
    await pane.getByRole('button').filter({ hasText: 'Extended deterrence' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Extended deterrence' }).waitFor();
    await page.getByRole('button', { name: 'Edit details…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit details' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill('foreignaffairs.com/deterrence');
    await dialog.getByRole('textbox', { name: 'Published' }).fill('2024-02-30');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/real date/).waitFor();
    await shot('14-edit-details');
    await page.keyboard.press('Escape');

    await page.goto(big.url);
    await pane.getByRole('listitem').first().waitFor({ timeout: 60_000 });
    await shot('15-ten-thousand');
    await page.locator('.article-scroller').evaluate((element) => (element.scrollTop = 5_000 * 58));
    await page.waitForTimeout(100);
    const rendered = await pane.getByRole('listitem').count();
    process.stdout.write(`${scheme} ${width}px: ${rendered} rows in the DOM of 10,000\n`);
    await shot('16-ten-thousand-scrolled');
    await page.close();
  }
}
await browser.close();
await small.stop();
await big.stop();
for (const dir of folders) rmSync(dir, { recursive: true, force: true });
process.stdout.write(`screenshots in ${outDir}\n`);
