/**
 * The pure half of the renderer-folder guard both hosts use: which request paths may name a
 * file at all, and the type each is sent with. (The other half, real paths after symlinks, is
 * exercised through each host: http-host.test.ts and electron/app-protocol.test.ts.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveRequestPath } from './renderer-files';

const root = '/srv/renderer';

describe('resolveRequestPath', () => {
  const inside: [url: string, file: string][] = [
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/app-3f9a.js', 'assets/app-3f9a.js'],
    ['/assets/app.js?v=2#x', 'assets/app.js'],
    ['/assets/Literata%20Italic.woff2', 'assets/Literata Italic.woff2'],
    ['/assets/caf%C3%A9.png', 'assets/café.png'],
  ];
  for (const [url, file] of inside) {
    it(`maps ${url} to ${file}`, () => {
      expect(resolveRequestPath(root, url)).toBe(join(root, file));
    });
  }

  const refused = [
    '',
    '*',
    'index.html',
    'http://127.0.0.1:4510/index.html',
    '/..',
    '/../package.json',
    '/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2e/%2e%2E/package.json',
    '/..%2f..%2fpackage.json',
    '/assets/../../package.json',
    '/assets/./app.js',
    '/..%5c..%5cpackage.json',
    '/assets\\..\\..\\package.json',
    '//etc/passwd',
    '/%2fetc/passwd',
    '/assets//app.js',
    '/assets/',
    '/%00',
    '/index.html%00.png',
    '/.env',
    '/assets/.git/config',
    '/%',
    '/%c0%ae%c0%ae/package.json',
  ];
  for (const url of refused) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      expect(resolveRequestPath(root, url)).toBeUndefined();
    });
  }
});

describe('contentTypeFor', () => {
  const table: [name: string, type: string][] = [
    ['index.html', 'text/html; charset=utf-8'],
    ['app.js', 'text/javascript; charset=utf-8'],
    ['pdf.worker.min.mjs', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['font.woff', 'font/woff'],
    ['icon.svg', 'image/svg+xml'],
    ['logo.PNG', 'image/png'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['archive.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ];
  for (const [name, type] of table) {
    it(`sends ${name} as ${type}`, () => expect(contentTypeFor(name)).toBe(type));
  }
});

