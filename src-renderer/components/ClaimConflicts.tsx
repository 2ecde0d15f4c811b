/** A claim's conflict history (on its card in the claims view and in the margin): the other versions' statement and tags. */
import type { Claim } from '../../src-main/common/model';
import { ConflictNotices, type FieldSpec } from './ConflictNotice';
import { shortenQuote } from './shorten-quote';

type Version = Omit<Claim, 'conflicts' | 'revs'>;

const FIELDS: FieldSpec<Version>[] = [
  { label: 'Statement', read: (v) => v.statement, show: (v) => v.statement },
  { label: 'Tags', read: (v) => v.tags, show: (v) => (v.tags.length > 0 ? v.tags.join(', ') : 'No tags') },
  { label: 'Evidence', read: (v) => v.evidence.map((e) => e.annotationId), show: (v) => (v.evidence.length === 1 ? '1 passage' : `${v.evidence.length} passages`) },
];

export function ClaimConflicts({ claim }: { claim: Claim }) {
  if (!claim.conflicts?.length) return null;
  return (
    <ConflictNotices
      kind="claim"
      id={claim.id}
      subject={`the claim “${shortenQuote(claim.statement, 60)}”`}
      versions={claim.conflicts}
      current={claim}
      fields={FIELDS}
    />
  );
}
