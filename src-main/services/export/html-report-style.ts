/**
 * The report's one inline style sheet: a single readable column on screen (light or dark, as
 * the reader's system is set), and clean pages on paper. Only system fonts: the file must make
 * no request, and embedding a font would add hundreds of kilobytes to every export.
 */
import type { HighlightColor } from '../../common/model';
import { PAGE, TINTS, type PageColors, type Theme } from './html-report-palette';

export type ReportFonts = 'system';

const FONT_STACKS: Record<ReportFonts, { serif: string; sans: string }> = {
  system: {
    serif: '"Iowan Old Style", Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif", "DejaVu Serif", serif',
    sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  },
};

export function reportCss(fonts: ReportFonts): string {
  const { serif, sans } = FONT_STACKS[fonts];
  return `
:root { color-scheme: light dark; ${pageVariables(PAGE.light)} }
${tintRules('light')}
@media screen and (prefers-color-scheme: dark) {
  :root { ${pageVariables(PAGE.dark)} }
  ${tintRules('dark')}
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--background); color: var(--text); font: 1.0625rem/1.65 ${serif}; font-kerning: normal; }
main { max-width: 42em; margin: 0 auto; padding: clamp(1.5rem, 6vw, 3.5rem) clamp(1rem, 4vw, 1.5rem) 5rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; overflow-wrap: break-word; text-wrap: balance; }
h1 { font-size: clamp(1.55rem, 1.1rem + 2vw, 2rem); font-weight: 600; margin: 0 0 0.4rem; }
h2 { font-size: clamp(1.25rem, 1rem + 1vw, 1.45rem); font-weight: 600; margin: 3.25rem 0 0.6rem; padding-top: 1.5rem; border-top: 1px solid var(--rule); }
header + section > h2:first-child { margin-top: 2rem; }
h3, h4, .meta, .cite, .details, .tally, .review, .empty, .tags { font-family: ${sans}; }
h3 { font-size: 0.8rem; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); margin: 2rem 0 0.9rem; }
h4 { font-size: 0.875rem; font-weight: 600; color: var(--muted); margin: 1.5rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--rule); }
h5, h6 { font-size: 1rem; margin: 1rem 0 0.25rem; }
h2 a { color: inherit; text-decoration: none; }
h2 a:hover, h2 a:focus-visible { text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 0.2em; }
a { color: var(--link); text-underline-offset: 0.15em; overflow-wrap: anywhere; }
p { margin: 0 0 0.8rem; }
.meta { color: var(--muted); font-size: 0.9rem; margin: 0; }
.entry { margin: 0 0 0.8rem; }
.tags { margin: 0 0 0.8rem; display: flex; flex-wrap: wrap; gap: 0.35rem; font-size: 0.8rem; }
.tag { display: inline-block; max-width: 100%; padding: 0.05rem 0.55rem; border: 1px solid var(--rule); border-radius: 999px; background: var(--chip); color: var(--text); overflow-wrap: anywhere; }
.tally { color: var(--muted); font-size: 0.9rem; }
.passage { margin: 1.75rem 0 0; }
.passage blockquote { margin: 0; padding: 0.7rem 1rem; border-left: 4px solid var(--edge); border-radius: 0 6px 6px 0; background: var(--wash); }
.passage blockquote p { margin: 0; }
.passage blockquote p + p { margin-top: 0.6rem; }
.cite { margin: 0.45rem 0 0; color: var(--muted); font-size: 0.875rem; }
.review { margin: 0 0 0.45rem; color: var(--warning); font-size: 0.875rem; }
.needs-review blockquote { border-left-style: dashed; }
.details { list-style: none; margin: 0.5rem 0 0; padding: 0; font-size: 0.875rem; }
.details > li { margin: 0.2rem 0; }
.details .tags { display: inline-flex; margin: 0; vertical-align: baseline; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.45em; border: 0.4em solid var(--edge); border-radius: 50%; vertical-align: -0.05em; }
.label { color: var(--muted); }
.md { font-family: ${serif}; font-size: 1rem; margin: 0.3rem 0 0.5rem; padding-left: 0.9rem; border-left: 1px solid var(--rule); }
.md p { margin: 0 0 0.45rem; }
.md > :last-child { margin-bottom: 0; }
.md blockquote { margin: 0.4rem 0; padding-left: 0.9rem; border-left: 2px solid var(--rule); color: var(--muted); }
.md code, code { font-size: 0.9em; }
.notes { list-style: none; margin: 0; padding: 0; }
.notes > li { margin: 0 0 1rem; }
.note-title { margin: 0 0 0.2rem; font-weight: 600; }
.note-title strong { font-weight: inherit; }
.empty { color: var(--muted); font-size: 0.9rem; font-style: italic; }
.entries { list-style: none; margin: 0; padding: 0; }
.entries > li { margin: 0 0 0.6rem; padding-left: 2em; text-indent: -2em; overflow-wrap: anywhere; }
@page { margin: 18mm 16mm 20mm; }
@media print {
  :root { color-scheme: light; ${pageVariables({ ...PAGE.light, background: '#fff', text: '#000', muted: '#444', link: '#000' })} }
  body { font-size: 10.5pt; line-height: 1.5; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 2rem; }
  h2, h3, h4, .review { break-after: avoid; }
  .passage blockquote { background: none; padding: 0.2rem 0 0.2rem 0.9rem; break-inside: avoid; }
  .cite { break-before: avoid; }
  .tag { background: none; }
  .md a[href]:not([data-bare])::after { content: " <" attr(href) ">"; font-size: 0.85em; color: var(--muted); }
}
`.trimStart();
}

function pageVariables(colors: PageColors): string {
  return Object.entries(colors)
    .map(([name, value]) => `--${name}: ${value};`)
    .join(' ');
}

function tintRules(theme: Theme): string {
  return (Object.keys(TINTS) as HighlightColor[]).map((color) => `.tint-${color} { --edge: ${TINTS[color][theme].edge}; --wash: ${TINTS[color][theme].wash}; }`).join('\n');
}
