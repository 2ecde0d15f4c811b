/**
 * The export dialog's choices: shape, format, citation style and what to include. Each is
 * saved in the export store as it changes, so the preview follows at once.
 */
import { useId, type RefObject } from 'react';
import { CITATION_STYLE_KEYS, CITATION_STYLE_NAMES, EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from '../../../src-main/common/export-schema';
import { setExportChoices, type CitationStyleKey, type ExportChoices } from '../../state/export-dialog-store';

const SHAPES = [
  { value: 'source', label: 'By source', hint: 'Each article with its highlights, in reading order.' },
  { value: 'claim', label: 'By claim', hint: 'Each claim with its evidence and the notes on it.' },
] as const;

const BIBLIOGRAPHIES: readonly ExportFormat[] = ['bibtex', 'ris', 'csl-json'];

export interface ExportFieldsProps {
  choices: ExportChoices;
  /** Given to the chosen shape's radio, where focus starts. */
  firstField: RefObject<HTMLInputElement | null>;
}

export function ExportFields({ choices, firstField }: ExportFieldsProps) {
  const id = useId();
  const bibliography = BIBLIOGRAPHIES.includes(choices.format);
  const check = (key: 'comments' | 'notes' | 'needsReview' | 'excel', label: string) => (
    <label className="check-field">
      <input type="checkbox" checked={choices[key]} disabled={bibliography} onChange={(event) => setExportChoices({ [key]: event.target.checked })} />
      {label}
    </label>
  );

  return (
    <>
      <fieldset className="field export-shape">
        <legend>Shape</legend>
        {SHAPES.map((shape) => (
          <label key={shape.value} className="radio export-shape-option">
            <input
              ref={choices.shape === shape.value ? firstField : undefined}
              type="radio"
              name={`${id}-shape`}
              value={shape.value}
              checked={choices.shape === shape.value}
              aria-describedby={`${id}-${shape.value}-hint`}
              onChange={() => setExportChoices({ shape: shape.value })}
            />
            <span>
              <span className="export-shape-label">{shape.label}</span>
              <span id={`${id}-${shape.value}-hint`} className="field-hint export-shape-hint">
                {shape.hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-format`}>Format</label>
        <select
          id={`${id}-format`}
          className="select"
          value={choices.format}
          aria-describedby={bibliography ? `${id}-format-hint` : undefined}
          onChange={(event) => setExportChoices({ format: event.target.value as ExportFormat })}
        >
          {EXPORT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_INFO[format].label}
            </option>
          ))}
        </select>
        {bibliography ? (
          <p id={`${id}-format-hint`} className="field-hint">
            A bibliography file lists the sources in scope with their details; the citation style and the options below do not apply.
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-style`}>Citation style</label>
        <select
          id={`${id}-style`}
          className="select"
          value={choices.style}
          disabled={bibliography}
          onChange={(event) => setExportChoices({ style: event.target.value as CitationStyleKey })}
        >
          {CITATION_STYLE_KEYS.map((style) => (
            <option key={style} value={style}>
              {CITATION_STYLE_NAMES[style]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field export-options">
        <legend>Options</legend>
        {check('comments', 'Include comments')}
        {check('notes', 'Include notes')}
        {check('needsReview', 'Include passages that need review (marked as such)')}
        {choices.format === 'csv' ? check('excel', 'Add a byte order mark for Excel') : null}
      </fieldset>
    </>
  );
}
