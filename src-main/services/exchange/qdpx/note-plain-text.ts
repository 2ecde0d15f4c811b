/**
 * A note's Markdown → the plain text a QDA tool shows in a memo. QDA tools display notes as
 * plain text, where `**`, `#` and `[…](…)` would be noise; but a link's address and a list's
 * shape carry meaning, so they are kept as text ("words (https://…)", "- item", "> quote").
 * Parsed by the notebook's own markdownToDoc, so raw HTML stays visible text.
 */
import type { Block, Inline } from '../../../common/article-doc';
import { markdownToDoc } from '../../../common/markdown-to-doc';

export function markdownToPlainText(markdown: string): string {
  return blocksText(markdownToDoc(markdown).blocks).join('\n\n');
}

/** Each block as its lines of text, in order. */
function blocksText(blocks: Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return [inlineText(block.children)];
      case 'preformatted':
        return [block.text];
      case 'quote':
        return [prefixLines(blocksText(block.children).join('\n\n'), '> ', '> ')];
      case 'list':
        return [
          block.items
            .map((item, i) => {
              const marker = block.ordered ? `${(block.start ?? 1) + i}. ` : '- ';
              return prefixLines(blocksText(item).join('\n'), marker, ' '.repeat(marker.length));
            })
            .join('\n'),
        ];
      case 'table':
        return [block.rows.map((row) => row.map((cell) => inlineText(cell.children)).join(' | ')).join('\n')];
      case 'rule':
        return ['———'];
    }
  });
}

function inlineText(inlines: Inline[]): string {
  return inlines
    .map((inline): string => {
      switch (inline.type) {
        case 'text':
        case 'code':
          return inline.text;
        case 'break':
          return '\n';
        case 'link': {
          const words = inlineText(inline.children);
          const address = inline.href.replace(/^mailto:/i, '');
          return words === address || words === inline.href ? words : `${words} (${address})`;
        }
        default:
          return inlineText(inline.children);
      }
    })
    .join('');
}

function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');
}
