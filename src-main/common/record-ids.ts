/**
 * Record ids: every kind of record has a prefix (`art_k3f…`), and this table is the one place
 * they are spelled. Ids are made, validated and recognised in file names from it. The prefixes
 * are part of the notebook's format on disk (`articles/art_….json`): changing one would orphan
 * every record already written.
 */
export const ID_PREFIXES = {
  article: 'art',
  annotation: 'ann',
  claim: 'clm',
  note: 'note',
} as const;

export type RecordKind = keyof typeof ID_PREFIXES;

/** An id of a record of kind `K`, e.g. `RecordId<'article'>` is `art_${string}`. */
export type RecordId<K extends RecordKind> = `${(typeof ID_PREFIXES)[K]}_${string}`;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** How many random characters an id made now has; ids read from a notebook may have 8 to 40. */
export const ID_RANDOM_LENGTH = 16;

/**
 * An id of `kind` whose characters after the prefix come from `bytes`, one base-36 character
 * per byte. The caller brings the randomness, so this stays pure (see services/ids.ts).
 */
export function idFromBytes<K extends RecordKind>(kind: K, bytes: Uint8Array): RecordId<K> {
  let suffix = '';
  for (const byte of bytes) suffix += ALPHABET[byte % ALPHABET.length];
  return `${ID_PREFIXES[kind]}_${suffix}`;
}

/** Matches a well-formed id of `kind`: its prefix, `_`, then 8 to 40 lower-case letters and digits. */
export function idPattern(kind: RecordKind): RegExp {
  return new RegExp(`^${ID_PREFIXES[kind]}_[a-z0-9]{8,40}$`);
}

/**
 * Matches the name of a record file of `kind` (`<id>.json`). Looser than `idPattern` on
 * length on purpose: a file whose id is malformed is still read, and set aside with the
 * reason, rather than silently skipped.
 */
export function recordFilePattern(kind: RecordKind): RegExp {
  return new RegExp(`^${ID_PREFIXES[kind]}_[a-z0-9]+\\.json$`);
}
