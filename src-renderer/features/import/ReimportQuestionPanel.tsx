/** "A version of … is already in your library": replace its text (keeping its highlights), import as new, or skip. */
import { useEffect, useId, useRef } from 'react';
import type { ReimportQuestion } from './import-report-store';

export function ReimportQuestionPanel({ question }: { question: ReimportQuestion }) {
  const id = useId();
  const replace = useRef<HTMLButtonElement>(null);
  useEffect(() => replace.current?.focus(), [question]);
  const keep = question.highlights === 0 ? 'Replace its text with this version?' : `Replace its text and keep its ${question.highlights} highlight${question.highlights === 1 ? '' : 's'}?`;

  return (
    <section className="reimport-question" role="group" aria-labelledby={`${id}-text`}>
      <p id={`${id}-text`} className="dialog-text">
        <span className="dialog-subject">{question.name}</span>: a version of <span className="dialog-subject">“{question.title}”</span> is already in your
        library. {keep}
      </p>
      <div className="reimport-actions">
        <button ref={replace} type="button" className="button button-primary" onClick={() => question.answer('replace')}>
          Replace
        </button>
        <button type="button" className="button" onClick={() => question.answer('new')}>
          Import as new
        </button>
        <button type="button" className="button" onClick={() => question.answer('skip')}>
          Skip
        </button>
      </div>
    </section>
  );
}
