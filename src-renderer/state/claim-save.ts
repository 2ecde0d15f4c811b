/**
 * Saving a claim's statement or tags, based on the version the window showed when the edit
 * began (see based-save).
 */
import type { ApiResponse } from '../../src-main/common/api';
import type { Claim, ClaimView } from '../../src-main/common/model';
import { notebook } from '../notebook-client';
import { saveBased } from './based-save';

type ClaimFields = { statement: string; tags: string[] };

async function currentClaim(id: string): Promise<ApiResponse<Claim>> {
  const answer = await notebook.listClaims({});
  if (!answer.ok) return answer;
  const found = answer.value.find((claim) => claim.id === id);
  return found ? { ok: true, value: found } : { ok: false, error: { code: 'not_found', message: 'That claim no longer exists.' } };
}

/** Saves `mine` for the claim the edit started from (`base`); answers the claim as it now is. */
export function saveClaimFields(base: ClaimView, mine: Partial<ClaimFields>): Promise<ApiResponse<Claim>> {
  return saveBased<Claim, ClaimFields>({
    kind: 'claim',
    name: base.statement,
    base,
    mine,
    fieldsOf: (claim) => ({ statement: claim.statement, tags: claim.tags }),
    labels: { statement: 'Statement', tags: 'Tags' },
    send: (fields, baseRev) => notebook.updateClaim({ id: base.id, ...fields, baseRev }),
    fetchCurrent: () => currentClaim(base.id),
  });
}
