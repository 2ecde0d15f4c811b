import { describe, expect, it } from 'vitest';
import { docToHtml, escapeHtml } from './doc-to-html';

describe('docToHtml', () => {
  it('escapes every string it writes', () => {
    expect(escapeHtml(`<b a="1" b='2'>&</b>`)).toBe('&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;&lt;/b&gt;');
    const html = docToHtml({
      blocks: [
        { type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>' }] },
        { type: 'preformatted', text: '</pre><img src=x onerror=alert(1)>' },
        { type: 'table', rows: [[{ header: true, children: [{ type: 'text', text: '"x"' }] }]] },
      ],
    });
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<th>&quot;x&quot;</th>');
  });
});
