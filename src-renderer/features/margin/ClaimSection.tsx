/**
 * The "Claim" section of a highlight card that is evidence for claims: each claim's statement
 * as a field (saved on blur or Enter, Esc puts back what was saved) and how many note links
 * support, contradict or question it.
 */
import { useId, useRef, useState } from 'react';
import type { ClaimView } from '../../../src-main/common/model';
import { RELATIONS } from '../../../src-main/common/research-schema';
import { saveOnBlurKeys } from '../../components/save-on-blur-keys';
import { saveClaimStatement } from '../../state/annotation-actions';

export function ClaimSection({ claims }: { claims: readonly ClaimView[] }) {
  const headingId = useId();
  return (
    <section className="card-claim" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-claim-heading">
        Claim
      </h3>
      {claims.map((claim) => (
        <ClaimStatement key={`${claim.id} ${claim.statement}`} claim={claim} />
      ))}
    </section>
  );
}

function ClaimStatement({ claim }: { claim: ClaimView }) {
  const [draft, setDraft] = useState(claim.statement);
  const cancelled = useRef(false);
  const counts = RELATIONS.filter((relation) => claim.counts[relation] > 0).map((relation) => `${claim.counts[relation]} ${relation}`);

  return (
    <div className="card-claim-body">
      {/* A textarea so a long statement wraps and can be read whole; Enter still saves. */}
      <textarea
        rows={1}
        className="card-claim-field"
        aria-label="Claim statement"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => saveOnBlurKeys(event, cancelled, { multiline: false })}
        onBlur={(event) => {
          const value = event.currentTarget.value.replace(/\s+/g, ' ').trim();
          if (cancelled.current || value === '' || value === claim.statement) {
            cancelled.current = false;
            setDraft(claim.statement);
            return;
          }
          void saveClaimStatement(claim.id, value).then((saved) => {
            if (!saved) setDraft(claim.statement);
          });
        }}
      />
      {counts.length > 0 ? <p className="card-claim-counts">{counts.join(' · ')}</p> : null}
    </div>
  );
}
