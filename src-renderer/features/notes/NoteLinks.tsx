/**
 * A note's links as chips: the relation (changeable), the passage or claim it points at (a
 * button that jumps to the exact passage in its article), and a button to remove the link.
 * Below them, a row to link the note to a claim.
 */
import { useId, useState } from 'react';
import { Link2, Unlink } from 'lucide-react';
import type { ResolvedLink } from '../../../src-main/common/model';
import { RELATIONS } from '../../../src-main/common/relations';
import { linkOpenNote, unlinkOpenNote } from '../../state/notes-actions';
import { useClaims } from '../../state/useClaims';
import { showPassage } from '../../state/go-to-passage';
import { shortenQuote } from '../../components/shorten-quote';
import { RELATION_LABELS } from '../../components/relation-labels';

export function NoteLinks({ links }: { links: readonly ResolvedLink[] }) {
  const headingId = useId();
  return (
    <section className="note-links" aria-labelledby={headingId}>
      <h2 id={headingId} className="note-section-heading">
        Links
      </h2>
      {links.length === 0 ? (
        <p className="note-hint">
          This note links to nothing yet. Select a passage and press Note, or link it to a claim below.
        </p>
      ) : (
        <ul className="link-chips">
          {links.map((link) => (
            <LinkChip key={'claimId' in link.target ? link.target.claimId : link.target.annotationId} link={link} />
          ))}
        </ul>
      )}
      <LinkToClaim links={links} />
    </section>
  );
}

function LinkChip({ link }: { link: ResolvedLink }) {
  const isClaim = 'claimId' in link.target;
  const kind = isClaim ? 'claim' : 'passage';
  const label = shortenQuote(link.label, 120);
  const { articleId, annotationId } = link;
  return (
    <li className={`link-chip relation-${link.relation}`}>
      <select
        className="link-relation"
        aria-label={`Relation to ${kind} “${label}”`}
        value={link.relation}
        onChange={(event) => void linkOpenNote(link.target, event.target.value as ResolvedLink['relation'])}
      >
        {RELATIONS.map((relation) => (
          <option key={relation} value={relation}>
            {RELATION_LABELS[relation].verb}
          </option>
        ))}
      </select>
      {articleId && annotationId ? (
        <button type="button" className="link-target" title={`Show in “${link.articleTitle ?? ''}”`} onClick={() => void showPassage(articleId, annotationId)}>
          <span className="link-kind">{isClaim ? 'Claim' : 'Passage'}</span>
          <span className="link-label">{label}</span>
          {link.articleTitle ? <span className="link-article">{link.articleTitle}</span> : null}
        </button>
      ) : (
        <span className="link-target link-target-inert">
          <span className="link-kind">{isClaim ? 'Claim' : 'Passage'}</span>
          <span className="link-label">{label}</span>
        </span>
      )}
      <button type="button" className="button button-icon link-remove" aria-label={`Unlink ${kind} “${label}”`} title="Remove this link" onClick={() => void unlinkOpenNote(link.target)}>
        <Unlink aria-hidden="true" size={14} />
      </button>
    </li>
  );
}

function LinkToClaim({ links }: { links: readonly ResolvedLink[] }) {
  const claims = useClaims();
  const linked = new Set(links.flatMap((link) => ('claimId' in link.target ? [link.target.claimId] : [])));
  const open = claims.filter((claim) => !linked.has(claim.id));
  const [claimId, setClaimId] = useState('');
  const [relation, setRelation] = useState<ResolvedLink['relation']>('supports');
  if (open.length === 0) return null;
  const chosen = open.some((claim) => claim.id === claimId) ? claimId : '';
  return (
    <form
      className="link-to-claim"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) void linkOpenNote({ claimId: chosen }, relation).then(() => setClaimId(''));
      }}
    >
      <span className="link-to-claim-lead">This note</span>
      <select aria-label="Relation to the claim" value={relation} onChange={(event) => setRelation(event.target.value as ResolvedLink['relation'])}>
        {RELATIONS.map((r) => (
          <option key={r} value={r}>
            {RELATION_LABELS[r].verb}
          </option>
        ))}
      </select>
      <select aria-label="Claim to link" className="link-claim-select" value={chosen} onChange={(event) => setClaimId(event.target.value)}>
        <option value="">Choose a claim…</option>
        {open.map((claim) => (
          <option key={claim.id} value={claim.id}>
            {shortenQuote(claim.statement, 90)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-small" disabled={!chosen}>
        <Link2 aria-hidden="true" size={14} />
        Link
      </button>
    </form>
  );
}
