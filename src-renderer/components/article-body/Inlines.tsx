/**
 * Inline runs as React elements. Text is printed exactly as stored so that each block's
 * textContent is its canonical text: a hard break is a "\n" in a `white-space: pre` span
 * (a `<br>` would contribute nothing to textContent). Highlights are painted into the text
 * runs they cover (`PaintedRun`), one mark per run, so they split at element boundaries.
 */
import type { MouseEvent } from 'react';
import type { Inline } from '../../../src-main/common/article-doc';
import type { PaintRange } from './paint-segments';
import { PaintedRun } from './PaintedRun';

export interface InlinesProps {
  inlines: Inline[];
  /** Told which link was clicked; the click itself never navigates the window. */
  onLinkClick?: (href: string) => void;
  /** Highlights of this block, in block offsets, sorted outer-first. */
  ranges?: readonly PaintRange[];
  /** Where the first of `inlines` starts in its block. */
  offset?: number;
}

const TAGS = { emphasis: 'em', strong: 'strong', strike: 's', sub: 'sub', sup: 'sup' } as const;
const NO_RANGES: readonly PaintRange[] = [];

/** Characters an inline contributes to its block's canonical text. */
function inlineLength(inline: Inline): number {
  switch (inline.type) {
    case 'text':
    case 'code':
      return inline.text.length;
    case 'break':
      return 1;
    default:
      return inline.children.reduce((sum, child) => sum + inlineLength(child), 0);
  }
}

export function Inlines({ inlines, onLinkClick, ranges = NO_RANGES, offset = 0 }: InlinesProps) {
  let at = offset;
  return inlines.map((inline, index) => {
    const start = at;
    at += inlineLength(inline);
    return <InlineRun key={index} inline={inline} onLinkClick={onLinkClick} ranges={ranges} offset={start} />;
  });
}

interface InlineRunProps {
  inline: Inline;
  onLinkClick?: (href: string) => void;
  ranges: readonly PaintRange[];
  offset: number;
}

function InlineRun({ inline, onLinkClick, ranges, offset }: InlineRunProps) {
  switch (inline.type) {
    case 'text':
      return <PaintedRun text={inline.text} offset={offset} ranges={ranges} />;
    case 'break':
      return (
        <span className="line-break">
          <PaintedRun text={'\n'} offset={offset} ranges={ranges} />
        </span>
      );
    case 'code':
      return (
        <code>
          <PaintedRun text={inline.text} offset={offset} ranges={ranges} />
        </code>
      );
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
          <Inlines inlines={inline.children} onLinkClick={onLinkClick} ranges={ranges} offset={offset} />
        </a>
      );
    }
    default: {
      const Tag = TAGS[inline.type];
      return (
        <Tag>
          <Inlines inlines={inline.children} onLinkClick={onLinkClick} ranges={ranges} offset={offset} />
        </Tag>
      );
    }
  }
}
