/** `marginalia import --notebook DIR FILE…`: the words of an import into what it needs. */
export interface ImportCommand {
  notebook: string;
  files: string[];
}

export const IMPORT_SYNOPSIS = '  marginalia import --notebook DIR FILE...';

export const IMPORT_HELP = `Import merges files into a notebook, each as one undo step: a notebook bundle (.marginalia.json), W3C
Web Annotation JSON-LD, a Hypothesis export (.json) or a REFI-QDA project (.qdpx). Prints what
each added, updated, kept as a conflict and refused. The notebook must not be open in the app.`;

export function parseImport(rest: readonly string[]): { kind: 'import'; command: ImportCommand } | { kind: 'error'; message: string } {
  let notebook: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--notebook' || arg.startsWith('--notebook=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (!value) return { kind: 'error', message: '--notebook needs a value.' };
      if (notebook !== undefined) return { kind: 'error', message: '--notebook is given twice.' };
      notebook = value;
    } else if (arg.startsWith('-')) {
      return { kind: 'error', message: `Unknown option "${arg}".` };
    } else files.push(arg);
  }
  if (!notebook) return { kind: 'error', message: '--notebook DIR is required: the notebook folder to import into.' };
  if (files.length === 0) return { kind: 'error', message: 'Name at least one file to import.' };
  return { kind: 'import', command: { notebook, files } };
}
