import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { ClaimView } from '../../src-main/common/model';
import { researchStore } from './research-store';

/** For each highlight, the claims it is evidence for. */
export function useClaimsByAnnotation(): ReadonlyMap<string, readonly ClaimView[]> {
  const claims = useStore(researchStore, (state) => state.claims);
  return useMemo(() => {
    const map = new Map<string, ClaimView[]>();
    for (const claim of claims) {
      for (const evidence of claim.evidence) {
        const list = map.get(evidence.annotationId);
        if (list) list.push(claim);
        else map.set(evidence.annotationId, [claim]);
      }
    }
    return map;
  }, [claims]);
}
