import { describe, expect, it } from 'vitest';
import { shareArgsOf, shareFormProblems, type ShareForm } from './share-form';

const FILLED: ShareForm = { remote: 'https://github.com/team/notebook.git', username: '', token: '', authorName: 'Ana Ito', authorEmail: '' };

describe('the Share through git form', () => {
  it('accepts an https remote and a name', () => {
    expect(shareFormProblems(FILLED)).toEqual({});
  });

  it.each([
    [{ remote: '' }, 'remote', /^Give the address of the git remote/],
    [{ remote: 'github.com/team/notebook' }, 'remote', /is not an address/],
    [{ remote: 'http://example.org/notebook.git' }, 'remote', /^The remote must be an https:\/\/ address/],
    [{ remote: 'git@github.com:team/notebook.git' }, 'remote', /is not an address/],
    [{ remote: 'https://ana:secret@github.com/team/notebook.git' }, 'remote', /^Put the user name and token in their own fields/],
    [{ authorName: '   ' }, 'authorName', /^Give your name: it signs your changes in the shared history\.$/],
    [{ authorEmail: 'ana at example' }, 'authorEmail', /^The e-mail address is not valid\.$/],
  ] as const)('with %j says what is wrong with %s', (change, field, message) => {
    const problems = shareFormProblems({ ...FILLED, ...change });
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field]).toMatch(message);
  });

  it('accepts plain http on this machine (a local server)', () => {
    expect(shareFormProblems({ ...FILLED, remote: 'http://127.0.0.1:8080/notebook.git' })).toEqual({});
  });

  it('sends only the fields filled in, trimmed', () => {
    expect(shareArgsOf({ ...FILLED, remote: '  https://x.org/n.git ', authorName: ' Ana ' })).toEqual({ remote: 'https://x.org/n.git', authorName: 'Ana' });
    expect(shareArgsOf({ ...FILLED, username: 'ana', token: ' tok ', authorEmail: 'ana@example.org' })).toEqual({
      remote: FILLED.remote,
      authorName: 'Ana Ito',
      username: 'ana',
      token: 'tok',
      authorEmail: 'ana@example.org',
    });
  });
});
