/**
 * A real notebook for the export's tests, made through the API with a fixed clock: the sample
 * article plus a second one with full citation metadata, highlights in both (comments, tags,
 * colours; one whose passage is later edited away), a claim with evidence in both articles,
 * and notes linked with each relation. Ids are random; `stableIds` makes output comparable.
 */
import { describeRange } from '../../../common/anchoring/describe-range';
import type { NotebookApi } from '../../../common/api';
import { inProcessApi, valueOf } from '../../../test-support/in-process-api';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNotebook, type OpenNotebook, type OpenOptions } from '../../open-notebook';

export const SECOND_TEXT = [
  'Alliances and entrapment',
  'An alliance is a promise of help in war. Entrapment is the risk of being dragged into a partner’s war over interests one does not share.',
  'Abandonment is the opposite fear: that the partner will not come when needed. A firm commitment reduces abandonment but raises entrapment.',
  'A passage that will be edited away before the export.',
].join('\n\n');

export interface ExportNotebook {
  dir: string;
  notebook: OpenNotebook;
  api: NotebookApi;
  /** Closes the notebook and removes its folder. */
  close(): Promise<void>;
  ids: { sample: string; second: string; claim: string; highlights: Record<'keyPoint' | 'command' | 'entrapment' | 'abandonment' | 'lost', string> };
}

async function highlightText(api: NotebookApi, articleId: string, quote: string, extra: { color?: 'yellow' | 'green' | 'blue' | 'pink' | 'purple' | 'orange'; comment?: string; tags?: string[] } = {}) {
  const article = await valueOf(api.getArticle({ id: articleId }));
  const start = article.text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in ${article.title}`);
  return valueOf(api.createAnnotation({ articleId, target: describeRange(article.text, start, start + quote.length), ...extra }));
}

export async function exportNotebook(options: Pick<OpenOptions, 'exportThread'> = {}): Promise<ExportNotebook> {
  let clock = Date.parse('2026-11-30T09:00:00.000Z');
  // Its own folder, not tempDir's: a suite shares it across tests, and removes it with close().
  const dir = await mkdtemp(join(tmpdir(), 'marginalia-export-'));
  const notebook = await openNotebook(dir, { now: () => new Date((clock += 60_000)), searchThread: 'in-process', persistSearch: false, ...options });
  const api = inProcessApi(notebook.handlers);
  const [sample] = await valueOf(api.listArticles({}));
  const second = await valueOf(api.importArticle({ format: 'text', content: SECOND_TEXT, title: 'Alliances and entrapment: a primer' }));
  await valueOf(
    api.updateArticle({ id: second.id, byline: 'Glenn H. Snyder', siteName: 'World Politics', url: 'https://example.org/alliances', publishedAt: '1984-07-01', tags: ['alliance/theory'] }),
  );

  const keyPoint = await highlightText(api, sample!.id, 'the rising threat from China as “the greatest strategic challenge.”', {
    comment: 'The *framing* matters: see [the statement](https://example.org/statement).',
    tags: ['alliance', 'china'],
  });
  const command = await highlightText(api, sample!.id, 'upgrading the command and control of U.S. forces', { color: 'green', tags: ['alliance'] });
  const entrapment = await highlightText(api, second.id, 'Entrapment is the risk of being dragged into a partner’s war over interests one does not share.', {
    color: 'blue',
    comment: '=Definition used throughout; compare "abandonment".',
  });
  const abandonment = await highlightText(api, second.id, 'A firm commitment reduces abandonment but raises entrapment.', { color: 'pink' });
  const lost = await highlightText(api, second.id, 'A passage that will be edited away before the export.', { color: 'purple' });
  await valueOf(api.updateArticle({ id: second.id, content: SECOND_TEXT.replace('A passage that will be edited away before the export.', 'The last paragraph was rewritten.') }));

  const claim = await valueOf(api.createClaim({ annotationId: command.id, statement: 'Closer command integration deepens the alliance.', tags: ['alliance'] }));
  await valueOf(api.addEvidence({ claimId: claim.id, annotationId: abandonment.id }));
  const relations = ['supports', 'contradicts', 'questions', 'context'] as const;
  for (const relation of relations) {
    const note = await valueOf(api.createNote({ title: `A note that ${relation}`, body: `Why this note **${relation}** the claim.` }));
    await valueOf(api.linkNote({ noteId: note.id, target: { claimId: claim.id }, relation }));
    if (relation === 'supports') await valueOf(api.linkNote({ noteId: note.id, target: { annotationId: keyPoint.id }, relation: 'context' }));
  }
  return {
    dir,
    notebook,
    api,
    close: async () => {
      await notebook.close();
      await rm(dir, { recursive: true, force: true });
    },
    ids: { sample: sample!.id, second: second.id, claim: claim.id, highlights: { keyPoint: keyPoint.id, command: command.id, entrapment: entrapment.id, abandonment: abandonment.id, lost: lost.id } },
  };
}

/** Replaces each record id in `text` by its kind and the order it first appears in: `art_1`, `ann_2`. */
export function stableIds(text: string): string {
  const seen = new Map<string, string>();
  return text.replace(/\b(art|ann|clm|note)_[A-Za-z0-9]{6,}\b/g, (id, kind: string) => {
    if (!seen.has(id)) seen.set(id, `${kind}_${[...seen.values()].filter((v) => v.startsWith(`${kind}_`)).length + 1}`);
    return seen.get(id)!;
  });
}
