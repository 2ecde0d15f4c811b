/**
 * The shapes that other tools' files are read into and written from. Readers (W3C Web
 * Annotation, Hypothesis, REFI-QDA) turn a file into these, without touching the notebook;
 * the import service matches them to articles, anchors them and merges them as records.
 * Writers take a snapshot of the records in an export's scope.
 */
import type { Annotation, Article, Claim, ColorLegend, Note } from '../../common/model';

/** The records an exchange format is written from. */
export interface ExchangeSnapshot {
  /** The notebook's name (its folder's name), for the project's name. */
  notebookName: string;
  /** When the export was made (ISO 8601). */
  exportedAt: string;
  legend: ColorLegend;
  /** Each article with its highlights and its canonical text (what `target.position` indexes). */
  articles: { article: Article; annotations: readonly Annotation[]; text: string }[];
  claims: readonly Claim[];
  notes: readonly Note[];
}

/** A highlight read from another tool's file, not yet matched to an article. */
export interface IncomingAnnotation {
  /** Its id in the file (a W3C `id` IRI, a Hypothesis id, a REFI-QDA guid): importing the same file twice must not add it twice. */
  externalId: string;
  /** Where the annotated document lives: URLs, or `urn:marginalia:article:<id>`. */
  sources: string[];
  /** The document's title, when the file names it (for the list of unmatched sources). */
  documentTitle?: string;
  /** The passage as W3C TextQuoteSelector fields, when the file has one. */
  quote?: { exact: string; prefix: string; suffix: string };
  /** The passage as W3C TextPositionSelector fields (UTF-16 code units), when the file has one. */
  position?: { start: number; end: number };
  /** The annotation's comment (Markdown or plain text), '' when none. */
  comment: string;
  tags: string[];
  createdAt?: string;
  updatedAt?: string;
}

/** A text source read from a REFI-QDA project: it becomes an article. */
export interface IncomingSource {
  externalId: string;
  name: string;
  /** The source's plain text, as the project's positions index it. */
  text: string;
  createdAt?: string;
  /** The highlights on this source; their `sources` name this source's externalId. */
  annotations: IncomingAnnotation[];
}
