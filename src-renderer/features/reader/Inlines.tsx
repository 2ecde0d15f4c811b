/**
 * Inline runs as React elements. Text is printed exactly as stored so that each block's
 * textContent is its canonical text: a hard break is a "\n" in a `white-space: pre` span
 * (a `<br>` would contribute nothing to textContent).
 */
import type { MouseEvent } from 'react';
import type { Inline } from '../../../src-main/common/article-doc';

export interface InlinesProps {
  inlines: Inline[];
  /** Told which link was clicked; the click itself never navigates the window. */
  onLinkClick?: (href: string) => void;
}

const TAGS = { emphasis: 'em', strong: 'strong', strike: 's', sub: 'sub', sup: 'sup' } as const;

export function Inlines({ inlines, onLinkClick }: InlinesProps) {
  return inlines.map((inline, index) => <InlineRun key={index} inline={inline} onLinkClick={onLinkClick} />);
}

function InlineRun({ inline, onLinkClick }: { inline: Inline; onLinkClick?: (href: string) => void }) {
  switch (inline.type) {
    case 'text':
      return inline.text;
    case 'break':
      return <span className="line-break">{'\n'}</span>;
    case 'code':
      return <code>{inline.text}</code>;
    case 'link': {
      const { href } = inline;
      // The window must never navigate: imported links are inert until the person confirms
      // opening them in the system browser (a later feature); middle clicks are stopped too.
      const stop = (event: MouseEvent<HTMLAnchorElement>) => {
        event.preventDefault();
        if (event.type === 'click') onLinkClick?.(href);
      };
      return (
        <a href={href} title={href} rel="noreferrer noopener" onClick={stop} onAuxClick={stop}>
          <Inlines inlines={inline.children} onLinkClick={onLinkClick} />
        </a>
      );
    }
    default: {
      const Tag = TAGS[inline.type];
      return (
        <Tag>
          <Inlines inlines={inline.children} onLinkClick={onLinkClick} />
        </Tag>
      );
    }
  }
}
