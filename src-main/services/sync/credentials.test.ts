import { describe, expect, it } from 'vitest';
import { credentialsFile, isInside } from './credentials';

describe('credentialsFile', () => {
  const cases: [env: NodeJS.ProcessEnv, expected: string][] = [
    [{}, '/home/ana/.config/marginalia/credentials.json'],
    [{ XDG_CONFIG_HOME: '/xdg' }, '/xdg/marginalia/credentials.json'],
    [{ XDG_CONFIG_HOME: '  ' }, '/home/ana/.config/marginalia/credentials.json'],
    [{ XDG_CONFIG_HOME: '/xdg', MARGINALIA_CREDENTIALS: '/tmp/e2e/credentials.json' }, '/tmp/e2e/credentials.json'],
    [{ MARGINALIA_CREDENTIALS: '' }, '/home/ana/.config/marginalia/credentials.json'],
  ];
  it.each(cases)('with %j is %s', (env, expected) => {
    expect(credentialsFile(env, '/home/ana')).toBe(expected);
  });
});

describe('isInside', () => {
  it.each([
    ['/nb/credentials.json', '/nb', true],
    ['/nb/sub/../credentials.json', '/nb', true],
    ['/nb', '/nb', true],
    ['/nb-other/credentials.json', '/nb', false],
    ['/home/ana/.config/marginalia/credentials.json', '/home/ana/notebook', false],
    ['/credentials.json', '/nb', false],
  ])('%s in %s: %s', (file, folder, expected) => {
    expect(isInside(file, folder)).toBe(expected);
  });
});
