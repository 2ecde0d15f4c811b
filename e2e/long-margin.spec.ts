/**
 * A long article with many highlights: the margin holds only the cards near its viewport,
 * scrolling it brings the later cards in, and clicking a passage near the end of the article
 * brings its card into view as the current one.
 */
import { expect, test, type App } from './fixtures';
import { highlightCard, marks } from './support/highlights-ui';
import { margin, openArticle, reader } from './support/library-ui';

const PARAGRAPHS = 150;
const TITLE = 'Harbour log, one entry a day';
const lead = (n: number) => `Entry ${n} begins`;

/** An article of 150 paragraphs, each with its opening words highlighted, made through the API. */
async function seedLongArticle(app: App): Promise<void> {
  const content = Array.from({ length: PARAGRAPHS }, (_, i) => `${lead(i + 1)} at the harbour, where the herons waited for the tide and the boats.`).join('\n\n');
  const made = await app.api('importArticle', { format: 'text', content, title: TITLE });
  if (!made.ok) throw new Error(made.error.message);
  const article = await app.api('getArticle', { id: made.value.id });
  if (!article.ok) throw new Error(article.error.message);
  const { text } = article.value;
  for (let n = 1; n <= PARAGRAPHS; n += 1) {
    const exact = lead(n);
    const start = text.indexOf(`${exact} at`);
    const end = start + exact.length;
    const answer = await app.api('createAnnotation', {
      articleId: made.value.id,
      target: { quote: { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) }, position: { start, end } },
      color: 'yellow',
    });
    if (!answer.ok) throw new Error(answer.error.message);
  }
  await app.page.reload();
}

/** The margin's card elements in the page (not only the visible ones). */
const cardsInPage = (app: App) => margin(app.page).getByRole('list', { name: 'Highlights' }).getByRole('article');

test('150 highlights: the margin holds a few cards, scrolling it brings the last ones, a passage at the end selects its card', async ({ app }) => {
  // Seeding 150 highlights through the API is most of this test's time.
  test.setTimeout(120_000);
  const { page } = app;
  await seedLongArticle(app);
  await openArticle(page, TITLE, lead(1));
  await expect(marks(page)).toHaveCount(PARAGRAPHS);
  await expect(highlightCard(page, lead(1))).toBeVisible();
  const held = await cardsInPage(app).count();
  expect(held).toBeGreaterThan(0);
  expect(held).toBeLessThan(PARAGRAPHS / 5);
  await expect(highlightCard(page, lead(PARAGRAPHS))).toHaveCount(0);

  // Scroll the margin with the wheel until the last card shows.
  await margin(page).hover();
  const last = highlightCard(page, lead(PARAGRAPHS));
  await expect(async () => {
    await page.mouse.wheel(0, 2_000);
    await expect(last).toBeInViewport({ timeout: 500 });
  }).toPass();
  await expect(highlightCard(page, lead(1))).toHaveCount(0);
  expect(await cardsInPage(app).count()).toBeLessThan(PARAGRAPHS / 5);
  await expect(last.locator('xpath=..')).toHaveAttribute('aria-posinset', String(PARAGRAPHS));

  // Back to the top of the margin, then a passage near the end of the article, clicked.
  await margin(page).evaluate((pane) => pane.scrollTo({ top: 0 }));
  await expect(highlightCard(page, lead(1))).toBeVisible();
  const target = PARAGRAPHS - 3;
  const mark = reader(page).locator('mark', { hasText: lead(target) });
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  const card = highlightCard(page, lead(target));
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(card).toBeInViewport();
  await expect(highlightCard(page, lead(1))).toHaveCount(0);

  // Its quote button goes back to the passage, which flashes.
  await card.getByRole('button', { name: lead(target) }).click();
  await expect(mark).toHaveClass(/hl-flash/);
});
