/**
 * A claim's statement as an editable field, shared by the margin's claim section and the
 * claims view.
 */
import { useRef, useState } from 'react';
import type { ClaimView } from '../../src-main/common/model';
import { saveClaimStatement } from '../state/annotation-actions';
import { saveOnBlurKeys } from './save-on-blur-keys';

/**
 * A claim's statement as a field: saved on blur or Enter; Esc puts back what was saved. Until
 * the person types, the field follows the claim as stored (another window's edit shows at
 * once); from the first key it holds their text, saved based on the claim as it was then.
 */
export function ClaimStatement({ claim }: { claim: ClaimView }) {
  const [editing, setEditing] = useState<{ draft: string; base: ClaimView } | null>(null);
  const cancelled = useRef(false);
  return (
    <>
      {/* A textarea so a long statement wraps and can be read whole; Enter still saves. */}
      <textarea
        rows={1}
        className="card-claim-field"
        aria-label="Claim statement"
        value={editing?.draft ?? claim.statement}
        onChange={(event) => setEditing({ draft: event.target.value, base: editing?.base ?? claim })}
        onKeyDown={(event) => saveOnBlurKeys(event, cancelled, { multiline: false })}
        onBlur={(event) => {
          const value = event.currentTarget.value.replace(/\s+/g, ' ').trim();
          if (!editing || cancelled.current || value === '' || value === editing.base.statement) {
            cancelled.current = false;
            setEditing(null);
            return;
          }
          // A refused save keeps what was typed in the field.
          void saveClaimStatement(editing.base, value).then((saved) => {
            if (saved) setEditing(null);
          });
        }}
      />
    </>
  );
}
