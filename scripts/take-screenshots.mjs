/* global document, window, NodeFilter, requestAnimationFrame -- these run inside the page, through page.evaluate */
// Screenshots of the real UI in browser mode, light and dark, for review and for the README.
// Usage: npm run build && node scripts/take-screenshots.mjs [outDir]
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startBrowserMode } from './browser-mode.mjs';

const outDir = process.argv[2] ?? '.tmp/screenshots';
mkdirSync(outDir, { recursive: true });
const notebookDir = mkdtempSync(join(tmpdir(), 'marginalia-shots-'));
const server = await startBrowserMode(notebookDir);
const { url } = server;
/** A colleague's bundle with a conflicting edit, made once (light) and imported through the UI; dark replays its summary. */
let colleagueBundle;
let colleagueSummary;
const { browser, home: browserHome } = await launchChromium();
// A step that fails must not leave the server running and the script waiting on it.
process.on('uncaughtException', (error) => {
  console.error(error);
  void server.stop().finally(() => process.exit(1));
});

const LONG_TITLE = 'A remarkably long title about alliance command structures, extended deterrence and missile co-production in the Indo-Pacific that will not fit';
const MARKDOWN = `# Notes on extended deterrence

Extended deterrence is the commitment of a state to deter attacks on its *allies*, not only on itself. The **credibility** of that commitment is the recurring question.

## What changed in 2024

- The U.S. Forces Japan headquarters is to become a **joint force headquarters**.
- Licensed production of missiles in Japan is to grow.

> “We are standing at a historic turning point,” Kamikawa said.

| Minister | Country |
| --- | --- |
| Kamikawa | Japan |
| Blinken | United States |

See [the joint statement](https://www.state.gov/) for the full text.`;

/** Selects a phrase in the reader (as a drag would) so the keyboard can highlight it. */
async function selectPhrase(page, phrase) {
  await page.locator('.article-body').evaluate((body, phrase) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(phrase);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      node.parentElement.scrollIntoView({ block: 'center' });
      return;
    }
    throw new Error(`not found: ${phrase}`);
  }, phrase);
  // selectionchange is a queued task: let it reach the app, as it would before a person's key press.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
}

const HIGHLIGHTS = [
  ['1', 'upgrading the command and control of U.S. forces'],
  ['2', 'more than 50,000 U.S. troops'],
  ['4', 'has no commanding authority'],
  ['5', 'the greatest strategic challenge'],
];

const CONFLICT_QUOTE = 'more than 50,000 U.S. troops';

/**
 * A colleague's notebook (a second host) that merged this one's bundle, then edited the same
 * highlight's comment as this one did, wrote a note and sent a bundle back: its import makes
 * a note added and the comment kept as a conflict.
 */
async function makeColleagueBundle() {
  const colleagueDir = mkdtempSync(join(tmpdir(), 'marginalia-shots-colleague-'));
  const colleague = await startBrowserMode(colleagueDir);
  try {
    // The colleague's notebook starts with the same sample record: this notebook's highlights land in it.
    const mine = await server.call('exportReport', { format: 'bundle' });
    await colleague.call('importExchange', { fileName: 'mine.marginalia.json', content: Buffer.from(mine.content, 'utf8').toString('base64') });
    const sample = (await server.call('listArticles', {})).find((article) => article.title.startsWith('Japan'));
    const highlight = (await server.call('listAnnotations', { articleId: sample.id })).find((a) => a.target.quote.exact === CONFLICT_QUOTE);
    await colleague.call('updateAnnotation', { id: highlight.id, comment: 'Counted with the **civilian staff**? The 2023 figure was 54,000.', tags: ['forces', 'numbers'] });
    await colleague.call('createNote', { title: 'Troop numbers across the sources', body: 'Three sources, three figures.' });
    await server.call('updateAnnotation', { id: highlight.id, comment: 'About 54,000 — stable since 2020.' });
    const theirs = await colleague.call('exportReport', { format: 'bundle' });
    return { name: 'Kenji — notebook.marginalia.json', mimeType: 'application/json', buffer: Buffer.from(theirs.content, 'utf8') };
  } finally {
    await colleague.stop();
    rmSync(colleagueDir, { recursive: true, force: true });
  }
}

/** The export dialog with a bundle chosen, the import summary, and the conflict notice on a card. */
async function exchangeShots(page, shot) {
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await page.getByRole('main', { name: 'Reader' }).getByRole('button', { name: 'Export…' }).click();
  await exportDialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Notebook bundle (for another Marginalia)' });
  await exportDialog.locator('pre[aria-label="Preview"]').waitFor();
  await exportDialog.locator('section.export-preview:not([aria-busy])').waitFor();
  await shot('17-export-bundle');
  await exportDialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'REFI-QDA project (NVivo, ATLAS.ti, MAXQDA)' });
  await exportDialog.getByRole('checkbox', { name: 'Also code highlights by colour meaning' }).waitFor();
  await exportDialog.locator('section.export-preview:not([aria-busy])').waitFor();
  await shot('18-export-qdpx');
  await exportDialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'Markdown' });
  await exportDialog.getByRole('button', { name: 'Cancel' }).click();

  colleagueBundle ??= await makeColleagueBundle();
  // The second pass would find the bundle merged already: it is shown the first pass's summary.
  if (colleagueSummary) {
    await page.route('**/api/importExchange', (route) => route.fulfill({ contentType: 'application/json', body: colleagueSummary }));
  }
  const answered = page.waitForResponse('**/api/importExchange');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import bundle or annotations…' }).click();
  await (await chooser).setFiles(colleagueBundle);
  colleagueSummary ??= await (await answered).text();
  const summary = page.getByRole('dialog', { name: 'Import bundle or annotations' });
  await summary.getByRole('heading', { level: 3 }).waitFor();
  await shot('19-import-summary');
  await summary.getByRole('button', { name: 'Done' }).click();
  await page.unrouteAll();

  await page.getByRole('complementary', { name: 'Library' }).getByRole('button').filter({ hasText: 'Japan' }).first().click();
  const card = page.getByRole('complementary', { name: 'Margin' }).getByRole('article', { name: CONFLICT_QUOTE });
  await card.scrollIntoViewIfNeeded();
  await card.getByRole('region', { name: /^Also edited elsewhere/ }).waitFor();
  await shot('20-conflict-notice');
  await card.getByRole('button', { name: /^Show the other version/ }).click();
  await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await shot('21-conflict-shown');
  await card.getByRole('button', { name: /^Hide the other version/ }).click();
}

for (const scheme of ['light', 'dark']) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
  page.setDefaultTimeout(15_000);
  const shot = (name) => page.screenshot({ path: join(outDir, `${scheme}-${name}.png`) });
  await page.goto(url);
  const library = page.getByRole('complementary', { name: 'Library' });
  await library.getByRole('button').filter({ hasText: 'Japan' }).first().waitFor();
  await shot('01-start');
  await library.getByRole('button').filter({ hasText: 'Japan' }).first().click();
  await page.locator('article [data-block]').first().waitFor();
  await shot('02-sample-open');
  if (scheme === 'light') {
    for (const [key, phrase] of HIGHLIGHTS) {
      await selectPhrase(page, phrase);
      await page.keyboard.press(key);
      await page.keyboard.press('h');
      await page.locator('mark', { hasText: phrase.split(' ').at(-1) }).first().waitFor();
    }
    // One passage made a claim (c), painted with a bracket and a statement on its card.
    await selectPhrase(page, 'instructions come from the U.S. Indo-Pacific Command in Hawaii');
    await page.keyboard.press('c');
    await page.locator('mark.is-claim').first().waitFor();
    await page.evaluate(() => window.getSelection().removeAllRanges());
  }
  await page.getByRole('main', { name: 'Reader' }).evaluate((main) => main.scrollTo({ top: 0 }));
  await shot('09-highlights');
  if (scheme === 'light') {
    // Research: tag the claim, argue with it in two notes, then look at the claims view.
    const margin = page.getByRole('complementary', { name: 'Margin' });
    const claimCard = margin.locator('article.card-is-claim').first();
    await claimCard.getByRole('combobox', { name: 'Add a tag (Tags for this claim)' }).fill('alliance/command');
    await page.keyboard.press('Enter');
    const notePane = page.getByRole('main', { name: 'Note' });
    for (const [relation, title, body] of [
      ['contradicts', 'Command stays in Hawaii', 'The upgrade gives USFJ **no operational command**: orders still come from INDOPACOM.\n\n- See the Pentagon briefing\n- Compare the 2015 guidelines'],
      ['supports', 'A real step towards joint command', 'Japanese officials call it a *historic turning point*.'],
    ]) {
      await claimCard.getByRole('button', { name: 'Note on the claim' }).click();
      await page.getByRole('menuitem', { name: `Note that ${relation} it` }).click();
      await notePane.getByRole('textbox', { name: 'Note title' }).fill(title);
      await notePane.getByRole('textbox', { name: 'Note text' }).fill(body);
      await notePane.getByText('Saved', { exact: true }).waitFor();
      await shot(`11-note-${relation}`);
      await notePane.getByRole('button', { name: 'Back to reading' }).click();
    }
  }
  await library.getByRole('button', { name: 'Claims' }).click();
  await page.getByRole('main', { name: 'Claims' }).waitFor();
  await shot('10-claims');
  await library.getByRole('tab', { name: 'Notes' }).click();
  await library.getByRole('list', { name: 'Notes' }).getByRole('button').first().click();
  await shot('11-note');
  await library.getByRole('tab', { name: 'Tags' }).click();
  await library.getByRole('button', { name: /^Filter by alliance:/ }).click();
  await shot('12-tags-filter');
  await library.getByRole('button', { name: /^Filter by alliance:/ }).click();
  await library.getByRole('tab', { name: 'Articles' }).click();
  await library.getByRole('button').filter({ hasText: 'Japan' }).first().click();
  if (scheme === 'light') {
    await page.getByRole('button', { name: 'New article' }).click();
    const dialog = page.getByRole('dialog', { name: 'New article' });
    await dialog.getByRole('radio', { name: 'Markdown' }).check();
    await dialog.getByRole('textbox', { name: 'Article text' }).fill(MARKDOWN);
    await dialog.getByRole('textbox', { name: 'Source (optional)' }).fill('Reading notes');
    await shot('03-new-article');
    await dialog.getByRole('button', { name: 'Add to library' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notes on extended deterrence' }).waitFor();
    await shot('04-markdown-article');
    await page.getByRole('button', { name: 'New article' }).click();
    await dialog.getByRole('textbox', { name: 'Title' }).fill(LONG_TITLE);
    await dialog.getByRole('button', { name: 'Add to library' }).click();
    await dialog.getByRole('alert').waitFor();
    await shot('05-new-article-error');
    await dialog.getByRole('textbox', { name: 'Article text' }).fill('A short article with a very long title.');
    await dialog.getByRole('button', { name: 'Add to library' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'remarkably long' }).waitFor();
    await shot('06-long-title');
    await page.getByRole('button', { name: 'Rename article' }).click();
    await shot('07-rename');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Delete article' }).click();
    await shot('08-delete-dialog');
    await page.getByRole('dialog', { name: 'Delete article?' }).getByRole('button', { name: 'Cancel' }).click();
  } else {
    await library.getByRole('button').filter({ hasText: 'extended deterrence' }).first().click().catch(() => {});
    await shot('04-markdown-article');
  }
  // Export: the claims tagged alliance, by claim, previewed as HTML and as CSV, then saved with
  // its progress showing; then an article without highlights, whose export says why it cannot be made.
  await library.getByRole('tab', { name: 'Tags' }).click();
  await library.getByRole('button', { name: /^Filter by alliance:/ }).click();
  await library.getByRole('tab', { name: 'Articles' }).click();
  await library.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  const settled = exportDialog.locator('section.export-preview:not([aria-busy])');
  await exportDialog.getByRole('radio', { name: /^By claim/ }).check();
  await exportDialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'HTML (one file)' });
  await exportDialog.frameLocator('iframe[title="Preview"]').getByRole('heading', { level: 1 }).waitFor();
  await settled.waitFor();
  await shot('13-export-html');
  await exportDialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'CSV (one row per highlight)' });
  await exportDialog.locator('pre[aria-label="Preview"]').waitFor();
  await settled.waitFor();
  // From the keyboard, so the focus ring shows.
  await exportDialog.getByRole('radio', { name: /^By claim/ }).focus();
  await page.keyboard.press('Tab');
  await shot('14-export-csv');
  // A long export, as a notebook of 10,000 articles would make: the answer held back, the
  // progress as such an export reports it.
  let releaseExport;
  const held = new Promise((resolve) => (releaseExport = resolve));
  await page.route('**/api/exportReport', async (route) => {
    await held;
    await route.continue();
  });
  await page.route('**/api/exportProgress', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: { done: 120, total: 10_000 } }) }),
  );
  await exportDialog.getByRole('button', { name: 'Save' }).click();
  await exportDialog.getByText('Reading 120 of 10,000 articles…').waitFor();
  await shot('15-export-progress');
  releaseExport();
  await exportDialog.waitFor({ state: 'hidden' });
  await page.unrouteAll();
  await library.getByRole('button', { name: 'Clear the filter alliance' }).click();
  await page.getByRole('main', { name: 'Reader' }).getByRole('button', { name: 'Export…' }).click();
  await exportDialog.getByRole('button', { name: 'Save' }).click();
  await exportDialog.getByRole('alert').waitFor();
  await settled.waitFor();
  await shot('16-export-empty');
  await exportDialog.getByRole('button', { name: 'Cancel' }).click();
  await exchangeShots(page, shot);
  await page.close();
}
await browser.close();
await server.stop();
rmSync(notebookDir, { recursive: true, force: true });
rmSync(browserHome, { recursive: true, force: true });
process.stdout.write(`screenshots in ${outDir}\n`);
