import { randomBytes } from 'node:crypto';

/** A new record id: the record's prefix and 16 random base-36 characters (`art_k3f…`). */
export function newId<P extends string>(prefix: P): `${P}_${string}` {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  const bytes = randomBytes(16);
  let suffix = '';
  for (const byte of bytes) suffix += alphabet[byte % 36];
  return `${prefix}_${suffix}`;
}
