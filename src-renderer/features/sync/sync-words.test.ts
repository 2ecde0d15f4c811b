import { describe, expect, it } from 'vitest';
import { isCredentialProblem, shortRemote, shownState, stateWords } from './sync-words';

describe('the sync state in words', () => {
  it.each([
    ['up-to-date', 0, 'Up to date'],
    ['changes-to-send', 3, '3 changes to send'],
    ['changes-to-send', 1, '1 change to send'],
    ['changes-to-send', 1200, '1,200 changes to send'],
    ['changes-to-send', 0, 'Not synced yet'],
    ['syncing', 2, 'Syncing…'],
    ['offline', 2, 'Offline'],
    ['error', 0, 'Sync failed'],
  ] as const)('%s with %i pending is “%s”', (state, pending, words) => {
    expect(stateWords(state, pending)).toBe(words);
  });

  it('shows this window’s own sync as syncing, whatever the last answer said', () => {
    expect(shownState({ shared: true, state: 'up-to-date' }, true)).toBe('syncing');
    expect(shownState({ shared: true, state: 'offline' }, false)).toBe('offline');
  });
});

describe('shortRemote', () => {
  it.each([
    ['https://github.com/team/notebook.git', 'github.com/team/notebook'],
    ['https://gitlab.example.org/group/sub/notebook', 'gitlab.example.org/group/sub/notebook'],
    ['http://127.0.0.1:4321/notebook.git/', '127.0.0.1:4321/notebook'],
    ['HTTPS://Example.org/a.GIT', 'Example.org/a'],
  ])('%s → %s', (remote, short) => {
    expect(shortRemote(remote)).toBe(short);
  });
});

describe('isCredentialProblem', () => {
  it.each([
    ['credentials', true],
    ['offline', false],
    ['no-repository', false],
    [undefined, false],
  ] as const)('%s → %s', (problem, expected) => {
    expect(isCredentialProblem(problem ? { problem } : {})).toBe(expected);
  });
});
