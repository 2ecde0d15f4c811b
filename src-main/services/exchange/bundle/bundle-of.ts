/**
 * An exchange snapshot → the bundle's body: every record with a revision (a record written
 * before revisions existed gets the one made from its content, which the other side computes
 * the same way), and without what is this reader's own (when they opened an article).
 */
import { revisionOf } from '../../../common/merge/revisions';
import type { Deletion } from '../../../store/deletion-log';
import type { ExchangeSnapshot } from '../exchange-types';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleBody } from './bundle-format';

const withRevision = <T extends { rev?: string }>(record: T): T => ({ ...record, rev: revisionOf(record) });

export function bundleOf(snapshot: ExchangeSnapshot, deletions: readonly Deletion[], scope: string): BundleBody {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    notebook: snapshot.notebookName,
    exportedAt: snapshot.exportedAt,
    scope,
    legend: { ...snapshot.legend },
    articles: snapshot.articles.map(({ article }) => {
      const { openedAt: _openedAt, ...shared } = withRevision(article);
      return shared;
    }),
    annotations: snapshot.articles.flatMap(({ annotations }) => annotations.map(withRevision)),
    claims: snapshot.claims.map(withRevision),
    notes: snapshot.notes.map(withRevision),
    deletions: [...deletions],
  };
}
