/**
 * A known bug, found by the API fuzzing (hosts/browser/api-fuzz.test.ts), kept here until it is
 * fixed: citeproc-js keeps its disambiguation state in plain objects keyed by the rendered
 * citation, so an article whose byline or publisher is "constructor" (or "__proto__", …) makes
 * an MLA citation throw "this.ambigcites[akey].indexOf is not a function" — and leaves the
 * cached MLA engine broken, so every MLA export after it fails too (in the app, until the
 * export worker restarts). `it.fails` passes while the bug is there; when it is fixed, this
 * test fails: then turn it into a plain `it` and drop the allowance in api-fuzz.test.ts.
 *
 * Its own file: vitest isolates files, and this test breaks the MLA engine of its process.
 */
import { describe, expect, it } from 'vitest';
import { citeArticle, type CitableArticle } from './citations';

const byConstructor: CitableArticle = { id: 'art_constructor', title: 'On building things', byline: 'constructor', createdAt: '2026-11-30T09:00:00.000Z' };
const ordinary: CitableArticle = { id: 'art_ordinary', title: 'Hedging in Southeast Asia', byline: 'Jane Doe', createdAt: '2026-11-30T09:00:00.000Z' };

describe('citations of articles whose metadata spells a prototype key (known bug)', () => {
  it.fails('cites an author named "constructor" in MLA, and the next article after it', () => {
    expect(citeArticle(byConstructor, 'mla').inText).toContain('constructor');
    expect(citeArticle(ordinary, 'mla').inText).toContain('Doe');
  });
});
