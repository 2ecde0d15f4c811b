/**
 * Two windows on one notebook stay in step without a reload: what one does — a highlight, a
 * comment, an undo, a new article, a note — appears in the other through the change feed.
 */
import { expect, test } from './fixtures';
import { dragSelect, highlightCard, marks } from './support/highlights-ui';
import { addArticle, articleButton, openArticle } from './support/library-ui';
import { notesList, showSection } from './support/research-ui';

test('a highlight, a comment, an undo and a new article made in one tab appear in the other', async ({ app }) => {
  const second = await app.openSecondWindow();
  test.skip(second === undefined, 'The desktop app shows one window per notebook.');
  const first = app.page;
  const other = second!;
  await openArticle(first, 'Japan', 'Kamikawa');
  await openArticle(other, 'Japan', 'Kamikawa');

  await dragSelect(first, 'historic turning point');
  await first.keyboard.press('h');
  await expect(marks(other)).toHaveText(['historic turning point']);
  const card = highlightCard(other, 'historic turning point');
  await expect(card).toBeVisible();

  await card.getByRole('button', { name: 'Add comment' }).click();
  await card.getByRole('textbox', { name: 'Comment' }).fill('A turning point for whom?');
  await other.keyboard.press('Control+Enter');
  await expect(highlightCard(first, 'historic turning point')).toContainText('A turning point for whom?');
  await expect(first.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Edit comment/);

  // Undo in the first tab takes the comment back in both.
  await first.keyboard.press('Control+z');
  await expect(highlightCard(other, 'historic turning point')).not.toContainText('A turning point for whom?');

  await addArticle(other, { title: 'Harbour notes', format: 'Plain text', text: 'Harbours shelter ships from storms.' });
  await expect(articleButton(first, 'Harbour notes')).toBeVisible();

  await showSection(first, 'Notes');
  await showSection(other, 'Notes');
  await first.getByRole('button', { name: 'New note' }).click();
  await expect(notesList(other)).toContainText('Untitled note');
});
