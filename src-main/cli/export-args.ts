/**
 * The command line's words: `marginalia export --notebook DIR --format F [options]` into the
 * export call's argument (checked afterwards by the same schema the app's calls are).
 */
import { EXPORT_FORMATS } from '../common/export-schema';
import { IMPORT_HELP, IMPORT_SYNOPSIS, parseImport, type ImportCommand } from './import-args';
import { parseSync, SYNC_HELP, SYNC_SYNOPSIS, type SyncCommand } from './sync-args';

export const USAGE = `Usage:
  marginalia export --notebook DIR --format ${EXPORT_FORMATS.join('|')}
                    [--shape source|claim] [--tag TAG]... [--article ID]... [--claim ID]...
                    [--style apa|chicago|mla|harvard] [--out FILE]
                    [--no-comments] [--no-notes] [--no-needs-review] [--excel]
${IMPORT_SYNOPSIS}
${SYNC_SYNOPSIS}
  marginalia --help

Exports an annotated report (or the bibliography) of a notebook. With no --tag, --article or
--claim, the whole notebook. Text formats go to standard output unless --out is given; PDF
and Word need --out. The notebook is only read: this works while the app has it open.

  --notebook DIR     the notebook folder
  --format F         md, html, pdf, docx, csv, w3c (Web Annotation JSON-LD), bibtex, ris, csl-json,
                     bundle (for another Marginalia to merge), qdpx (REFI-QDA project: NVivo, ATLAS.ti, MAXQDA)
  --shape S          source (each article and its highlights, default) or claim (each claim and its evidence)
  --tag TAG          highlights and articles with this tag (and the tags under it); claims with it
  --article ID       this article (repeat for more)
  --claim ID         this claim (repeat for more)
  --style S          citation style: apa (APA 7th, default), chicago, mla, harvard
  --out FILE         write the file here (written under a temporary name, then renamed)
  --no-comments      leave out the highlights' comments
  --no-notes         leave out the notes that cite highlights and claims
  --no-needs-review  leave out passages that were not found in the article's current text
  --excel            CSV: begin with a byte order mark, so Excel reads it as UTF-8

PDF is printed with Chromium, Chrome or Edge found on this machine, or the one MARGINALIA_CHROME names.

${IMPORT_HELP}

${SYNC_HELP}

Exit status: 0 done, 2 bad arguments, 1 any other failure.`;

export interface ExportCommand {
  notebook: string;
  out?: string;
  /** The exportReport argument, unchecked. */
  request: {
    format: string;
    shape?: string;
    style?: string;
    scope: { tags: string[]; articleIds: string[]; claimIds: string[] };
    options: { comments: boolean; notes: boolean; needsReview: boolean };
    excel: boolean;
  };
}

export type ParsedCommand =
  | { kind: 'help' }
  | { kind: 'export'; command: ExportCommand }
  | { kind: 'import'; command: ImportCommand }
  | { kind: 'sync'; command: SyncCommand }
  | { kind: 'error'; message: string };

const VALUED = ['--notebook', '--format', '--shape', '--style', '--out', '--tag', '--article', '--claim'] as const;
const REPEATABLE: readonly string[] = ['--tag', '--article', '--claim'];
const SWITCHES = ['--no-comments', '--no-notes', '--no-needs-review', '--excel'] as const;

export function parseCommand(argv: readonly string[]): ParsedCommand {
  if (argv.length === 0) return { kind: 'error', message: 'Say what to do: marginalia export, import, share, join or sync …' };
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const [verb, ...rest] = argv;
  if (verb === 'import') return parseImport(rest);
  if (verb === 'share' || verb === 'join' || verb === 'sync') return parseSync(verb, rest);
  if (verb !== 'export') return { kind: 'error', message: `Unknown command "${verb}": the commands are export, import, share, join and sync.` };

  const single = new Map<string, string>();
  const lists: Record<string, string[]> = { '--tag': [], '--article': [], '--claim': [] };
  const switches = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if ((SWITCHES as readonly string[]).includes(name)) {
      switches.add(name);
      continue;
    }
    if (!(VALUED as readonly string[]).includes(name)) return { kind: 'error', message: `${arg.startsWith('-') ? 'Unknown option' : 'Unexpected argument'} "${arg}".` };
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') return { kind: 'error', message: `${name} needs a value.` };
    if (REPEATABLE.includes(name)) lists[name]!.push(value);
    else if (single.has(name)) return { kind: 'error', message: `${name} is given twice.` };
    else single.set(name, value);
  }
  const notebook = single.get('--notebook');
  if (!notebook) return { kind: 'error', message: '--notebook DIR is required: the notebook folder to export from.' };
  const format = single.get('--format');
  if (!format) return { kind: 'error', message: `--format is required: one of ${EXPORT_FORMATS.join(', ')}.` };
  const out = single.get('--out');
  return {
    kind: 'export',
    command: {
      notebook,
      ...(out ? { out } : {}),
      request: {
        format,
        ...(single.has('--shape') ? { shape: single.get('--shape') } : {}),
        ...(single.has('--style') ? { style: single.get('--style') } : {}),
        scope: { tags: lists['--tag']!, articleIds: lists['--article']!, claimIds: lists['--claim']! },
        options: { comments: !switches.has('--no-comments'), notes: !switches.has('--no-notes'), needsReview: !switches.has('--no-needs-review') },
        excel: switches.has('--excel'),
      },
    },
  };
}
