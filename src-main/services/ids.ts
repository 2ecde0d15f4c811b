import { randomBytes } from 'node:crypto';
import { ID_RANDOM_LENGTH, idFromBytes, type RecordId, type RecordKind } from '../common/record-ids';

/** A new id for a record of `kind`: its prefix and 16 random base-36 characters (`art_k3f…`). */
export function newId<K extends RecordKind>(kind: K): RecordId<K> {
  return idFromBytes(kind, randomBytes(ID_RANDOM_LENGTH));
}
