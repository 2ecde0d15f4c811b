/**
 * What a REFI-QDA project will hold, in words, for the export dialog's preview: a zip cannot
 * be shown, and the report it is made from says nothing of codes.
 */
import type { ExchangeSnapshot } from '../exchange-types';

export function describeQdpx(snapshot: ExchangeSnapshot, options: { colorCodes: boolean }): string {
  const codes = new Set<string>();
  const note = (tags: readonly string[]) => tags.forEach((tag) => codes.add(tag));
  for (const { article, annotations } of snapshot.articles) {
    note(article.tags);
    for (const annotation of annotations) {
      note(annotation.tags);
      if (options.colorCodes) codes.add(`Highlight colours/${snapshot.legend[annotation.color]}`);
    }
  }
  for (const record of [...snapshot.claims, ...snapshot.notes]) note(record.tags);
  const lines = [`REFI-QDA project “${snapshot.notebookName}” (project.qde and sources/)`, '', 'Sources (text documents), with their coded passages:'];
  for (const { article, annotations } of snapshot.articles) lines.push(`  ${article.title} — ${annotations.length} ${annotations.length === 1 ? 'selection' : 'selections'}`);
  lines.push('', `Codes (from tags${options.colorCodes ? ' and colour meanings' : ''}):`);
  lines.push(...(codes.size > 0 ? [...codes].sort().map((code) => `  ${code}`) : ['  (none: tag highlights to code them)']));
  lines.push('', `Notes: ${snapshot.notes.length} notes, ${snapshot.claims.length} claims (with their evidence), and each highlight's comment.`);
  return lines.join('\n');
}
