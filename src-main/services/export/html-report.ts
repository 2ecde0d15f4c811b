/**
 * A report as one self-contained HTML file, the same content in the same order as the Markdown
 * export. It must be safe to open anywhere and to mail on: no script, no request of any kind
 * (a strict Content-Security-Policy backs that up), the user's text escaped, comments and notes
 * rendered from Markdown without raw HTML. Citation HTML comes from citeproc and is trusted.
 */
import { escapeHtml } from '../../common/doc-to-html';
import { SAFE_LINK } from '../../common/safe-link';
import { markdownToReportHtml } from './html-markdown';
import { reportCss, type ReportFonts } from './html-report-style';
import type { Report, ReportClaim, ReportHighlight, ReportSource } from './report';
import { NEEDS_REVIEW_LABEL, NEEDS_REVIEW_TEXT, colorName, relationLabel, reportSubtitle, reportTitle, shownHighlights, tallyText } from './report-labels';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function reportToHtml(report: Report, opts: { fonts?: ReportFonts } = {}): string {
  const title = escapeHtml(reportTitle(report.scopeLabel));
  const body = report.shape === 'source' ? report.sources.map((source) => sourceHtml(report, source)) : report.claims.map((claim) => claimHtml(report, claim));
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="Marginalia">',
    `<title>${title}</title>`,
    `<style>\n${reportCss(opts.fonts ?? 'system')}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header>\n<h1>${title}</h1>\n<p class="meta">${escapeHtml(reportSubtitle(report))}</p>\n</header>`,
    ...body,
    bibliographyHtml(report),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sourceHtml(report: Report, source: ReportSource): string {
  const title = escapeHtml(source.title);
  const heading = source.url && SAFE_LINK.test(source.url) ? `<a href="${escapeHtml(source.url)}" rel="noreferrer noopener">${title}</a>` : title;
  const highlights = shownHighlights(report, source.highlights);
  return section('source', [
    `<h2>${heading}</h2>`,
    `<p class="entry">${citationHtml(source.citation.html)}</p>`,
    tagsHtml(source.tags, 'p'),
    highlights.length > 0 ? highlights.map((highlight) => passageHtml(report, highlight, detailsHtml(report, highlight))).join('\n') : '<p class="empty">No highlights.</p>',
  ]);
}

function claimHtml(report: Report, claim: ReportClaim): string {
  const evidence = shownHighlights(report, claim.evidence);
  const noteGroups = report.options.notes ? claim.notes.filter((group) => group.notes.length > 0) : [];
  return section('claim', [
    `<h2>${escapeHtml(claim.statement)}</h2>`,
    tagsHtml(claim.tags, 'p'),
    // The tally counts notes: with notes left out it would point at nothing in the report.
    report.options.notes ? `<p class="tally">${escapeHtml(tallyText(claim.tally))}</p>` : '',
    '<h3>Evidence</h3>',
    evidence.length > 0 ? evidence.map((highlight) => passageHtml(report, highlight, '')).join('\n') : '<p class="empty">No evidence passages.</p>',
    noteGroups.length > 0 ? '<h3>Notes</h3>' : '',
    ...noteGroups.map((group) => {
      const notes = group.notes.map((note) => `<li>\n<p class="note-title"><strong>${escapeHtml(note.title.trim() || 'Untitled note')}</strong></p>\n${markdownBlock(note.body)}</li>`);
      return `<h4>${relationLabel(group.relation)}</h4>\n<ul class="notes">\n${notes.join('\n')}\n</ul>`;
    }),
  ]);
}

/** The warning (if any), the quote and the citation line, then whatever `details` adds. */
function passageHtml(report: Report, highlight: ReportHighlight, details: string): string {
  const inText = highlight.citation;
  const classes = ['passage', `tint-${highlight.color}`, ...(highlight.needsReview ? ['needs-review'] : [])].join(' ');
  return [
    `<div class="${classes}">`,
    highlight.needsReview ? `<p class="review"><strong>${NEEDS_REVIEW_LABEL}</strong> ${escapeHtml(NEEDS_REVIEW_TEXT)}</p>` : '',
    `<blockquote>${quoteHtml(highlight.quote)}</blockquote>`,
    inText === undefined ? '' : `<p class="cite">— ${citationHtml(inText)}</p>`,
    details,
    '</div>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** By source, what the reader marked on the passage: colour, tags, claims, comment, notes. */
function detailsHtml(report: Report, highlight: ReportHighlight): string {
  const meaning = highlight.colorMeaning.trim();
  const items = [
    `<li><span class="swatch" aria-hidden="true"></span>${colorName(highlight.color)}${meaning ? ` — ${escapeHtml(meaning)}` : ''}</li>`,
    highlight.tags.length > 0 ? `<li><span class="label">Tags:</span> ${tagsHtml(highlight.tags, 'span')}</li>` : '',
    ...highlight.claims.map((claim) => `<li><span class="label">Claim:</span> ${escapeHtml(claim.statement)}</li>`),
    report.options.comments && highlight.comment.trim() !== '' ? `<li><span class="label">Comment:</span>\n${markdownBlock(highlight.comment)}</li>` : '',
    ...(report.options.notes ? highlight.notes.map((note) => `<li>Cited by note “${escapeHtml(note.title)}” (${note.relation})</li>`) : []),
  ];
  return `<ul class="details">\n${items.filter(Boolean).join('\n')}\n</ul>`;
}

function bibliographyHtml(report: Report): string {
  if (report.bibliography.length === 0) return '';
  const entries = report.bibliography.map((entry) => `<li>${citationHtml(entry.html)}</li>`).join('\n');
  return section('bibliography', ['<h2>Bibliography</h2>', `<ul class="entries">\n${entries}\n</ul>`]);
}

/**
 * A passage's words: the article's canonical text separates blocks with a blank line and
 * marks a hard line break with one newline, so those become paragraphs and `<br>`.
 */
function quoteHtml(quote: string): string {
  return quote
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => escapeHtml(line.trim())).filter(Boolean).join('<br>\n'))
    .filter(Boolean)
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('\n');
}

/**
 * Citation HTML is citeproc's and trusted as markup, but an in-text form may carry a bare `&`
 * (`(Keohane & Nye, 1977)`): written as `&amp;` it reads the same and the file stays well-formed.
 */
function citationHtml(html: string): string {
  return html.replace(/&(?!#?[a-z0-9]+;)/gi, '&amp;');
}

function tagsHtml(tags: string[], wrapper: 'p' | 'span'): string {
  if (tags.length === 0) return '';
  return `<${wrapper} class="tags">${tags.map((tag) => `<span class="tag">#${escapeHtml(tag)}</span>`).join(' ')}</${wrapper}>`;
}

function markdownBlock(markdown: string): string {
  return markdown.trim() === '' ? '' : `<div class="md">\n${markdownToReportHtml(markdown)}</div>\n`;
}

function section(kind: string, parts: string[]): string {
  return `<section class="${kind}">\n${parts.filter(Boolean).join('\n')}\n</section>`;
}

