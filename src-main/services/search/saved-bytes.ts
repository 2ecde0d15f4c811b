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
  /** `length` bytes from `position` as UTF-8 text, read and decoded a piece at a time. */
  readText(position: number, length: number): string;
  /** `count` 32-bit numbers from `position` (a multiple of 4); into `into` (of `count` words) when given. */
  readWords(position: number, count: number, into?: Uint32Array): Uint32Array;
  close(): void;
}

/** Text is read in pieces below glibc's first mmap threshold (see `TEXT_CHUNK` in store/atomic-file.ts). */
const TEXT_PIECE = 64 << 10;

export function bytesInMemory(bytes: Uint8Array): SavedBytes {
  // Word views need 4-byte alignment: copy once if the caller's view is not aligned.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  return {
    size: aligned.byteLength,
    readText: (position, length) => new TextDecoder().decode(aligned.subarray(position, position + length)),
    readWords(position, count, into) {
      const words = new Uint32Array(aligned.buffer, aligned.byteOffset + position, count);
      return into ? (into.set(words), into) : words;
    },
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
    readText(position, length) {
      const piece = new Uint8Array(Math.min(TEXT_PIECE, length));
      const decoder = new TextDecoder();
      let text = '';
      for (let at = 0; at < length; at += TEXT_PIECE) {
        const bytes = fill(piece.subarray(0, Math.min(TEXT_PIECE, length - at)), position + at);
        text += decoder.decode(bytes, { stream: true });
      }
      return text + decoder.decode();
    },
    readWords(position, count, into = new Uint32Array(count)) {
      fill(new Uint8Array(into.buffer, into.byteOffset, into.byteLength), position);
      return into;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
