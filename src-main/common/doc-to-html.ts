/**
 * Article tree → HTML. Safe by construction: every string is escaped, only the tags below
 * are ever written, and links carry only URLs the schema allows.
 */
import type { ArticleDoc, Block, Inline } from './article-doc';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const INLINE_TAG = { emphasis: 'em', strong: 'strong', strike: 's', sub: 'sub', sup: 'sup' } as const;

function inlineHtml(children: Inline[]): string {
  return children
    .map((child) => {
      switch (child.type) {
        case 'text':
          return escapeHtml(child.text);
        case 'break':
          return '<br>';
        case 'code':
          return `<code>${escapeHtml(child.text)}</code>`;
        case 'link':
          return `<a href="${escapeHtml(child.href)}" rel="noreferrer noopener">${inlineHtml(child.children)}</a>`;
        default: {
          const tag = INLINE_TAG[child.type];
          return `<${tag}>${inlineHtml(child.children)}</${tag}>`;
        }
      }
    })
    .join('');
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlineHtml(block.children)}</p>`;
    case 'heading':
      return `<h${block.level}>${inlineHtml(block.children)}</h${block.level}>`;
    case 'preformatted':
      return `<pre>${escapeHtml(block.text)}</pre>`;
    case 'quote':
      return `<blockquote>${block.children.map(blockHtml).join('')}</blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== undefined ? ` start="${block.start}"` : '';
      const items = block.items.map((item) => `<li>${item.map(blockHtml).join('')}</li>`).join('');
      return `<${tag}${start}>${items}</${tag}>`;
    }
    case 'table': {
      const rows = block.rows
        .map((row) => `<tr>${row.map((cell) => (cell.header ? `<th>${inlineHtml(cell.children)}</th>` : `<td>${inlineHtml(cell.children)}</td>`)).join('')}</tr>`)
        .join('');
      return `<table><tbody>${rows}</tbody></table>`;
    }
    case 'rule':
      return '<hr>';
  }
}

export function docToHtml(doc: ArticleDoc): string {
  return doc.blocks.map(blockHtml).join('\n');
}
