/**
 * Highlights as a user makes them: drag the mouse over the words, use the selection toolbar,
 * the margin's cards. Names used here are the UI's contract with the specs.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { margin, reader } from './library-ui';

export const selectionToolbar = (page: Page): Locator => page.getByRole('toolbar', { name: 'Selection' });
export const marks = (page: Page): Locator => reader(page).locator('mark[data-annotation-id]');
export const highlightCard = (page: Page, quote: string): Locator => margin(page).getByRole('article', { name: quote });

/**
 * Where the `nth` occurrence of `phrase` starts and ends on screen, in the reader's article
 * body: the middle of the left edge of its first character and of the right edge of its last.
 */
async function phraseEnds(page: Page, phrase: string, nth: number) {
  const ends = await reader(page)
    .locator('.article-body')
    .evaluate(
      (body, { phrase, nth }) => {
        // Text nodes with their offsets in the body's text, to find a phrase across nodes.
        const nodes: { node: Text; start: number }[] = [];
        let text = '';
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          nodes.push({ node, start: text.length });
          text += node.data;
        }
        let index = -1;
        for (let seen = 0; seen <= nth; seen += 1) {
          index = text.indexOf(phrase, index + 1);
          if (index < 0) return null;
        }
        const at = (offset: number): [Text, number] => {
          const holder = [...nodes].reverse().find((entry) => entry.start <= offset)!;
          return [holder.node, offset - holder.start];
        };
        const charBox = (offset: number) => {
          const range = document.createRange();
          range.setStart(...at(offset));
          range.setEnd(...at(offset + 1));
          const box = range.getClientRects()[0] ?? range.getBoundingClientRect();
          return { left: box.left, right: box.right, middle: box.top + box.height / 2 };
        };
        const range = document.createRange();
        range.setStart(...at(index));
        range.setEnd(...at(index + phrase.length));
        range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
        const first = charBox(index);
        const last = charBox(index + phrase.length - 1);
        return { from: { x: first.left + 1, y: first.middle }, to: { x: last.right - 1, y: last.middle } };
      },
      { phrase, nth },
    );
  if (!ends) throw new Error(`"${phrase}" (occurrence ${nth + 1}) is not in the reader`);
  return ends;
}

/** Selects the words by pressing the mouse before the first letter and dragging past the last. */
export async function dragSelect(page: Page, phrase: string, nth = 0): Promise<void> {
  // Measured until two readings agree, so a pane still settling (a card just added, a scroll)
  // cannot move the words from under the pointer.
  // The bundled fonts change line breaks when they arrive; measure after them.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  let ends = await phraseEnds(page, phrase, nth);
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const again = await phraseEnds(page, phrase, nth);
    if (JSON.stringify(again) === JSON.stringify(ends)) break;
    ends = again;
  }
  const { from, to } = ends;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString().trim())).toBe(phrase);
}

/** The text of every painted mark, in document order. */
export async function markTexts(page: Page): Promise<string[]> {
  return marks(page).allTextContents();
}
