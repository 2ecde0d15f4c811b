/**
 * zod as Marginalia uses it: import `z` from here, never from 'zod' (architecture.test.ts
 * checks). What is set here is read when a schema is made, so it has to run first.
 *
 * No support for reference cycles. zod's default memoizer lets a schema parse a value that
 * holds a cycle, at the price of a WeakMap entry and a check for every object and array met by
 * a recursive schema. Only the document tree's schemas are recursive, and what they check is
 * parsed JSON (record files, bundles, synced records) or a record the services built: neither
 * holds a cycle. Validating the 10 MB record of a 40,000-cell table took 97–130 ms with the
 * memoizer and 18–21 ms without; a 24 KB article 0.24–0.40 ms, now 0.03–0.08 ms.
 */
import { z } from 'zod';

const withoutCycles: z.core.$ZodMemoizer = {
  attach() {},
  guard() {},
  alloc: (_schema, _payload, empty) => empty,
};

z.config({ memoizer: withoutCycles });

export { z };
