/**
 * The reader paints exactly the article's canonical text: its `[data-block]` elements, in
 * order and joined by a blank line, read the same as the `text` the API stores selectors
 * against. If they drift apart, highlights land on the wrong words.
 */
import type { ArticleView } from '../src-main/common/model';
import { expect, test, type App } from './fixtures';
import { addArticle, articleButton, paintedText, readerArticle } from './support/library-ui';

async function storedArticle(app: App, titlePart: string): Promise<ArticleView> {
  const list = await app.api('listArticles', {});
  if (!list.ok) throw new Error(list.error.message);
  const meta = list.value.find((article) => article.title.includes(titlePart));
  if (!meta) throw new Error(`No article titled like "${titlePart}" in ${JSON.stringify(list.value.map((a) => a.title))}`);
  const view = await app.api('getArticle', { id: meta.id });
  if (!view.ok) throw new Error(view.error.message);
  return view.value;
}

async function expectPaintedAsStored(app: App, titlePart: string): Promise<void> {
  const stored = await storedArticle(app, titlePart);
  await articleButton(app.page, titlePart).click();
  await expect(readerArticle(app.page).locator('[data-block]').first()).toBeVisible();
  await expect.poll(() => paintedText(app.page)).toBe(stored.text);
}

test('the sample article paints its canonical text block for block', async ({ app }) => {
  await expectPaintedAsStored(app, 'Japan');
});

test('a pasted Markdown article paints its canonical text block for block', async ({ app }) => {
  const markdown = [
    '# The “2+2” talks — a summary',
    '',
    'Austin called it *“the most significant change”* since the **creation** of USFJ, and `INDOPACOM` keeps control.',
    'A second line of the same paragraph,   with  extra   spaces.',
    '',
    '> We are standing at a historic turning point.',
    '',
    '1. Command upgrade',
    '2. Missile production — Patriot and *AMRAAM*',
    '   - nested: co-production in Japan',
    '',
    'A line ends here  ',
    'and a hard break continues it; see [the report](https://example.org/report).',
    '',
    '```',
    'code   keeps   its spaces',
    '  and indentation',
    '```',
    '',
    '| Who | Role |',
    '| --- | ---- |',
    '| Kamikawa | Foreign Minister |',
    '| Kihara | Defense Minister |',
    '',
    'Café, naïve, Zürich: non-ASCII stays as written.',
  ].join('\n');
  await addArticle(app.page, { title: 'Markdown with every kind of block', format: 'Markdown', text: markdown });
  await expectPaintedAsStored(app, 'Markdown with every kind of block');
});

test('a pasted plain-text article with untidy spacing paints its canonical text', async ({ app }) => {
  const text = '  First paragraph,\twith a tab and   runs of spaces.  \r\n\r\n\r\nSecond paragraph\nwrapped onto two lines.\n\n\n   Third — “quoted” — paragraph.   ';
  await addArticle(app.page, { title: 'Untidy plain text', format: 'Plain text', text });
  await expectPaintedAsStored(app, 'Untidy plain text');
});
