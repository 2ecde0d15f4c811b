/**
 * A record's conflict history, quietly: for each version edited elsewhere at the same time
 * that lost a merge, one line — "Also edited elsewhere on 30 Nov 2026" — with Show (what that
 * version says, field by field where it differs from the record now, and "Use this version")
 * and Dismiss. Each notice is a region named by that line; its buttons name what they act on.
 */
import { useId, useState, type ReactNode } from 'react';
import { GitFork } from 'lucide-react';
import type { ConflictChoice } from '../state/conflict-actions';
import { resolveConflict } from '../state/conflict-actions';
import { formatDay } from './ArticleDate';

/** What a conflict version carries beyond its content. */
export interface VersionStamp {
  rev?: string | undefined;
  updatedAt: string;
}

/** One field of a version, as Show lists it. */
export interface ConflictField {
  label: string;
  value: ReactNode;
}

/** How to read and show one field of a record kind's versions. */
export interface FieldSpec<V> {
  label: string;
  /** The field's content, compared as JSON with the record's. */
  read: (version: V) => unknown;
  show: (version: V) => ReactNode;
}

/** The fields of `version` that differ from `current`. */
export function differingFields<V>(current: V, version: V, specs: readonly FieldSpec<V>[]): ConflictField[] {
  return specs.filter((spec) => JSON.stringify(spec.read(version) ?? null) !== JSON.stringify(spec.read(current) ?? null)).map((spec) => ({ label: spec.label, value: spec.show(version) }));
}

/** "30 Nov 2026", or "30 Nov 2026, 14:05" where the time tells versions apart. */
export function versionDate(updatedAt: string, withTime = false): string {
  const at = new Date(updatedAt);
  if (Number.isNaN(at.getTime())) return 'an unknown date';
  const day = formatDay(at.getFullYear(), at.getMonth() + 1, at.getDate());
  return withTime ? `${day}, ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}` : day;
}

export interface ConflictNoticesProps<V extends VersionStamp> {
  kind: ConflictChoice['kind'];
  id: string;
  /** What the record is, for button names and messages: "the highlight “historic turning point”". */
  subject: string;
  versions: readonly V[] | undefined;
  current: V;
  fields: readonly FieldSpec<V>[];
  className?: string;
}

export function ConflictNotices<V extends VersionStamp>({ kind, id, subject, versions, current, fields, className }: ConflictNoticesProps<V>) {
  const resolvable = (versions ?? []).filter((version): version is V & { rev: string } => typeof version.rev === 'string');
  if (resolvable.length === 0) return null;
  const several = resolvable.length > 1;
  return (
    <div className={className ? `conflict-notices ${className}` : 'conflict-notices'}>
      {resolvable.map((version) => (
        <ConflictNotice
          key={version.rev}
          choice={{ kind, id, rev: version.rev }}
          subject={subject}
          date={versionDate(version.updatedAt, several)}
          iso={version.updatedAt}
          differences={differingFields(current, version, fields)}
          several={several}
        />
      ))}
    </div>
  );
}

interface ConflictNoticeProps {
  choice: Omit<ConflictChoice, 'choice'>;
  subject: string;
  date: string;
  iso: string;
  differences: ConflictField[];
  several: boolean;
}

function ConflictNotice({ choice, subject, date, iso, differences, several }: ConflictNoticeProps) {
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const detailsId = useId();
  const which = several ? ` from ${date}` : '';
  const act = async (answer: ConflictChoice['choice']) => {
    if (busy) return;
    setBusy(true);
    // Success removes this notice (the record changes through the feed); a failure leaves it.
    if (!(await resolveConflict({ ...choice, choice: answer }, subject))) setBusy(false);
  };

  return (
    <section className="conflict-notice" role="region" aria-label={`Also edited elsewhere on ${date}`} data-open={shown || undefined}>
      <div className="conflict-notice-line">
        <GitFork aria-hidden="true" size={14} className="conflict-notice-icon" />
        <span className="conflict-notice-text">
          Also edited elsewhere on <time dateTime={iso}>{date}</time>
        </span>
        <span className="conflict-notice-actions">
          <button
            type="button"
            className="conflict-notice-button"
            aria-expanded={shown}
            aria-controls={shown ? detailsId : undefined}
            aria-label={`${shown ? 'Hide' : 'Show'} the other version of ${subject}${which}`}
            onClick={() => setShown(!shown)}
          >
            {shown ? 'Hide' : 'Show'}
          </button>
          <button type="button" className="conflict-notice-button" disabled={busy} aria-label={`Dismiss the other version of ${subject}${which}`} onClick={() => void act('dismiss')}>
            Dismiss
          </button>
        </span>
      </div>
      {shown ? (
        <div id={detailsId} className="conflict-notice-details">
          {differences.length > 0 ? (
            <dl className="conflict-fields">
              {differences.map((field) => (
                <div key={field.label} className="conflict-field">
                  <dt>{field.label}</dt>
                  <dd>{field.value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="conflict-same">Its content is the same as now.</p>
          )}
          <button type="button" className="button button-small" disabled={busy} aria-label={`Use this version of ${subject}${which}`} onClick={() => void act('use')}>
            Use this version
          </button>
        </div>
      ) : null}
    </section>
  );
}
