/**
 * An annotated report: what a scope of the notebook says, in the order a reader reads it,
 * with its citations already formatted. Built once (report-model.ts); every format (Markdown,
 * HTML, PDF, Word, CSV, W3C JSON-LD) is a small renderer of this one value, so the formats
 * never disagree about what a report holds.
 */
import type { ArticleMeta, HighlightColor, Relation } from '../../common/model';

export type ReportShape = 'source' | 'claim';
export type CitationStyle = 'apa' | 'chicago' | 'mla' | 'harvard';

export interface ReportOptions {
  /** Highlights' comments. */
  comments: boolean;
  /** The notes that cite a highlight or a claim. */
  notes: boolean;
  /** Highlights whose passage could not be found after the article changed, marked as such. */
  needsReview: boolean;
}

/** A citation formatted in the report's style. */
export interface FormattedCitation {
  /**
   * In-text form, e.g. `(Smith, 2020)`, as HTML: citeproc escapes the metadata and adds only
   * its own formatting elements (a title without an author is in `<i>` in APA).
   */
  inText: string;
  /** Bibliography entry as plain text. */
  text: string;
  /** Bibliography entry as HTML (italics and links as the style sets them); no script. */
  html: string;
}

/** A note that cites a highlight or a claim. */
export interface ReportNoteRef {
  id: string;
  title: string;
  relation: Relation;
}

export interface ReportHighlight {
  id: string;
  articleId: string;
  quote: string;
  color: HighlightColor;
  /** What the colour means in this notebook's legend. */
  colorMeaning: string;
  tags: string[];
  /** Markdown, or '' (also '' when comments are left out). */
  comment: string;
  /** 1-based number of the paragraph (text block) the passage starts in; null when it needs review. */
  paragraph: number | null;
  /** Its source's in-text citation in the report's style, pointing at `paragraph` (HTML, like `FormattedCitation.inText`). */
  citation: string;
  /** Offsets in the article's canonical text where the passage was stored. */
  start: number;
  end: number;
  /** The passage was not found in the article's current text. */
  needsReview: boolean;
  /** The claims this highlight is evidence for. */
  claims: { id: string; statement: string }[];
  /** Notes that cite it (empty when notes are left out). */
  notes: ReportNoteRef[];
  createdAt: string;
  updatedAt: string;
}

/** An article in the report: its details as stored (the byline is its authors), and what it shows. */
export interface ReportSource extends Pick<ArticleMeta, 'id' | 'title' | 'byline' | 'siteName' | 'url' | 'publishedAt' | 'tags'> {
  citation: FormattedCitation;
  /** In reading order; the ones that need review last. */
  highlights: ReportHighlight[];
}

export interface ReportClaimNotes {
  relation: Relation;
  notes: { id: string; title: string; body: string }[];
}

export interface ReportClaim {
  id: string;
  statement: string;
  tags: string[];
  /** How many notes support, contradict or question it. */
  tally: { supports: number; contradicts: number; questions: number };
  /** Its evidence passages, in the order they were added (each with its source's in-text citation). */
  evidence: ReportHighlight[];
  /** Notes linked to it, grouped by relation (empty when notes are left out). */
  notes: ReportClaimNotes[];
  createdAt: string;
  updatedAt: string;
}

export interface Report {
  /** What was exported, in words: "alliance", "Whole notebook", an article's title. */
  scopeLabel: string;
  shape: ReportShape;
  style: CitationStyle;
  options: ReportOptions;
  /** When it was made (ISO 8601). */
  generatedAt: string;
  /**
   * Every source in scope (by source: the report's body; by claim: the sources the evidence
   * comes from), in the order the report presents them.
   */
  sources: ReportSource[];
  /** The claims in scope (by claim: the report's body; by source: empty). */
  claims: ReportClaim[];
  /** Every source cited, as the style orders its bibliography. */
  bibliography: FormattedCitation[];
}
