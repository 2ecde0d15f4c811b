/** Browser mode's body limit must carry the largest file an import accepts (as base64 in JSON); beyond it the host answers 413. */
import { describe, expect, it } from 'vitest';
import { LARGEST_IMPORT } from '../../common/import-limits';
import { MAX_BODY_BYTES } from './http-host';

describe('the API body limit', () => {
  it('lets the largest legal file through as base64 in JSON', () => {
    const largestCall = JSON.stringify({ format: 'pdf', encoding: 'base64', fileName: 'x'.repeat(255), content: 'A'.repeat(Math.ceil(LARGEST_IMPORT / 3) * 4) });
    expect(largestCall.length).toBeLessThan(MAX_BODY_BYTES);
  });
});
