/** JSON text → value, or a message that tells a person where the file stops being JSON. */
import { NotebookError } from '../../../common/errors';

/** Parses `text` (a leading byte-order mark allowed); throws NotebookError naming line and column when V8 gives a position. */
export function parseJsonText(text: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') throw new NotebookError('invalid_argument', 'This file is empty: there are no annotations to import.');
  try {
    // No reviver: JSON.parse is iterative, a reviver recurses, and a deeply nested file would
    // overflow the stack. The readers read own fields only, so `__proto__` keys stay inert.
    return JSON.parse(body) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new NotebookError('invalid_argument', `This file is not valid JSON${where(body, detail)}: ${detail.replace(/ in JSON at position \d+.*$/, '')}.`);
  }
}

/** " (line L, column C)" from V8's "at position N", or from the end for "Unexpected end". */
function where(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset = position !== undefined ? Number(position) : /Unexpected end/.test(message) ? text.length : undefined;
  if (offset === undefined) return '';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}
