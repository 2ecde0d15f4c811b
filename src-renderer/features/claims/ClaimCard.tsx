/**
 * One claim in the claims view: its statement (editable), tags, the evidence passages (each
 * jumps to its place in its article), and the notes linked to it grouped by relation, with
 * what can be done to it (in a shared notebook, History of its synced versions too).
 */
import { useId } from 'react';
import { Trash2, X } from 'lucide-react';
import type { ClaimView, Relation } from '../../../src-main/common/model';
import { RELATIONS } from '../../../src-main/common/relations';
import { ColorSwatch } from '../../components/ColorSwatch';
import { shortenQuote } from '../../components/shorten-quote';
import { TagInput } from '../../components/TagInput';
import { deleteClaim, removeEvidence } from '../../state/claims-actions';
import { openNote } from '../../state/notes-actions';
import { tagClaim } from '../../state/tag-actions';
import { ClaimConflicts } from '../../components/ClaimConflicts';
import { ClaimStatement } from '../../components/ClaimStatement';
import { NewNoteMenu } from '../../components/NewNoteMenu';
import { HistoryButton } from '../../components/HistoryButton';
import { RELATION_LABELS } from '../../components/relation-labels';
import { showPassage } from '../../state/go-to-passage';

export function ClaimCard({ claim }: { claim: ClaimView }) {
  const headingId = useId();
  const byRelation = RELATIONS.map((relation) => ({ relation, links: claim.links.filter((link) => link.relation === relation) })).filter(
    (group) => group.links.length > 0,
  );
  return (
    <article className="claim-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {claim.statement}
      </h2>
      <ClaimStatement claim={claim} />
      <p className="claim-tally" aria-label="Notes on this claim">
        <Tally relation="supports" count={claim.counts.supports} />
        <Tally relation="contradicts" count={claim.counts.contradicts} />
        <Tally relation="questions" count={claim.counts.questions} />
      </p>
      <TagInput label="Tags for this claim" tags={claim.tags} onChange={(tags) => void tagClaim(claim, tags)} />
      <ClaimConflicts claim={claim} />

      <h3 className="claim-section-heading">Evidence</h3>
      {claim.evidence.length === 0 ? (
        <p className="claim-hint">No evidence yet. Select a passage in any article and choose Evidence.</p>
      ) : (
        <ul className="evidence-list" aria-label="Evidence">
          {claim.evidence.map((item) => (
            <li key={item.annotationId} className="evidence-item">
              <button type="button" className="evidence-quote" title="Show in the article" onClick={() => void showPassage(item.articleId, item.annotationId)}>
                <ColorSwatch color={item.color} />
                <span className="evidence-text">{shortenQuote(item.quote, 240)}</span>
                <span className="evidence-article">{item.articleTitle}</span>
              </button>
              <button
                type="button"
                className="button button-icon"
                aria-label={`Remove evidence “${shortenQuote(item.quote, 60)}”`}
                title="Remove from the evidence (the highlight stays)"
                onClick={() => void removeEvidence(claim.id, item.annotationId)}
              >
                <X aria-hidden="true" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}

      {byRelation.map(({ relation, links }) => (
        <section key={relation} className="claim-notes" aria-label={`${RELATION_LABELS[relation].heading} notes`}>
          <h3 className="claim-section-heading">
            {RELATION_LABELS[relation].heading} <span className="claim-section-count">{links.length}</span>
          </h3>
          <ul className="claim-note-list">
            {links.map((link) => (
              <li key={link.noteId}>
                <button type="button" className={`claim-note relation-${relation}`} onClick={() => void openNote(link.noteId)}>
                  {link.noteTitle}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}

      <div className="card-actions">
        <NewNoteMenu target={{ claimId: claim.id }} subject={claim.statement} />
        <HistoryButton kind="claim" id={claim.id} subject={`the claim “${shortenQuote(claim.statement, 60)}”`} />
        <button type="button" className="button button-quiet button-small" onClick={() => void deleteClaim(claim.id)}>
          <Trash2 aria-hidden="true" size={14} />
          <span>Delete claim</span>
        </button>
      </div>
    </article>
  );
}

function Tally({ relation, count }: { relation: Relation; count: number }) {
  return (
    <span className={`tally relation-${relation}`} data-empty={count === 0 || undefined}>
      <strong>{count}</strong> {relation}
    </span>
  );
}
