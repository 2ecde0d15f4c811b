/**
 * The export dialog's choices: shape, format, citation style and what to include. Each is
 * saved in the export store as it changes, so the preview follows at once. Exchange formats
 * (a notebook bundle, a REFI-QDA project) carry records whole: shape, style and the include
 * options do not apply to them and are not shown; a line says what the file is for instead.
 */
import { useId, type RefObject } from 'react';
import { CITATION_STYLE_KEYS, CITATION_STYLE_NAMES, EXCHANGE_FORMATS, EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from '../../../src-main/common/export-schema';
import { setExportChoices, type CitationStyleKey, type ExportChoices } from '../../state/export-dialog-store';

const SHAPES = [
  { value: 'source', label: 'By source', hint: 'Each article with its highlights, in reading order.' },
  { value: 'claim', label: 'By claim', hint: 'Each claim with its evidence and the notes on it.' },
] as const;

const BIBLIOGRAPHIES: readonly ExportFormat[] = ['bibtex', 'ris', 'csl-json'];

/** What an exchange file is for, in one line under the format. */
const EXCHANGE_HINTS: Partial<Record<ExportFormat, string>> = {
  bundle: 'Everything in scope, whole, for a colleague’s Marginalia to merge.',
  qdpx: 'For NVivo, ATLAS.ti, MAXQDA and QualCoder.',
};

export interface ExportFieldsProps {
  choices: ExportChoices;
  /** Given to the chosen shape's radio, where focus starts. */
  firstField: RefObject<HTMLInputElement | null>;
}

export function ExportFields({ choices, firstField }: ExportFieldsProps) {
  const id = useId();
  const bibliography = BIBLIOGRAPHIES.includes(choices.format);
  const exchange = EXCHANGE_FORMATS.includes(choices.format);
  const formatHint = bibliography
    ? 'A bibliography file lists the sources in scope with their details; the citation style and the options below do not apply.'
    : EXCHANGE_HINTS[choices.format];
  const check = (key: 'comments' | 'notes' | 'needsReview' | 'excel' | 'colorCodes', label: string) => (
    <label className="check-field">
      <input type="checkbox" checked={choices[key]} disabled={bibliography} onChange={(event) => setExportChoices({ [key]: event.target.checked })} />
      {label}
    </label>
  );

  return (
    <>
      {exchange ? null : <ShapeField shape={choices.shape} firstField={firstField} />}
      <div className="field">
        <label htmlFor={`${id}-format`}>Format</label>
        <select
          id={`${id}-format`}
          className="select"
          value={choices.format}
          aria-describedby={formatHint ? `${id}-format-hint` : undefined}
          onChange={(event) => setExportChoices({ format: event.target.value as ExportFormat })}
        >
          {EXPORT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_INFO[format].label}
            </option>
          ))}
        </select>
        {formatHint ? (
          <p id={`${id}-format-hint`} className="field-hint">
            {formatHint}
          </p>
        ) : null}
      </div>
      {exchange ? null : (
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
      )}
      {exchange ? null : (
        <fieldset className="field export-options">
          <legend>Options</legend>
          {check('comments', 'Include comments')}
          {check('notes', 'Include notes')}
          {check('needsReview', 'Include passages that need review (marked as such)')}
          {choices.format === 'csv' ? check('excel', 'Add a byte order mark for Excel') : null}
        </fieldset>
      )}
      {choices.format === 'qdpx' ? (
        <fieldset className="field export-options">
          <legend>Options</legend>
          {check('colorCodes', 'Also code highlights by colour meaning')}
        </fieldset>
      ) : null}
    </>
  );
}

function ShapeField({ shape: chosen, firstField }: { shape: ExportChoices['shape']; firstField: ExportFieldsProps['firstField'] }) {
  const id = useId();
  return (
    <fieldset className="field export-shape">
      <legend>Shape</legend>
      {SHAPES.map((shape) => (
        <label key={shape.value} className="radio export-shape-option">
          <input
            ref={chosen === shape.value ? firstField : undefined}
            type="radio"
            name={`${id}-shape`}
            value={shape.value}
            checked={chosen === shape.value}
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
  );
}
