/**
 * Research, as a student or researcher does it on the sample article: highlight passages,
 * make one a claim, write notes that contradict and support it, see the tally in the claims
 * view, jump from a note to the exact passage, tag and rename a tag, and find everything again
 * after a reload and a restart.
 */
import { expect, test, type App } from './fixtures';
import { dragSelect, highlightCard, marks, selectionToolbar } from './support/highlights-ui';
import { addArticle, libraryPane, margin, openArticle, reader } from './support/library-ui';
import { addTag, claimCardInMargin, claimsView, notePane, notesList, showSection, writeNoteOnClaim } from './support/research-ui';

const CLAIM = 'has no commanding authority';

async function openSample(app: App): Promise<void> {
  await openArticle(app.page, 'Japan', 'Kamikawa');
}

/** Checks the claims view shows the claim with one supporting and one contradicting note. */
async function expectTally(app: App): Promise<void> {
  const { page } = app;
  await libraryPane(page).getByRole('button', { name: 'Claims' }).click();
  const card = claimsView(page).getByRole('article', { name: CLAIM });
  await expect(card.getByLabel('Notes on this claim')).toHaveText(/1 supports\s*1 contradicts\s*0 questions/);
  await expect(card.getByRole('region', { name: 'Supporting notes' })).toContainText('A real step towards joint command');
  await expect(card.getByRole('region', { name: 'Contradicting notes' })).toContainText('Command stays in Hawaii');
  await expect(card.getByRole('list', { name: 'Evidence' })).toContainText('Japan and U.S. agree');
}

test('a claim argued both ways: notes, tally, jump to the passage, tag rename, reload and restart', async ({ app }) => {
  // A whole research session with a reload and a restart: longer than one interaction.
  test.setTimeout(120_000);
  const { page } = app;
  await openSample(app);
  await dragSelect(page, 'historic turning point');
  await page.keyboard.press('h');
  await dragSelect(page, CLAIM);
  await page.keyboard.press('c');
  await expect(marks(page)).toHaveText([CLAIM, 'historic turning point']);
  await expect(claimCardInMargin(page, CLAIM)).toBeVisible();

  await writeNoteOnClaim(page, CLAIM, 'contradicts', 'Command stays in Hawaii', 'Orders still come from **INDOPACOM**.');
  await notePane(page).getByRole('button', { name: 'Back to reading' }).click();
  await writeNoteOnClaim(page, CLAIM, 'supports', 'A real step towards joint command', 'Officials call it a historic turning point.');
  await notePane(page).getByRole('button', { name: 'Back to reading' }).click();
  await expect(claimCardInMargin(page, CLAIM)).toContainText('1 supports · 1 contradicts');

  await expectTally(app);
  // Contested: supported and contradicted; it has evidence, so "No evidence" hides it.
  await claimsView(page).getByRole('radio', { name: 'Contested' }).check();
  await expect(claimsView(page).getByRole('article', { name: CLAIM })).toBeVisible();
  await claimsView(page).getByRole('radio', { name: 'No evidence' }).check();
  await expect(claimsView(page)).toContainText('No claim matches these filters.');
  await claimsView(page).getByRole('radio', { name: 'All' }).check();

  // From the note, the link chip jumps to the exact passage in the reader.
  await showSection(page, 'Notes');
  await notesList(page).getByRole('button', { name: /Command stays in Hawaii/ }).click();
  await notePane(page).getByRole('button', { name: new RegExp(`^Claim ${CLAIM}`) }).click();
  const passage = marks(page).filter({ hasText: CLAIM });
  await expect(passage).toHaveClass(/hl-flash/);
  await expect(passage).toBeInViewport();

  // Tag the claim, then rename the tag's parent everywhere at once.
  await addTag(claimCardInMargin(page, CLAIM), 'Tags for this claim', 'security/command');
  await showSection(page, 'Tags');
  await libraryPane(page).getByRole('button', { name: 'Rename tag security', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename tag “security”' });
  await dialog.getByRole('textbox', { name: 'New name' }).fill('defence');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
  await expect(claimCardInMargin(page, CLAIM).getByRole('list', { name: 'Tags for this claim' })).toHaveText('defence/command');
  await expect(libraryPane(page).getByRole('list', { name: 'Tags' })).toContainText('defence');

  for (const again of [() => page.reload(), () => app.restart()]) {
    await again();
    const current = app.page;
    await showSection(current, 'Articles');
    await openArticle(current, 'Japan', 'Kamikawa');
    await expect(marks(current)).toHaveText([CLAIM, 'historic turning point']);
    await expect(claimCardInMargin(current, CLAIM).getByRole('list', { name: 'Tags for this claim' })).toHaveText('defence/command');
    await expectTally(app);
    await showSection(current, 'Notes');
    await expect(notesList(current).getByRole('listitem')).toHaveCount(2);
  }
});

test('Note (n) on a selection starts a linked note; typing survives an immediate reload', async ({ app }) => {
  const { page } = app;
  await openSample(app);
  await dragSelect(page, 'U.S. Forces Japan');
  await expect(selectionToolbar(page)).toBeVisible();
  await page.keyboard.press('n');
  const note = notePane(page);
  await expect(note.getByRole('textbox', { name: 'Note title' })).toHaveValue('On “U.S. Forces Japan”');
  await expect(note.getByRole('button', { name: /^Passage U\.S\. Forces Japan/ })).toBeVisible();
  await expect(note.getByRole('combobox', { name: /^Relation to passage/ })).toHaveValue('context');

  await note.getByRole('textbox', { name: 'Note text' }).click();
  await page.keyboard.type('Unsaved thought');
  // Reload at once, before the autosave's pause has passed.
  await page.reload();
  await showSection(page, 'Notes');
  await notesList(page).getByRole('button', { name: /U\.S\. Forces Japan/ }).click();
  await expect(notePane(page).getByRole('textbox', { name: 'Note text' })).toHaveValue('Unsaved thought');
  await expect(notePane(page).getByRole('status')).toHaveText('Saved');
  const notes = await app.api('listNotes', {});
  const id = notes.ok ? notes.value[0]!.id : '';
  const saved = await app.api('getNote', { id });
  expect(saved.ok && saved.value.body).toBe('Unsaved thought');

  // The highlight's card lists the note under "Cited by", and opens it.
  await showSection(page, 'Articles');
  await openSample(app);
  await highlightCard(page, 'U.S. Forces Japan').getByRole('button', { name: /On “U\.S\. Forces Japan” — context/ }).click();
  await expect(notePane(page).getByRole('textbox', { name: 'Note title' })).toHaveValue('On “U.S. Forces Japan”');
});

test('evidence from a second article, tag autocomplete, and the tag filter over margin and claims', async ({ app }) => {
  const { page } = app;
  await openSample(app);
  await dragSelect(page, CLAIM);
  await page.keyboard.press('c');
  await addTag(claimCardInMargin(page, CLAIM), 'Tags for this claim', 'region/east-asia');
  await dragSelect(page, 'historic turning point');
  await page.keyboard.press('h');

  await addArticle(page, { format: 'Plain text', text: 'Critics say the new headquarters still lacks any command authority over US troops.', title: 'A sceptical view' });
  await dragSelect(page, 'still lacks any command authority');
  await selectionToolbar(page).getByRole('button', { name: 'Evidence' }).click();
  await page.getByRole('menu', { name: 'Add as evidence for' }).getByRole('menuitem', { name: CLAIM }).click();
  await expect(marks(page)).toHaveText(['still lacks any command authority']);

  await libraryPane(page).getByRole('button', { name: 'Claims' }).click();
  const evidence = claimsView(page).getByRole('article', { name: CLAIM }).getByRole('list', { name: 'Evidence' }).getByRole('listitem');
  await expect(evidence).toHaveCount(2);
  await expect(evidence.nth(1)).toContainText('A sceptical view');
  await evidence.nth(0).getByRole('button', { name: /^has no commanding authority/ }).click();
  await expect(reader(page)).toBeVisible();
  await expect(marks(page).filter({ hasText: CLAIM })).toHaveClass(/hl-flash/);

  // Autocomplete offers the existing tag as the person types part of it.
  const card = highlightCard(page, 'historic turning point');
  const field = card.getByRole('combobox', { name: 'Add a tag (Tags for this highlight)' });
  await field.click();
  await field.pressSequentially('east');
  await expect(card.getByRole('option', { name: 'region/east-asia' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(card.getByRole('list', { name: 'Tags for this highlight' })).toHaveText('region/east-asia');

  // Filtering by the parent tag keeps what is tagged below it, in the margin and the claims.
  await dragSelect(page, 'U.S. Forces Japan');
  await page.keyboard.press('h');
  await showSection(page, 'Tags');
  await libraryPane(page).getByRole('button', { name: /^Filter by region:/ }).click();
  await expect(margin(page).getByRole('list', { name: 'Highlights' }).getByRole('article')).toHaveCount(2);
  await expect(margin(page)).toContainText('Showing 2 of 3 highlights, tagged region.');
  await libraryPane(page).getByRole('button', { name: 'Claims' }).click();
  await expect(claimsView(page).getByRole('article')).toHaveCount(1);
  await libraryPane(page).getByRole('button', { name: 'Clear the filter region' }).click();
  await expect(margin(page).getByRole('list', { name: 'Highlights' }).getByRole('article')).toHaveCount(3);
});
