import type { Relation } from '../../src-main/common/model';

/** How each relation reads in a sentence ("This note supports …") and as a heading. */
export const RELATION_LABELS: Record<Relation, { verb: string; heading: string }> = {
  supports: { verb: 'supports', heading: 'Supporting' },
  contradicts: { verb: 'contradicts', heading: 'Contradicting' },
  questions: { verb: 'questions', heading: 'Questioning' },
  context: { verb: 'gives context to', heading: 'Context' },
};
