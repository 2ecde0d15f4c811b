/** How long browser mode lets a browser keep each file of the renderer. */
import { describe, expect, it } from 'vitest';
import { cacheControlFor } from './static-files';

describe('cacheControlFor', () => {
  const table: [path: string, cacheControl: string][] = [
    ['index.html', 'no-store'],
    ['assets/index-CaY7dAL1.js', 'public, max-age=31536000, immutable'],
    ['assets/index-CQKTCkJT.css', 'public, max-age=31536000, immutable'],
    ['assets/inter-latin-400-normal-C38fXH4l.woff2', 'public, max-age=31536000, immutable'],
    ['assets/index.js', 'no-cache'],
    ['assets/sub/x-CaY7dAL1.js', 'no-cache'],
    ['app-CaY7dAL1.js', 'no-cache'],
    ['assets/page-CaY7dAL1.html', 'no-store'],
  ];
  for (const [path, cacheControl] of table) {
    it(`lets a browser keep ${path}: ${cacheControl}`, () => expect(cacheControlFor(path)).toBe(cacheControl));
  }
});
