/** The records of a notebook. Shapes come from the schemas in `schema.ts`. */
import type { z } from 'zod';
import type { articleFormatSchema, articleMetaSchema, articleSchema } from './schema';
import type { ArticleDoc } from './article-doc';
import type { RecordId } from './record-ids';
import type { claimSchema, noteLinkSchema, noteMetaSchema, noteSchema, relationSchema, linkTargetSchema } from './research-schema';
import type { annotationSchema, annotationTargetSchema, colorLegendSchema, highlightColorSchema } from './annotation-schema';

export type ArticleId = RecordId<'article'>;
export type ArticleFormat = z.infer<typeof articleFormatSchema>;
export type ArticleMeta = z.infer<typeof articleMetaSchema>;
export type Article = z.infer<typeof articleSchema>;

/** What an import answers: the article it made, and what the person should know about how it was read. */
export type ImportedArticle = ArticleMeta & {
  /** Set when the page was not read as an article usually is (kept whole without reader mode, flattened). */
  notice?: string;
};

/** An article as the library lists it: its metadata and how many annotations it holds. */
export type ArticleListing = ArticleMeta & { annotationCount: number };

/** An article as the reader gets it: its metadata, its body tree, HTML and canonical text. */
export interface ArticleView extends ArticleMeta {
  /** The article's revision (the listing carries none): what an edit of it is based on. */
  rev?: string;
  doc: ArticleDoc;
  /** Sanitized HTML derived from `doc` (for exports and non-React consumers). */
  html: string;
  /** The canonical text that selectors index. */
  text: string;
  /** The text the article was written in (`format`), for editing. */
  original: string;
  /** Versions edited elsewhere at the same time (see common/merge), when a merge kept any. */
  conflicts?: Article['conflicts'];
}

/** A file of the notebook that could not be read and was set aside. */
export interface QuarantinedFile {
  /** Path relative to the notebook folder, where the file was. */
  file: string;
  /** Path relative to the notebook folder, where it is now. */
  movedTo: string;
  /** Why it could not be read, in words a person can act on. */
  reason: string;
}

/**
 * A file of the notebook found damaged (or written by a newer Marginalia) and set aside, as the
 * "Damaged files" list keeps it from one session to the next until it is restored or put away.
 */
export interface DamagedFile {
  /** Names the entry in `restoreDamagedFile` and `dismissDamagedFile`. */
  id: string;
  /** Path relative to the notebook folder, where the file was. */
  file: string;
  /** Path relative to the notebook folder, where the damaged file is kept now; null when it was left where it is (a newer format). */
  movedTo: string | null;
  /** Why it was set aside, in words a person can act on. */
  reason: string;
  /** When it was set aside (ISO 8601). */
  at: string;
  /** The record the file held, when known, with a name a person recognises. */
  record?: { kind: 'article' | 'claim' | 'note'; id: string; title?: string };
  /** Path relative to the notebook folder of a good copy of that record, when a backup holds one. */
  backup?: string;
  /** Where that good copy came from, in words ("the undo history", "the shared notebook’s last commit 1a2b3c4"); absent for a snapshot's. */
  backupFrom?: string;
  /** When that good copy was saved there (ISO 8601), with `backupFrom`. */
  backupAt?: string;
}

export interface NotebookStatus {
  /** Absolute path of the notebook folder. */
  location: string;
  /** Files set aside since the notebook was opened (unreadable records, unreadable conflict copies). */
  quarantined: QuarantinedFile[];
  /** Every file set aside and not yet restored or put away, this session's and earlier ones', oldest first. */
  damagedFiles: DamagedFile[];
  /**
   * Set when the notebook's folder may not be written, so it is open read-only: why and what to
   * do, in words (every write is refused with them). Absent when it may be written.
   */
  readOnly?: string;
  /**
   * What the person should know about the notebook as a whole, one sentence each (it is open on
   * another machine too, through a synced folder). Absent when there is nothing to say.
   */
  warnings?: string[];
}

export type HighlightColor = z.infer<typeof highlightColorSchema>;
export type Annotation = z.infer<typeof annotationSchema>;
export type AnnotationTarget = z.infer<typeof annotationTargetSchema>;
export type ColorLegend = z.infer<typeof colorLegendSchema>;

/** Where an annotation lands in the article's current canonical text. */
export type AnchorState = { status: 'anchored'; start: number; end: number } | { status: 'orphaned' };

/** An annotation as the reader gets it: the record and where it anchors now. */
export interface AnnotationView extends Annotation {
  anchor: AnchorState;
}

/** What undo and redo would do next, for menus and tooltips. */
export interface HistoryState {
  undo: { label: string } | null;
  redo: { label: string } | null;
}

/** What an undo or redo changed, so the renderer can show it. */
export interface HistoryStep {
  label: string;
  /** The article whose annotations changed, if any. */
  articleId?: string;
  history: HistoryState;
}

export type Claim = z.infer<typeof claimSchema>;
export type Note = z.infer<typeof noteSchema>;
export type NoteMeta = z.infer<typeof noteMetaSchema>;
export type NoteLink = z.infer<typeof noteLinkSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type LinkTarget = z.infer<typeof linkTargetSchema>;

/** A claim as the claims view shows it. */
export interface ClaimView extends Claim {
  evidence: (Claim['evidence'][number] & { articleTitle: string; quote: string; color: HighlightColor })[];
  links: { noteId: string; noteTitle: string; relation: Relation }[];
  counts: Record<Relation, number>;
}

/** A note link with what it points at, so a chip can name it and jump to the passage. */
export interface ResolvedLink extends NoteLink {
  /** The claim's statement or the highlight's quote. */
  label: string;
  /** The article of the passage (a claim's first evidence), absent when it has none. */
  articleId?: string;
  articleTitle?: string;
  /** The highlight to flash: the linked one, or a claim's first evidence. */
  annotationId?: string;
}

/** A note as its editor shows it. */
export interface NoteView extends Note {
  links: ResolvedLink[];
}

export interface AnnotationUsage {
  claims: { id: string; statement: string }[];
  notes: { noteId: string; noteTitle: string; relation: Relation }[];
}

/** A tag and how many records of each kind carry it (exactly; the tree sums them). */
export interface TagCount {
  tag: string;
  counts: { article: number; annotation: number; claim: number; note: number };
}
