/** Which addresses are the app's own page, for an installed app and while developing. */
import { describe, expect, it } from 'vitest';
import { appPage, devServerUrl } from './app-page';

describe('devServerUrl', () => {
  const table: [packaged: boolean, given: string | undefined, used: string | undefined][] = [
    [false, 'http://localhost:5173/', 'http://localhost:5173/'],
    [false, 'http://127.0.0.1:5173', 'http://127.0.0.1:5173/'],
    [false, 'http://[::1]:5173/', 'http://[::1]:5173/'],
    [false, undefined, undefined],
    [false, '', undefined],
    [false, 'https://evil.example/', undefined],
    [false, 'http://localhost.evil.example:5173/', undefined],
    [false, 'http://192.168.1.20:5173/', undefined],
    [false, 'file:///tmp/index.html', undefined],
    [false, 'not a url', undefined],
    [true, 'http://localhost:5173/', undefined],
  ];
  for (const [packaged, given, used] of table) {
    it(`${packaged ? 'an installed app' : 'while developing'}, ELECTRON_RENDERER_URL=${JSON.stringify(given)} → ${used ?? 'not used'}`, () => {
      expect(devServerUrl(packaged, { ELECTRON_RENDERER_URL: given })).toBe(used);
    });
  }
});

describe('the installed app’s page', () => {
  const page = appPage(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' });

  it('is app://marginalia/index.html', () => {
    expect(page).toMatchObject({ url: 'app://marginalia/index.html', development: false });
  });

  const urls: [url: string, isApp: boolean][] = [
    ['app://marginalia/index.html', true],
    ['app://marginalia/index.html#token', true],
    ['app://marginalia/index.html?x=1', true],
    ['app://marginalia/', true],
    ['app://marginalia/assets/index-BVsHbhI3.js', false],
    ['app://marginalia.evil/index.html', false],
    ['app://marginalia:8080/index.html', false],
    ['app://user:pass@marginalia/index.html', false],
    ['app://evil/index.html', false],
    ['app:marginalia/index.html', false],
    ['appx://marginalia/index.html', false],
    ['file:///opt/Marginalia/resources/app.asar/out/renderer/index.html', false],
    ['http://localhost:5173/', false],
    ['https://marginalia/index.html', false],
    ['', false],
  ];
  for (const [url, isApp] of urls) {
    it(`${isApp ? 'is' : 'is not'} ${JSON.stringify(url)}`, () => expect(page.isAppUrl(url)).toBe(isApp));
  }

  const downloads: [url: string, isApp: boolean][] = [
    ['blob:app://marginalia/0b6e1f3c-2c4e-4a53-9d0e-1f2a3b4c5d6e', true],
    ['blob:app://evil/0b6e1f3c', false],
    ['blob:http://localhost:5173/0b6e1f3c', false],
    ['blob:null/0b6e1f3c', false],
    ['app://marginalia/index.html', false],
    ['https://evil.example/file', false],
    ['data:text/plain,x', false],
  ];
  for (const [url, isApp] of downloads) {
    it(`${isApp ? 'made' : 'did not make'} the download ${url}`, () => expect(page.isAppDownload(url)).toBe(isApp));
  }
});

describe('the page while developing', () => {
  const page = appPage(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' });

  it('is the dev server, whose whole origin is the app', () => {
    expect(page).toMatchObject({ url: 'http://localhost:5173/', development: true });
    expect(page.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(page.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(page.isAppUrl('app://marginalia/index.html')).toBe(false);
    expect(page.isAppDownload('blob:http://localhost:5173/0b6e1f3c')).toBe(true);
    expect(page.isAppDownload('blob:app://marginalia/0b6e1f3c')).toBe(false);
  });
});
