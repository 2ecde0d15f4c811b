/**
 * Opening a .qdpx (a zip) without trusting it: the number of entries and the size of what is
 * inflated are capped before anything is inflated, so a zip bomb fails with a message instead
 * of exhausting memory. Only the entries the reader asks for are inflated: a project with
 * gigabytes of video still opens, because its videos are never read.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';

/** Most entries a project may list. Real projects hold a few hundred sources. */
export const MAX_ENTRIES = 20_000;
/** Most bytes the entries read (project.qde and text files) may inflate to, together. */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;

export interface QdpxArchive {
  /** The name of the entry called `name`, matched as written, else ignoring case and `\` vs `/`. */
  find(name: string): string | undefined;
  /** The inflated bytes of entries named as `find` returns them. */
  read(names: readonly string[]): Map<string, Uint8Array>;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export function openQdpx(bytes: Uint8Array): QdpxArchive {
  const entries = new Map<string, UnzipFileInfo>();
  try {
    // A filter that keeps nothing lists the entries without inflating any.
    unzipSync(bytes, {
      filter: (entry) => {
        if (entries.size >= MAX_ENTRIES) throw new QdpxLimitError(`This .qdpx lists more than ${MAX_ENTRIES.toLocaleString('en')} files; it is not a project this app can open.`);
        entries.set(entry.name, entry);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof QdpxLimitError) throw error;
    throw new Error('This file is not a .qdpx project: it is not a zip archive (or the zip is damaged).');
  }
  const byLooseName = new Map<string, string>();
  for (const name of entries.keys()) {
    const loose = looseName(name);
    if (!byLooseName.has(loose)) byLooseName.set(loose, name);
  }
  return {
    find: (name) => (entries.has(name) ? name : byLooseName.get(looseName(name))),
    read: (names) => {
      const wanted = new Set(names);
      const declared = [...wanted].reduce((sum, name) => sum + (entries.get(name)?.originalSize ?? 0), 0);
      if (declared > MAX_INFLATED_BYTES) {
        throw new Error(`This .qdpx's project and texts would take ${megabytes(declared)} unpacked; the limit is ${megabytes(MAX_INFLATED_BYTES)}.`);
      }
      try {
        // fflate inflates each entry into a buffer of its declared size, so the cap above holds
        // even for an entry that lies about its size (its excess is cut off, not allocated).
        return new Map(Object.entries(unzipSync(bytes, { filter: (entry) => wanted.has(entry.name) })));
      } catch {
        throw new Error('This .qdpx is damaged: a file inside it cannot be unpacked.');
      }
    },
  };
}

const looseName = (name: string) => name.replace(/\\/g, '/').replace(/^\.?\//, '').toLowerCase();

class QdpxLimitError extends Error {}
