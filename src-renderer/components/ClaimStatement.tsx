/**
 * A claim's statement as an editable field, shared by the margin's claim section and the
 * claims view.
 */
import { useRef, useState } from 'react';
import type { ClaimView } from '../../src-main/common/model';
import { saveClaimStatement } from '../state/annotation-actions';
import { saveOnBlurKeys } from './save-on-blur-keys';

/** A claim's statement as a field: saved on blur or Enter; Esc puts back what was saved. */
export function ClaimStatement({ claim }: { claim: ClaimView }) {
  const [draft, setDraft] = useState(claim.statement);
  const cancelled = useRef(false);
  return (
    <>
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
    </>
  );
}
