import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './cli-args';

describe('parseServeArgs', () => {
  const accepted: [argv: string[], args: object][] = [
    [[], { port: 0, help: false }],
    [['--port', '4510'], { port: 4510, help: false }],
    [['--port=4510'], { port: 4510, help: false }],
    [['--port', '0'], { port: 0, help: false }],
    [['--port', '65535'], { port: 65535, help: false }],
    [['--notebook', '/tmp/nb'], { port: 0, notebook: '/tmp/nb', help: false }],
    [['--notebook=/tmp/a b'], { port: 0, notebook: '/tmp/a b', help: false }],
    [['--notebook', 'nb', '--port', '8080'], { port: 8080, notebook: 'nb', help: false }],
    [['--port=1', '--notebook=x=y'], { port: 1, notebook: 'x=y', help: false }],
    [['--help'], { port: 0, help: true }],
    [['-h', '--port', '3'], { port: 3, help: true }],
  ];
  for (const [argv, args] of accepted) {
    it(`accepts ${JSON.stringify(argv)}`, () => {
      expect(parseServeArgs(argv)).toEqual({ ok: true, args });
    });
  }

  const refused: [argv: string[], message: RegExp][] = [
    [['--prot', '4510'], /^Unknown option "--prot"\.$/],
    [['--verbose'], /Unknown option "--verbose"/],
    [['-p', '4510'], /Unknown option "-p"/],
    [['notebook'], /^Unexpected argument "notebook"\.$/],
    [['--port'], /--port needs a value \(a port number\)/],
    [['--port='], /--port needs a value/],
    [['--port', '--notebook', 'x'], /--port needs a value/],
    [['--notebook'], /--notebook needs a value \(a folder\)/],
    [['--notebook='], /--notebook needs a value/],
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535, not "abc"/],
    [['--port', '-1'], /--port must be a whole number/],
    [['--port', '65536'], /not "65536"/],
    [['--port', '80.5'], /not "80.5"/],
    [['--port', '1e3'], /not "1e3"/],
    [['--port', ' 80'], /--port must be a whole number/],
    [['--port', '123456'], /not "123456"/],
    [['--port', '1', '--port', '2'], /--port is given twice/],
    [['--notebook', 'a', '--notebook=b'], /--notebook is given twice/],
  ];
  for (const [argv, message] of refused) {
    it(`refuses ${JSON.stringify(argv)}`, () => {
      const parsed = parseServeArgs(argv);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(message);
    });
  }
});
