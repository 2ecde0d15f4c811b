/**
 * Writing the user's words into CommonMark so that they render as exactly those words.
 * Titles, quotes, statements and tags are plain text: any character Markdown would read as
 * syntax is backslash-escaped, but only where it would be read as syntax, so the exported file
 * stays pleasant to read as text (`a - b` stays `a - b`; a `-` that starts a line does not).
 */

/** Characters that are syntax wherever they stand (`#` too: trailing `#`s close a heading). */
const INLINE_SYNTAX = /[\\`*_[\]<|~#]/g;

/** `&` only matters when it starts what looks like an entity reference (`&amp;`, `&#38;`). */
const ENTITY_START = /&(?=#?[a-z0-9]+;)/gi;

/** What a line may start with to become a block: quote, heading, list, rule, setext underline. */
const BLOCK_START = /^[>+\-=]/;
const ORDERED_MARKER = /^(\d{1,9})([.)])/;

/** Escapes text that sits inside a line (after other text), where block syntax cannot start. */
export function escapeInline(text: string): string {
  return oneLine(text).replace(INLINE_SYNTAX, '\\$&').replace(ENTITY_START, '\\&');
}

/** Escapes text that starts a line: a heading, a paragraph, a list item's first words. */
export function escapeMarkdown(text: string): string {
  // Leading spaces would be dropped anyway, and four of them would make a code block.
  return escapeLineStart(escapeInline(text.trim()));
}

/**
 * A passage as a block quote, every line prefixed `> `. The article's canonical text separates
 * blocks with a blank line and marks a hard line break with one newline, so blank lines stay
 * paragraphs and single newlines become hard breaks (a trailing backslash, which editors keep,
 * unlike two trailing spaces).
 */
export function blockQuote(quote: string): string {
  const paragraphs = normaliseNewlines(quote)
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map(escapeMarkdown)
        .join('\\\n'),
    )
    .filter((paragraph) => paragraph !== '');
  return paragraphs
    .join('\n\n')
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** Text as a code span, with a fence longer than any run of backticks inside it. */
export function codeSpan(text: string): string {
  const flat = oneLine(text).trim();
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Markdown (a comment, a note's body) moved into a list item: every non-blank line indented
 * by the item's content column so that it renders inside the item, structure intact.
 */
export function indentBlock(markdown: string, indent: string): string {
  return normaliseNewlines(markdown)
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : `${indent}${line}`))
    .join('\n');
}

/** Line breaks as `\n`, whatever system wrote them. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function escapeLineStart(line: string): string {
  if (BLOCK_START.test(line)) return `\\${line}`;
  return line.replace(ORDERED_MARKER, '$1\\$2');
}

/** Headings, list items and citation lines hold one line: a line break becomes a space. */
function oneLine(text: string): string {
  return text.replace(/[^\S\r\n]*[\r\n]+\s*/g, ' ');
}
