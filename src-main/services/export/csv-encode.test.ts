import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, neutraliseFormula } from './csv-encode';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1', `'+1`],
    ['-1 point', `'-1 point`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tindented', `'\tindented`],
    ['\rreturn', `'\rreturn`],
    ['plain text', 'plain text'],
    ['a = b', 'a = b'],
    ["'already text", "'already text"],
    ['', ''],
  ])('%j becomes %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['Конец & “curly”', 'Конец & “curly”'],
    ['', ''],
  ])('%j is written %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});

describe('csvDocument', () => {
  it('ends every record with CRLF and writes null as an empty field', () => {
    expect(csvDocument([['a', 1, null], ['b', 2, 'c']])).toBe('a,1,\r\nb,2,c\r\n');
  });

  it('neutralises text cells but writes numbers as they are', () => {
    expect(csvDocument([['-3', -3]])).toBe(`'-3,-3\r\n`);
  });

  it('starts with a byte-order mark only when asked', () => {
    expect(csvDocument([['a']], { bom: true })).toBe('\uFEFFa\r\n');
    expect(csvDocument([['a']]).charCodeAt(0)).toBe('a'.charCodeAt(0));
  });
});
