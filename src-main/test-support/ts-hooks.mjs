// Node module hooks for test child processes that run the TypeScript sources directly: a
// relative import without an extension finds its `.ts` file, `.ts` is transpiled (types
// dropped, nothing checked: the type-check runs on its own), and Vite's `?raw` imports (the
// services bundle shipped resources that way) become a module exporting the file's text, and
// JSON imported without an attribute (as Vite allows) its value.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function resolve(specifier, context, next) {
  if (specifier.endsWith('?raw')) {
    const base = await next(specifier.slice(0, -'?raw'.length), context);
    return { url: `${base.url}?raw`, format: 'module', shortCircuit: true };
  }
  const parent = context.parentURL ?? '';
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && parent.endsWith('.ts') && !/\.[cm]?[jt]s$|\.json$/.test(specifier)) {
    for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
      const url = new URL(candidate, parent);
      if (existsSync(fileURLToPath(url))) return { url: url.href, format: 'module', shortCircuit: true };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.endsWith('?raw')) {
    const text = await readFile(new URL(url.slice(0, -'?raw'.length)), 'utf8');
    return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
  }
  if (url.startsWith('file:') && url.endsWith('.json') && !context.importAttributes?.type) {
    // Vite lets the sources import JSON without `with { type: 'json' }`.
    return { format: 'module', source: `export default ${await readFile(new URL(url), 'utf8')};`, shortCircuit: true };
  }
  if (url.startsWith('file:') && url.endsWith('.ts')) {
    return { format: 'module', source: await transpiled(fileURLToPath(url)), shortCircuit: true };
  }
  return next(url, context);
}


/** Transpiled once per file version: later child processes read it back (a test may start twenty). */
const CACHE = join(tmpdir(), 'marginalia-ts-hooks-cache');
async function transpiled(path) {
  const { mtimeMs, size } = await stat(path);
  const key = createHash('sha1').update(`${path}\0${mtimeMs}\0${size}`).digest('hex');
  const cached = join(CACHE, `${key}.js`);
  try {
    return await readFile(cached, 'utf8');
  } catch {
    // TypeScript itself takes a second to load: only on a miss.
    const { default: ts } = await import('typescript');
    const { outputText } = ts.transpileModule(await readFile(path, 'utf8'), {
      fileName: path,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
    });
    await mkdir(CACHE, { recursive: true });
    await writeFile(`${cached}.${process.pid}`, outputText);
    await rename(`${cached}.${process.pid}`, cached);
    return outputText;
  }
}
