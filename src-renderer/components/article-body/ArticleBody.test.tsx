// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleDoc, Inline } from '../../../src-main/common/article-doc';
import { canonicalText } from '../../../src-main/common/anchoring/canonical-text';
import { markdownToDoc } from '../../../src-main/common/markdown-to-doc';
import { ArticleBody } from './ArticleBody';

afterEach(cleanup);

const text = (value: string): Inline => ({ type: 'text', text: value });

/** Paragraphs, headings, emphasis, a hard break, lists, a quote, a table, code and a link. */
const doc: ArticleDoc = {
  blocks: [
    { type: 'heading', level: 1, children: [text('Japan and U.S. upgrade command ties')] },
    {
      type: 'paragraph',
      children: [
        text('Defense chiefs met in '),
        { type: 'emphasis', children: [text('Tokyo')] },
        text(', calling China “the greatest '),
        { type: 'strong', children: [text('strategic')] },
        text(' challenge.”'),
      ],
    },
    {
      type: 'paragraph',
      children: [text('Secretary of State Antony Blinken'), { type: 'break' }, { type: 'emphasis', children: [text('Defense Secretary Lloyd Austin')] }],
    },
    { type: 'heading', level: 2, children: [text('What changes')] },
    {
      type: 'list',
      ordered: false,
      items: [
        [{ type: 'paragraph', children: [text('Command and control of U.S. Forces Japan')] }],
        [
          { type: 'paragraph', children: [text('Missile production, licensed')] },
          { type: 'list', ordered: true, start: 3, items: [[{ type: 'paragraph', children: [text('nested item')] }]] },
        ],
      ],
    },
    { type: 'quote', children: [{ type: 'paragraph', children: [text('We are standing at a historic turning point.')] }] },
    {
      type: 'table',
      rows: [
        [
          { header: true, children: [text('Country')] },
          { header: true, children: [text('Troops')] },
        ],
        [
          { header: false, children: [text('Japan')] },
          { header: false, children: [text('more than 50,000')] },
        ],
        [
          { header: false, children: [text('Empty cell next')] },
          { header: false, children: [] },
        ],
      ],
    },
    { type: 'preformatted', text: 'const talks = "2+2";\n  indented line' },
    { type: 'rule' },
    {
      type: 'paragraph',
      children: [
        text('Read '),
        { type: 'link', href: 'https://example.com/report', children: [text('the '), { type: 'emphasis', children: [text('full')] }, text(' report')] },
        text(', run '),
        { type: 'code', text: 'npm test' },
        text(' and see H'),
        { type: 'sub', children: [text('2')] },
        text('O, x'),
        { type: 'sup', children: [text('2')] },
        text(', '),
        { type: 'strike', children: [text('withdrawn')] },
        text('.'),
      ],
    },
  ],
};

function renderedBlocks(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-block]')];
}

describe('ArticleBody', () => {
  it('renders each text block so that the blocks joined by a blank line are the canonical text', () => {
    const { container } = render(<ArticleBody doc={doc} />);
    const blocks = renderedBlocks(container);
    expect(blocks.map((block) => block.textContent).join('\n\n')).toBe(canonicalText(doc));
    expect(blocks.map((block) => block.dataset.block)).toEqual(blocks.map((_, index) => String(index)));
  });

  it('renders a hard break as a newline the text keeps, never as <br>', () => {
    const { container } = render(<ArticleBody doc={doc} />);
    expect(container.querySelector('br')).toBeNull();
    const broken = renderedBlocks(container)[2]!;
    expect(broken.textContent).toBe('Secretary of State Antony Blinken\nDefense Secretary Lloyd Austin');
    expect(broken.querySelector('.line-break')?.textContent).toBe('\n');
  });

  it('uses the elements a reader expects', () => {
    const { container } = render(<ArticleBody doc={doc} />);
    // One level below the article title's h1.
    expect(screen.getByRole('heading', { level: 2, name: 'Japan and U.S. upgrade command ties' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'What changes' })).toBeTruthy();
    expect(container.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(container.querySelector('blockquote p')?.textContent).toBe('We are standing at a historic turning point.');
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Country', 'Troops']);
    expect(container.querySelector('pre')?.textContent).toBe('const talks = "2+2";\n  indented line');
    expect(container.querySelector('hr')).not.toBeNull();
  });

  it('leaves empty cells unnumbered, as canonical text leaves them out', () => {
    const { container } = render(<ArticleBody doc={doc} />);
    const cells = [...container.querySelectorAll('td')];
    expect(cells.at(-1)?.hasAttribute('data-block')).toBe(false);
  });

  it('agrees with canonical text for imported Markdown and for a document that was never normalized', () => {
    const markdown = markdownToDoc(
      '# Alliance  talks\n\nJapan is home to more than *50,000* U.S. troops,  \nbut the commander has **no** authority.\n\n' +
        '> “These new operational capabilities will advance our collective deterrence.”\n\n' +
        '1. first\n2. second\n\n| Who | Role |\n| --- | --- |\n| Austin | Defense |\n\n```\ncode  block\n```\n',
    );
    const messy: ArticleDoc = {
      blocks: [
        { type: 'paragraph', children: [text('  Spaces   collapse\n here '), { type: 'break' }, text('  and here  ')] },
        { type: 'paragraph', children: [text('   ')] },
        { type: 'preformatted', text: 'kept   as\r\nwritten\n\n' },
      ],
    };
    for (const sample of [markdown, messy]) {
      const { container, unmount } = render(<ArticleBody doc={sample} />);
      const joined = renderedBlocks(container)
        .map((block) => block.textContent)
        .join('\n\n');
      expect(joined).toBe(canonicalText(sample));
      unmount();
    }
  });

  describe('links', () => {
    it('show where they go and never navigate the window', async () => {
      const onLinkClick = vi.fn();
      render(<ArticleBody doc={doc} onLinkClick={onLinkClick} />);
      const link = screen.getByRole('link', { name: 'the full report' });
      expect(link.getAttribute('href')).toBe('https://example.com/report');
      expect(link.getAttribute('title')).toBe('https://example.com/report');
      expect(link.getAttribute('rel')).toBe('noreferrer noopener');

      const before = window.location.href;
      // dispatchEvent answers false when the default action (navigation) was prevented.
      expect(fireEvent.click(link)).toBe(false);
      expect(fireEvent.click(link, { button: 0, ctrlKey: true })).toBe(false);
      await userEvent.setup().click(link);
      expect(window.location.href).toBe(before);
      expect(onLinkClick).toHaveBeenCalledWith('https://example.com/report');
    });

    it('do not open on a middle click either', () => {
      render(<ArticleBody doc={doc} />);
      const link = screen.getByRole('link', { name: 'the full report' });
      const middle = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 });
      expect(link.dispatchEvent(middle)).toBe(false);
    });
  });
});
