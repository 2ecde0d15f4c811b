/**
 * The "Claim" section of a highlight card that is evidence for claims: each claim's statement
 * as a field (saved on blur or Enter, Esc puts back what was saved), how many note links
 * support, contradict or question it, its tags, and "Add note" to argue with it.
 */
import { useId } from 'react';
import type { ClaimView } from '../../../src-main/common/model';
import { RELATIONS } from '../../../src-main/common/relations';
import { ClaimConflicts } from '../../components/ClaimConflicts';
import { ClaimStatement } from '../../components/ClaimStatement';
import { TagInput } from '../../components/TagInput';
import { tagClaim } from '../../state/tag-actions';
import { NewNoteMenu } from '../../components/NewNoteMenu';

export function ClaimSection({ claims }: { claims: readonly ClaimView[] }) {
  const headingId = useId();
  return (
    <section className="card-claim" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-claim-heading">
        Claim
      </h3>
      {claims.map((claim) => (
        <div key={claim.id} className="card-claim-body">
          <ClaimStatement claim={claim} />
          <ClaimCounts claim={claim} />
          <TagInput label="Tags for this claim" tags={claim.tags} onChange={(tags) => void tagClaim(claim, tags)} />
          <ClaimConflicts claim={claim} />
          <NewNoteMenu target={{ claimId: claim.id }} subject={claim.statement} label="Note on the claim" />
        </div>
      ))}
    </section>
  );
}

/** "2 supports · 1 contradicts": how the notes linked to a claim relate to it. */
export function ClaimCounts({ claim }: { claim: ClaimView }) {
  const counts = RELATIONS.filter((relation) => claim.counts[relation] > 0).map((relation) => `${claim.counts[relation]} ${relation}`);
  return counts.length > 0 ? <p className="card-claim-counts">{counts.join(' · ')}</p> : null;
}
