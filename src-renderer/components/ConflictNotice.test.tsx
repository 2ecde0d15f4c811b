// @vitest-environment jsdom
/**
 * The conflict notice on a record: one quiet line per version edited elsewhere, named by its
 * date; Show lists what that version says where it differs; "Use this version" and Dismiss
 * send the person's choice for that version, and their names say what they act on.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { statusStore } from '../state/status-store';
import { resetStores } from '../test-support/reset-stores';
import { ConflictNotices, differingFields, versionDate, type FieldSpec } from './ConflictNotice';

const resolveConflict = vi.fn();
vi.mock('../notebook-client', () => ({ notebook: { resolveConflict: (arg: unknown) => resolveConflict(arg) }, browserToken: () => undefined }));

interface Highlight {
  comment: string;
  tags: string[];
  rev?: string;
  updatedAt: string;
}

const FIELDS: FieldSpec<Highlight>[] = [
  { label: 'Comment', read: (v) => v.comment, show: (v) => v.comment },
  { label: 'Tags', read: (v) => v.tags, show: (v) => v.tags.join(', ') },
];

const NOW: Highlight = { comment: 'Mine: the upgrade is symbolic.', tags: ['alliance'], rev: '3-aaaaaaaa', updatedAt: '2026-12-01T09:00:00.000Z' };
const THEIRS: Highlight = { comment: 'Theirs: the upgrade changes command.', tags: ['alliance'], rev: '3-bbbbbbbb', updatedAt: '2026-11-30T12:00:00.000Z' };
const SUBJECT = 'the highlight “historic turning point”';

function renderNotices(versions: Highlight[]) {
  render(<ConflictNotices kind="annotation" id="ann_aaaaaaaa" subject={SUBJECT} versions={versions} current={NOW} fields={FIELDS} />);
}

beforeEach(() => {
  resetStores();
  resolveConflict.mockReset();
  resolveConflict.mockResolvedValue({ ok: true, value: { label: 'Use the other version' } });
});
afterEach(cleanup);

describe('the conflict notice', () => {
  it('shows nothing for a record without conflicts', () => {
    const { container } = render(<ConflictNotices kind="annotation" id="ann_aaaaaaaa" subject={SUBJECT} versions={undefined} current={NOW} fields={FIELDS} />);
    expect(container.textContent).toBe('');
  });

  it('is a region named by the date the other version was edited, and Show reveals what differs in it', async () => {
    const user = userEvent.setup();
    renderNotices([THEIRS]);
    const notice = screen.getByRole('region', { name: 'Also edited elsewhere on 30 Nov 2026' });
    expect(notice.textContent).toContain('Also edited elsewhere on 30 Nov 2026');
    expect(within(notice).queryByText(THEIRS.comment)).toBeNull();

    const show = within(notice).getByRole('button', { name: `Show the other version of ${SUBJECT}` });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    await user.click(show);
    expect(within(notice).getByRole('button', { name: `Hide the other version of ${SUBJECT}` }).getAttribute('aria-expanded')).toBe('true');
    // Only the comment differs: the tags are the same as now, so they are not listed.
    expect(within(notice).getByRole('term').textContent).toBe('Comment');
    expect(within(notice).getByRole('definition').textContent).toBe(THEIRS.comment);
  });

  it('sends "use" for that version and says so; Undo is named as the way back', async () => {
    const user = userEvent.setup();
    renderNotices([THEIRS]);
    await user.click(screen.getByRole('button', { name: `Show the other version of ${SUBJECT}` }));
    await user.click(screen.getByRole('button', { name: `Use this version of ${SUBJECT}` }));
    expect(resolveConflict).toHaveBeenCalledWith({ kind: 'annotation', id: 'ann_aaaaaaaa', rev: '3-bbbbbbbb', choice: 'use' });
    expect(statusStore.getState().message?.text).toBe(`Now using the other version of ${SUBJECT}. Undo brings back the one it replaced.`);
  });

  it('sends "dismiss" for that version, and leaves the notice with the message when the main side refuses', async () => {
    const user = userEvent.setup();
    resolveConflict.mockResolvedValue({ ok: false, error: { code: 'not_found', message: 'That version is no longer in the conflict history (it was used or dismissed already).' } });
    renderNotices([THEIRS]);
    const dismiss = screen.getByRole('button', { name: `Dismiss the other version of ${SUBJECT}` });
    await user.click(dismiss);
    expect(resolveConflict).toHaveBeenCalledWith({ kind: 'annotation', id: 'ann_aaaaaaaa', rev: '3-bbbbbbbb', choice: 'dismiss' });
    expect(statusStore.getState().message).toMatchObject({ tone: 'error', text: 'That version is no longer in the conflict history (it was used or dismissed already).' });
    expect((dismiss as HTMLButtonElement).disabled).toBe(false);
  });

  it('tells several versions apart by their time, in their names and their buttons’', () => {
    const later = { ...THEIRS, rev: '4-cccccccc', comment: 'A third view.', updatedAt: '2026-11-30T15:30:00.000Z' };
    renderNotices([later, THEIRS]);
    const regions = screen.getAllByRole('region');
    expect(regions.map((region) => region.getAttribute('aria-label'))).toEqual([
      `Also edited elsewhere on ${versionDate(later.updatedAt, true)}`,
      `Also edited elsewhere on ${versionDate(THEIRS.updatedAt, true)}`,
    ]);
    expect(within(regions[0]!).getByRole('button', { name: `Dismiss the other version of ${SUBJECT} from ${versionDate(later.updatedAt, true)}` })).toBeTruthy();
  });

  it('lists only the fields that differ, and nothing when none do', () => {
    expect(differingFields(NOW, THEIRS, FIELDS).map((field) => field.label)).toEqual(['Comment']);
    expect(differingFields(NOW, { ...NOW, rev: 'x' }, FIELDS)).toEqual([]);
  });
});
