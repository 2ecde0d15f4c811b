/**
 * Notebooks shared through a real git smart-HTTP server on 127.0.0.1: shared, joined, edited
 * on both sides (different records and the same one), synced in either order, and ending
 * identical with nothing lost — the losing edit in the record's conflict history.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRange } from '../../../common/anchoring/describe-range';
import { valueOf } from '../../../test-support/in-process-api';
import { startGitHttpServer, type GitHttpServer } from '../../../test-support/git-http-server';
import { tempDir } from '../../../test-support/temp-dir';
import { holdings, member, type Member } from '../test-support/sync-support';

const run = promisify(execFile);
let server: GitHttpServer;
let counter = 0;

beforeAll(async () => {
  server = await startGitHttpServer();
});
afterAll(async () => {
  await server.close();
});

const TEXT = 'Alliances rest on trust. Trust grows from shared work. Shared work needs a common plan.';
const range = (text: string, phrase: string) => describeRange(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length);

/** Ada shares a notebook with an article, a highlight, a claim and a note; Ben joins it. */
async function team() {
  const remote = await server.createBare(`team-${++counter}`);
  const ada = await member('Ada');
  const article = await valueOf(ada.api.importArticle({ format: 'text', content: TEXT, title: 'Alliances' }));
  const { text } = await valueOf(ada.api.getArticle({ id: article.id }));
  const highlight = await valueOf(ada.api.createAnnotation({ articleId: article.id, target: range(text, 'Trust grows'), comment: 'Key' }));
  const claim = await valueOf(ada.api.createClaim({ annotationId: highlight.id }));
  const note = await valueOf(ada.api.createNote({ title: 'Why', body: 'Because.' }));
  const shared = await valueOf(ada.api.shareNotebook({ remote, authorName: 'Ada', authorEmail: 'ada@example.org' }));
  expect(shared.sent).toBeGreaterThanOrEqual(4);
  const ben = await member('Ben');
  const joined = await valueOf(ben.api.shareNotebook({ remote, authorName: 'Ben' }));
  expect(joined.received).toBeGreaterThanOrEqual(3);
  return { remote, ada, ben, article, text, highlight, claim, note };
}

const close = async (...members: Member[]) => {
  for (const who of members) await who.notebook.close();
};

describe('a notebook shared through git', () => {
  it('reaches a colleague who joins, record for record', async () => {
    const { ada, ben, article } = await team();
    expect(await holdings(ben)).toEqual(await holdings(ada));
    expect((await valueOf(ben.api.listAnnotations({ articleId: article.id }))).map((a) => a.comment)).toEqual(['Key']);
    expect(await valueOf(ben.api.getSyncStatus({}))).toMatchObject({ shared: true, state: 'up-to-date', pending: 0 });
    await close(ada, ben);
  });

  it('does not count opening an article as a change to send', async () => {
    const { ada, ben, article } = await team();
    await valueOf(ben.api.markArticleOpened({ id: article.id }));
    expect(await valueOf(ben.api.getSyncStatus({}))).toMatchObject({ state: 'up-to-date', pending: 0 });
    expect(await valueOf(ben.api.syncNotebook({}))).toMatchObject({ sent: 0, received: 0 });
    await close(ada, ben);
  });

  it('merges edits of different records, synced in either order', async () => {
    for (const adaFirst of [true, false]) {
      const { ada, ben, claim, note } = await team();
      await valueOf(ada.api.updateNote({ id: note.id, body: 'Because of the treaty.' }));
      await valueOf(ben.api.updateClaim({ id: claim.id, statement: 'Trust is built by working together' }));
      const [first, second] = adaFirst ? [ada, ben] : [ben, ada];
      await valueOf(first.api.syncNotebook({}));
      await valueOf(second.api.syncNotebook({}));
      await valueOf(first.api.syncNotebook({}));
      expect(await holdings(ben)).toEqual(await holdings(ada));
      expect((await valueOf(ada.api.getNote({ id: note.id }))).body).toBe('Because of the treaty.');
      expect((await valueOf(ada.api.listClaims({}))).map((c) => c.statement)).toEqual(['Trust is built by working together']);
      await close(ada, ben);
    }
  });

  it('keeps the losing edit of the same record in its conflict history, on both sides', async () => {
    const { ada, ben, note } = await team();
    await valueOf(ada.api.updateNote({ id: note.id, body: 'Ada’s reading.' }));
    await valueOf(ben.api.updateNote({ id: note.id, body: 'Ben’s reading.' }));
    await valueOf(ada.api.syncNotebook({}));
    const merged = await valueOf(ben.api.syncNotebook({}));
    expect(merged.conflicts).toBe(1);
    await valueOf(ada.api.syncNotebook({}));
    expect(await holdings(ben)).toEqual(await holdings(ada));
    const view = await valueOf(ada.api.getNote({ id: note.id }));
    const bodies = [view.body, ...(view.conflicts ?? []).map((version) => version.body)];
    expect(bodies.sort()).toEqual(['Ada’s reading.', 'Ben’s reading.']);
    await close(ada, ben);
  });

  it('will not undo an edit over a colleague’s later edit that a sync brought: the step is set aside and says why', async () => {
    const { ada, ben, note, claim } = await team();
    await valueOf(ada.api.updateClaim({ id: claim.id, statement: 'Ada’s first wording' }));
    await valueOf(ada.api.updateNote({ id: note.id, body: 'Ada’s draft.' }));
    await valueOf(ada.api.syncNotebook({}));
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ben.api.updateNote({ id: note.id, body: 'Ben’s rewrite of Ada’s draft.' }));
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ada.api.syncNotebook({}));
    expect((await valueOf(ada.api.getNote({ id: note.id }))).body).toBe('Ben’s rewrite of Ada’s draft.');

    // Ada's newest step edited the note Ben has rewritten since: undoing it would erase his words.
    const refused = await ada.api.undo({});
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('conflict');
      expect(refused.error.message).toBe('The note “Why” was changed after this step, by a sync or a colleague’s file: undoing or redoing it would write over that. The step was set aside; nothing was changed.');
    }
    expect((await valueOf(ada.api.getNote({ id: note.id }))).body).toBe('Ben’s rewrite of Ada’s draft.');
    // The step is set aside, so the one behind it (the claim, which nobody touched since) still undoes.
    expect((await valueOf(ada.api.getHistory({}))).undo?.label).toMatch(/claim/i);
    await valueOf(ada.api.undo({}));
    expect((await valueOf(ada.api.listClaims({}))).map((c) => c.statement)).not.toContain('Ada’s first wording');
    await close(ada, ben);
  });

  it('deletes what one side deleted and the other left alone, and keeps what the other edited', async () => {
    const { ada, ben, claim, note } = await team();
    await valueOf(ada.api.deleteNote({ id: note.id }));
    await valueOf(ada.api.deleteClaim({ id: claim.id }));
    await valueOf(ben.api.updateClaim({ id: claim.id, statement: 'Still true' }));
    await valueOf(ada.api.syncNotebook({}));
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ada.api.syncNotebook({}));
    expect(await holdings(ben)).toEqual(await holdings(ada));
    expect(await valueOf(ben.api.listNotes({}))).toEqual([]);
    expect((await valueOf(ada.api.listClaims({}))).map((c) => c.statement)).toEqual(['Still true']);
    await close(ada, ben);
  });

  it('merges highlights added on both sides of one article', async () => {
    const { ada, ben, article, text } = await team();
    await valueOf(ada.api.createAnnotation({ articleId: article.id, target: range(text, 'common plan'), color: 'green' }));
    await valueOf(ben.api.createAnnotation({ articleId: article.id, target: range(text, 'Alliances rest'), color: 'blue' }));
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ada.api.syncNotebook({}));
    await valueOf(ben.api.syncNotebook({}));
    expect(await holdings(ben)).toEqual(await holdings(ada));
    expect((await valueOf(ada.api.listAnnotations({ articleId: article.id }))).map((a) => a.color).sort()).toEqual(['blue', 'green', 'yellow']);
    await close(ada, ben);
  });

  it('retries a push the remote refused because a colleague synced first', async () => {
    const { ada, ben, note, claim } = await team();
    await valueOf(ada.api.updateNote({ id: note.id, body: 'Ada was here.' }));
    await valueOf(ben.api.updateClaim({ id: claim.id, statement: 'Ben was here' }));
    // Ben's sync lands between Ada's fetch and her push.
    server.beforeNextPush(async () => {
      await valueOf(ben.api.syncNotebook({}));
    });
    const result = await valueOf(ada.api.syncNotebook({}));
    expect(result.retries).toBeGreaterThanOrEqual(1);
    await valueOf(ben.api.syncNotebook({}));
    expect(await holdings(ben)).toEqual(await holdings(ada));
    await close(ada, ben);
  });

  it('settles: once both sides synced, syncing again sends and receives nothing', async () => {
    const { ada, ben, note } = await team();
    await valueOf(ada.api.updateNote({ id: note.id, body: 'One.' }));
    await valueOf(ben.api.updateNote({ id: note.id, body: 'Two.' }));
    await valueOf(ada.api.updateLegend({ color: 'green', meaning: 'Method' }));
    await valueOf(ada.api.syncNotebook({}));
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ada.api.syncNotebook({}));
    for (const who of [ada, ben, ada]) expect(await valueOf(who.api.syncNotebook({}))).toMatchObject({ sent: 0, received: 0 });
    expect((await valueOf(ben.api.getLegend({}))).green).toBe('Method');
    await close(ada, ben);
  });

  it('keeps every edit made while a sync runs', async () => {
    const { ada, ben, note } = await team();
    const bodies = Array.from({ length: 8 }, (_, i) => `Draft ${i + 1}.`);
    const [synced] = await Promise.all([valueOf(ada.api.syncNotebook({})), ...bodies.map((body) => valueOf(ada.api.updateNote({ id: note.id, body })))]);
    expect(synced.said).toMatch(/^sent/);
    await valueOf(ada.api.syncNotebook({}));
    await valueOf(ben.api.syncNotebook({}));
    expect((await valueOf(ben.api.getNote({ id: note.id }))).body).toBe('Draft 8.');
    await close(ada, ben);
  });

  it('waits while offline, says so, and sends everything once back online', async () => {
    const { ada, ben, note } = await team();
    await valueOf(ada.api.updateNote({ id: note.id, body: 'Written on the train.' }));
    server.offline();
    try {
      const answer = await ada.api.syncNotebook({});
      expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^Offline: could not reach 127\.0\.0\.1:\d+\. Your changes are kept here/) } });
      expect(await valueOf(ada.api.getSyncStatus({}))).toMatchObject({ state: 'offline', problem: 'offline', message: expect.stringMatching(/^Offline/) });
    } finally {
      server.online();
    }
    await valueOf(ada.api.syncNotebook({}));
    await valueOf(ben.api.syncNotebook({}));
    expect((await valueOf(ben.api.getNote({ id: note.id }))).body).toBe('Written on the train.');
    await close(ada, ben);
  });

  it('survives a restart between syncs: what changed before it is still sent', async () => {
    const { ada, ben, note } = await team();
    await valueOf(ada.api.updateNote({ id: note.id, body: 'Before the restart.' }));
    const again = await ada.reopen();
    expect(await valueOf(again.api.getSyncStatus({}))).toMatchObject({ state: 'changes-to-send', pending: 1 });
    await valueOf(again.api.syncNotebook({}));
    await valueOf(ben.api.syncNotebook({}));
    expect((await valueOf(ben.api.getNote({ id: note.id }))).body).toBe('Before the restart.');
    await close(again, ben);
  });
});

describe('what the shared history holds', () => {
  it('lists a note’s versions with who and when, and restores one as an undoable edit', async () => {
    const { ada, ben, note } = await team();
    await valueOf(ada.api.updateNote({ id: note.id, body: 'Second thoughts.' }));
    await valueOf(ada.api.syncNotebook({}));
    await valueOf(ben.api.syncNotebook({}));
    await valueOf(ben.api.updateNote({ id: note.id, body: 'Third, by Ben.' }));
    await valueOf(ben.api.syncNotebook({}));

    const versions = await valueOf(ben.api.getRecordHistory({ kind: 'note', id: note.id }));
    expect(versions.map((v) => [v.author, v.summary, v.current])).toEqual([
      ['Ben', 'Why: Third, by Ben.', true],
      ['Ada', 'Why: Second thoughts.', false],
      ['Ada', 'Why: Because.', false],
    ]);
    expect(versions[1]!.message).toBe('1 note');
    const restored = await valueOf(ben.api.restoreVersion({ kind: 'note', id: note.id, commit: versions[2]!.commit }));
    expect(restored.label).toBe('Restore an earlier version of a note');
    expect((await valueOf(ben.api.getNote({ id: note.id }))).body).toBe('Because.');
    await valueOf(ben.api.undo({}));
    expect((await valueOf(ben.api.getNote({ id: note.id }))).body).toBe('Third, by Ben.');
    await close(ada, ben);
  });

  it('lists a highlight’s versions from its article’s file', async () => {
    const { ada, highlight } = await team();
    await valueOf(ada.api.updateAnnotation({ id: highlight.id, color: 'green', comment: 'Central' }));
    await valueOf(ada.api.syncNotebook({}));
    const versions = await valueOf(ada.api.getRecordHistory({ kind: 'annotation', id: highlight.id }));
    expect(versions.map((v) => v.summary)).toEqual(['green — Central', 'yellow — Key']);
    await ada.notebook.close();
  });

  it('refuses a damaged record pushed by another program, and changes nothing here', async () => {
    const { remote, ada, note } = await team();
    const work = await tempDir('sync-hand');
    const git = (...args: string[]) => run('git', ['-c', 'user.name=Hand', '-c', 'user.email=h@example.org', ...args], { cwd: work, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: work } });
    await git('clone', '-q', remote, 'clone');
    await writeFile(join(work, 'clone', 'notes', `${note.id}.json`), '{ "schemaVersion": 3, "record": ');
    await git('-C', 'clone', 'commit', '-q', '-am', 'Edited by hand');
    await git('-C', 'clone', 'push', '-q', 'origin', 'HEAD:main');
    const before = await holdings(ada);
    const answer = await ada.api.syncNotebook({});
    expect(answer).toMatchObject({ ok: false, error: { message: `notes/${note.id}.json in the shared notebook is not valid JSON: it was damaged or written by hand. Fix or remove it there.` } });
    expect(await holdings(ada)).toEqual(before);
    expect(await valueOf(ada.api.getSyncStatus({}))).toMatchObject({ state: 'error' });
    await ada.notebook.close();
  });
});

describe('a first share that failed', () => {
  it('may be given another address until a sync succeeded, and not after', async () => {
    const ada = await member('Ada');
    await valueOf(ada.api.createNote({ title: 'Draft' }));
    const wrong = await ada.api.shareNotebook({ remote: `${server.urlOf('no-such-repository')}`, authorName: 'Ada' });
    expect(wrong).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^There is no repository at/) } });
    const remote = await server.createBare(`second-try-${++counter}`);
    expect(await valueOf(ada.api.shareNotebook({ remote, authorName: 'Ada' }))).toMatchObject({ sent: 2 });
    const other = await server.createBare(`third-${++counter}`);
    expect(await ada.api.shareNotebook({ remote: other, authorName: 'Ada' })).toMatchObject({ ok: false, error: { message: `This notebook is already shared through ${remote}.` } });
    await ada.notebook.close();
  });
});

describe('a remote that asks for a token', () => {
  it('refuses a wrong token in words, and syncs with the right one', async () => {
    const guarded = await startGitHttpServer({ username: 'ada', token: 'right-token' });
    try {
      const remote = await guarded.createBare('private');
      const ada = await member('Ada');
      await valueOf(ada.api.createNote({ title: 'Private' }));
      const refused = await ada.api.shareNotebook({ remote, authorName: 'Ada', username: 'ada', token: 'wrong-token' });
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/refused the user name or token \(HTTP 401\)/) } });
      // The window offers a new token from this, not from the words.
      expect(await valueOf(ada.api.getSyncStatus({}))).toMatchObject({ state: 'error', problem: 'credentials' });
      await valueOf(ada.api.setSyncCredentials({ username: 'ada', token: 'right-token' }));
      expect(await valueOf(ada.api.syncNotebook({}))).toMatchObject({ sent: 2 });
      await ada.notebook.close();
    } finally {
      await guarded.close();
    }
  });
});
