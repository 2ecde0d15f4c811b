/**
 * The bytes of a saved search index, read where they are: the file itself, kept open so that
 * posting lists are read when a query needs them rather than held in memory (at 10,000
 * articles they are ~70 MB), or an array in memory (tests, and indexes never saved).
 *
 * The file is only ever replaced by a rename (writeFileAtomic): an open descriptor keeps
 * reading the bytes it opened until the index switches to the new file.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface SavedBytes {
  readonly size: number;
  /** `length` bytes from `position`, in an array of their own (so 4-byte aligned) or a view. */
  read(position: number, length: number): Uint8Array;
  /** `count` 32-bit numbers from `position` (a multiple of 4). */
  readWords(position: number, count: number): Uint32Array;
  close(): void;
}

export function bytesInMemory(bytes: Uint8Array): SavedBytes {
  // Word views need 4-byte alignment: copy once if the caller's view is not aligned.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  return {
    size: aligned.byteLength,
    read: (position, length) => aligned.subarray(position, position + length),
    readWords: (position, count) => new Uint32Array(aligned.buffer, aligned.byteOffset + position, count),
    close() {},
  };
}

/** Opens `path` for reading; throws (ENOENT and the like) when it cannot. */
export function bytesInFile(path: string): SavedBytes {
  const fd = openSync(path, 'r');
  let open = true;
  const fill = (target: Uint8Array, position: number) => {
    let done = 0;
    while (done < target.byteLength) {
      const read = readSync(fd, target, done, target.byteLength - done, position + done);
      if (read === 0) throw new Error('the index file ended early');
      done += read;
    }
    return target;
  };
  return {
    size: fstatSync(fd).size,
    read: (position, length) => fill(new Uint8Array(length), position),
    readWords(position, count) {
      const words = new Uint32Array(count);
      fill(new Uint8Array(words.buffer), position);
      return words;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
