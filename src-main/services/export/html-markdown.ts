/**
 * Comments and note bodies (Markdown the user wrote) as HTML for the exported report. The file
 * must stay inert and self-contained wherever it is opened, so: raw HTML stays text, links keep
 * only http(s) and mailto targets, images are not made at all (an image is a request), and the
 * user's headings are pushed below the report's own so they cannot break its outline.
 */
import MarkdownIt from 'markdown-it';
import { SAFE_LINK } from '../../common/safe-link';

/** The report's headings go down to h4; a user's `# Heading` becomes an h5. */
const HEADING_SHIFT = 4;

/** Made when first needed: exporting is rare, and building the parser costs a few milliseconds. */
let markdown: InstanceType<typeof MarkdownIt> | undefined;

export function markdownToReportHtml(source: string): string {
  markdown ??= reportMarkdown();
  return markdown.render(source);
}

function reportMarkdown(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = (url) => SAFE_LINK.test(url);
  md.disable('image');
  md.core.ruler.push('report_headings', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + HEADING_SHIFT)}`;
    }
  });
  md.core.ruler.push('report_links', (state) => {
    for (const block of state.tokens) {
      const inline = block.children ?? [];
      inline.forEach((token, index) => {
        if (token.type !== 'link_open') return;
        token.attrSet('rel', 'noreferrer noopener');
        // Print shows a link's address after it, unless its words already are the address.
        const close = inline.findIndex((candidate, at) => at > index && candidate.type === 'link_close');
        const words = inline.slice(index + 1, close === -1 ? undefined : close).map((child) => child.content).join('');
        const href = token.attrGet('href') ?? '';
        if (words === href || `mailto:${words}` === href) token.attrSet('data-bare', '');
      });
    }
  });
  return md;
}
