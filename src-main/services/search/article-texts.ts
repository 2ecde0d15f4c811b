/**
 * The canonical text of every indexed article in one append-only file beside the saved index
 * (`search-index/texts-<stamp>.bin`), so a query cuts snippets and checks phrases by reading a
 * few byte ranges instead of reading, parsing and validating whole article files. Memory holds
 * only where each text sits. The file is derived like the index: a text missing from it is read
 * from the article's file again.
 *
 * Appends only ever go past the end, so a saved index points at bytes that stay as they were;
 * the file is synced before the index that points into it is saved. When most of the file is
 * replaced text, the live texts are copied into a new file, and the old one is deleted once an
 * index pointing at the new one is saved.
 */
import { randomBytes } from 'node:crypto';
import { readSync } from 'node:fs';
import { mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from '../../common/zod';

/** Where each article's text sits: id -> [byte offset, byte length]. */
export const savedTextsSchema = z.object({
  file: z.string().regex(/^texts-[a-z0-9-]+\.bin$/),
  spans: z.record(z.string(), z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export type SavedTexts = z.infer<typeof savedTextsSchema>;

/** Replaced text the file may hold before it is rewritten (and no less than the live text). */
const DEAD_LIMIT = 32 * 1024 * 1024;

const newName = () => `texts-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.bin`;

export class ArticleTexts {
  /** Opened at the first text written, so opening search writes nothing by itself. */
  #file: FileHandle | null;
  #name: string;
  #size: number;
  #spans: Map<string, [number, number]>;
  #live = 0;
  #dead = 0;
  /** Files replaced by a rewrite, deleted after the next save. */
  #retired: string[] = [];
  #queue: Promise<void> = Promise.resolve();

  private constructor(readonly folder: string, name: string, file: FileHandle | null, size: number, spans: Map<string, [number, number]>) {
    this.#name = name;
    this.#file = file;
    this.#size = size;
    this.#spans = spans;
    for (const [, length] of spans.values()) this.#live += length;
  }

  /**
   * Opens the file a saved index points at (trusting only spans inside it), or starts a new
   * one; other texts files in `folder` are left from earlier runs and deleted.
   */
  static async open(folder: string, saved: SavedTexts | null): Promise<ArticleTexts> {
    await mkdir(folder, { recursive: true });
    let texts: ArticleTexts | null = null;
    if (saved) {
      try {
        const file = await open(join(folder, saved.file), 'r+');
        const { size } = await file.stat();
        const spans = new Map(Object.entries(saved.spans).filter(([, [at, length]]) => at + length <= size));
        texts = new ArticleTexts(folder, saved.file, file, size, spans);
      } catch {
        // Missing or unreadable: the texts are read from the articles again as queries need them.
      }
    }
    texts ??= new ArticleTexts(folder, newName(), null, 0, new Map());
    const current = texts.#name;
    for (const name of await readdir(folder)) if (/^texts-.*\.bin$/.test(name) && name !== current) await rm(join(folder, name), { force: true });
    return texts;
  }

  has(id: string): boolean {
    return this.#spans.has(id);
  }

  /**
   * The article's text, or undefined when the file does not hold it. Read synchronously: a
   * query reads up to sixty texts, and in the search worker a read of a few kilobytes from the
   * page cache costs microseconds, where an asynchronous one waits its turn in the thread pool
   * the whole process (the store's writes included) shares.
   */
  async get(id: string): Promise<string | undefined> {
    const span = this.#spans.get(id);
    if (!span || !this.#file) return undefined;
    const [at, length] = span;
    const buffer = Buffer.allocUnsafe(length);
    const bytesRead = readSync(this.#file.fd, buffer, 0, length, at);
    // Shorter than it said (a file damaged outside the app): the text is read from the article again.
    return bytesRead === length ? buffer.toString('utf8') : undefined;
  }

  /** Appends the article's text (puts run one at a time, so each lands past the last). */
  put(id: string, text: string): Promise<void> {
    this.#queue = this.#queue.catch(() => undefined).then(() => this.#put(id, text));
    return this.#queue;
  }

  async #put(id: string, text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    this.#file ??= await open(join(this.folder, this.#name), 'w+');
    const at = this.#size;
    this.#size += bytes.length;
    await this.#file.write(bytes, 0, bytes.length, at);
    this.forget(id);
    this.#spans.set(id, [at, bytes.length]);
    this.#live += bytes.length;
    if (this.#dead > DEAD_LIMIT && this.#dead > this.#live) await this.#rewrite();
  }

  forget(id: string): void {
    const span = this.#spans.get(id);
    if (!span) return;
    this.#spans.delete(id);
    this.#live -= span[1];
    this.#dead += span[1];
  }

  /**
   * Where each text is now, for the index about to be saved, and the files replaced before now
   * (which that index no longer points at). Every span points at bytes already written.
   */
  snapshot(): { texts: SavedTexts | undefined; retired: string[] } {
    const texts = this.#file ? { file: this.#name, spans: Object.fromEntries(this.#spans) } : undefined;
    return { texts, retired: this.#retired.splice(0) };
  }

  /** Makes every text written so far durable (before an index pointing at them is saved). */
  async flush(): Promise<void> {
    await this.#queue.catch(() => undefined);
    await this.#file?.datasync();
  }

  /** Deletes replaced files once a saved index no longer points at them. */
  async delete(retired: readonly string[]): Promise<void> {
    for (const name of retired) await rm(join(this.folder, name), { force: true });
  }

  async close(): Promise<void> {
    await this.#queue.catch(() => undefined);
    await this.#file?.close();
  }

  /** Copies the live texts into a new file and switches to it. */
  async #rewrite(): Promise<void> {
    const name = newName();
    const file = await open(join(this.folder, name), 'w+');
    const spans = new Map<string, [number, number]>();
    let size = 0;
    for (const [id, [at, length]] of this.#spans) {
      const buffer = Buffer.allocUnsafe(length);
      await this.#file!.read(buffer, 0, length, at);
      await file.write(buffer, 0, length, size);
      spans.set(id, [size, length]);
      size += length;
    }
    const old = this.#file!;
    this.#retired.push(this.#name);
    [this.#file, this.#name, this.#size, this.#spans, this.#live, this.#dead] = [file, name, size, spans, size, 0];
    await old.close();
  }
}
