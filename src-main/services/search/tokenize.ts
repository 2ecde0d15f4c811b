/**
 * The search tokenizer. A token is a run of letters, digits and combining marks of any script;
 * Chinese and Japanese characters (written without spaces) are one token each, so a phrase in
 * them is a run of consecutive tokens. Terms are folded: lower case, diacritics removed
 * ("Café" and "cafe" are one term), compatibility forms unified (NFKD).
 */

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
/** Han, Hiragana and Katakana: one character is one token. */
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const CJK_SPLIT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[^\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/gu;
const MARKS = /\p{M}/gu;
const ASCII = /^[ -~]*$/;

/** Longest term kept; longer runs (base64, hashes) are cut so one cannot bloat the index. */
export const MAX_TERM = 40;

// Folding is the hot spot of building an index; the vocabulary is small next to the token count.
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

/** The folded form of one token. */
export function foldTerm(token: string): string {
  if (ASCII.test(token)) return token.toLowerCase().slice(0, MAX_TERM);
  let folded = foldCache.get(token);
  if (folded === undefined) {
    folded = token.normalize('NFKD').replace(MARKS, '').toLowerCase().normalize('NFC').slice(0, MAX_TERM);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(token, folded);
  }
  return folded;
}

/** Calls `visit` for every token of `text`: its folded term and where it sits in `text`. */
export function forEachToken(text: string, visit: (term: string, start: number, end: number) => void): void {
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const token = match[0];
    if (ASCII.test(token) || !CJK.test(token)) {
      const term = foldTerm(token);
      if (term !== '') visit(term, match.index, match.index + token.length);
      continue;
    }
    for (const part of token.matchAll(CJK_SPLIT)) {
      const term = foldTerm(part[0]);
      const start = match.index + part.index;
      if (term !== '') visit(term, start, start + part[0].length);
    }
  }
}

/** The folded terms of `text`, in order. */
export function terms(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, (term) => out.push(term));
  return out;
}
