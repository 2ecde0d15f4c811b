/**
 * What one exchange import did: a heading naming where the records came from, the counts on
 * one line, then each group that has records (added, updated, kept as a conflict, …) as a list
 * of their labels with the reason where one is given, and the annotations whose page or
 * document this notebook does not hold, by source. Long groups show their first records.
 */
import { useId } from 'react';
import type { ExchangeSummary } from '../../../src-main/common/exchange-schema';
import { counted, formatCount } from '../../../src-main/common/counted';
import { shortenQuote } from '../../components/shorten-quote';
import { countsLine, itemKindWord, summaryGroups, summaryHeading, unmatchedHeading, type SummaryGroup } from './exchange-summary-text';

/** Records listed per group; the rest are counted. */
export const LISTED_PER_GROUP = 50;

export function ExchangeSummaryView({ fileName, summary }: { fileName: string; summary: ExchangeSummary }) {
  const headingId = useId();
  const unmatchedId = useId();
  return (
    <section className="exchange-result" aria-labelledby={headingId}>
      <h3 id={headingId} className="exchange-heading" title={fileName}>
        {summaryHeading(summary)}
      </h3>
      <p className="exchange-status" role="status">
        {countsLine(summary)}
      </p>
      {summaryGroups(summary).map((group) => (
        <SummaryList key={group.key} group={group} />
      ))}
      {summary.unmatched.length > 0 ? (
        <section className="exchange-group" aria-labelledby={unmatchedId}>
          <h4 id={unmatchedId} className="exchange-group-heading">
            {unmatchedHeading(summary)}
          </h4>
          <ul className="exchange-items">
            {summary.unmatched.slice(0, LISTED_PER_GROUP).map((source) => (
              <li key={source.source} className="exchange-item">
                <span className="exchange-item-label" title={source.source}>
                  {source.title ? `${source.title} — ${source.source}` : source.source}
                </span>
                <span className="exchange-item-reason">{counted(source.count, 'annotation')}</span>
              </li>
            ))}
          </ul>
          <MoreLine total={summary.unmatched.length} noun="source" />
        </section>
      ) : null}
    </section>
  );
}

function SummaryList({ group }: { group: SummaryGroup }) {
  const headingId = useId();
  return (
    <section className="exchange-group" data-group={group.key} aria-labelledby={headingId}>
      <h4 id={headingId} className="exchange-group-heading">
        {group.heading} <span className="exchange-group-count">{formatCount(group.items.length)}</span>
      </h4>
      <ul className="exchange-items" aria-labelledby={headingId}>
        {group.items.slice(0, LISTED_PER_GROUP).map((item) => (
          <li key={`${item.kind} ${item.id}`} className="exchange-item">
            <span className="exchange-item-label" title={item.label}>
              <span className="exchange-item-kind">{itemKindWord(item.kind)}</span> {shortenQuote(item.label, 120)}
            </span>
            {item.reason ? <span className="exchange-item-reason">{item.reason}</span> : null}
          </li>
        ))}
      </ul>
      <MoreLine total={group.items.length} noun="record" />
    </section>
  );
}

function MoreLine({ total, noun }: { total: number; noun: string }) {
  return total > LISTED_PER_GROUP ? <p className="exchange-more">…and {counted(total - LISTED_PER_GROUP, `more ${noun}`, `more ${noun}s`)}.</p> : null;
}
