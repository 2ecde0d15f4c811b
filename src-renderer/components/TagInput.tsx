/**
 * A list of tags as removable chips, and a combobox to add more: suggestions from the tags the
 * notebook already has (hierarchical, `region/east-asia`), or a new tag typed inline.
 * Enter, Tab or a comma adds what was typed (or the highlighted suggestion); Backspace in the
 * empty field removes the last tag; arrows move through the suggestions; Esc closes them.
 * Tags are tidied by the same schema the main side applies, so what the chip shows is what is kept.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { X } from 'lucide-react';
import { checkTag } from '../../src-main/common/tag-rules';
import { useTagCounts } from '../state/useTagCounts';
import { tagSuggestions } from './tag-suggestions';

export interface TagInputProps {
  tags: readonly string[];
  /** Called with the whole new list after every addition or removal. */
  onChange: (tags: string[]) => void;
  /** Names the field, e.g. "Tags for this highlight". */
  label: string;
  autoFocus?: boolean;
}

export function TagInput({ tags, onChange, label, autoFocus }: TagInputProps) {
  const counts = useTagCounts();
  const known = useMemo(() => counts.map((count) => count.tag), [counts]);
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const listId = useId();
  const problemId = useId();
  const suggestions = open ? tagSuggestions(known, typed, tags) : [];

  const add = (raw: string): boolean => {
    if (raw.trim() === '') return false;
    const parsed = checkTag(raw);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return false;
    }
    setProblem(null);
    setTyped('');
    setActive(-1);
    // Closed after each tag, so the list does not cover what follows; typing or ↓ opens it again.
    setOpen(false);
    if (!tags.includes(parsed.tag)) onChange([...tags, parsed.tag]);
    return true;
  };

  const remove = (tag: string) => {
    onChange(tags.filter((t) => t !== tag));
    field.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const chosen = active >= 0 ? suggestions[active] : undefined;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const count = suggestions.length;
      if (count > 0) setActive((index) => (event.key === 'ArrowDown' ? (index + 1) % count : (index - 1 + count) % count));
    } else if (event.key === 'Enter' || event.key === ',' || (event.key === 'Tab' && (chosen ?? typed.trim()) !== '')) {
      if (add(chosen ?? typed) || event.key !== 'Tab') event.preventDefault();
    } else if (event.key === 'Backspace' && typed === '' && tags.length > 0) {
      event.preventDefault();
      onChange(tags.slice(0, -1));
    } else if (event.key === 'Escape' && open && suggestions.length > 0) {
      // Closes the suggestions only; a second Esc reaches whatever holds the field.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="tag-input">
      <ul className="tag-chips" aria-label={label}>
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <span>{tag}</span>
            <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => remove(tag)}>
              <X aria-hidden="true" size={12} />
            </button>
          </li>
        ))}
        <li className="tag-field-item">
          <input
            ref={field}
            type="text"
            role="combobox"
            className="tag-field"
            aria-label={`Add a tag (${label})`}
            aria-expanded={suggestions.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={active >= 0 && suggestions[active] ? `${listId}-${active}` : undefined}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem ? problemId : undefined}
            placeholder={tags.length === 0 ? 'Add a tag…' : 'Add…'}
            value={typed}
            // Opened on purpose (the toolbar's Tag), so the field takes focus at once.
            autoFocus={autoFocus}
            onChange={(event) => {
              setTyped(event.target.value);
              setOpen(true);
              setActive(-1);
              setProblem(null);
            }}
            onBlur={() => {
              setOpen(false);
              if (typed.trim() !== '') add(typed);
            }}
            onKeyDown={onKeyDown}
          />
        </li>
      </ul>
      <ul id={listId} role="listbox" className="tag-suggestions" aria-label="Tag suggestions" hidden={suggestions.length === 0}>
        {suggestions.map((tag, index) => (
          <li
            key={tag}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className="tag-suggestion"
            // Before the field's blur, so the click picks the tag instead of adding what was typed.
            onMouseDown={(event) => {
              event.preventDefault();
              add(tag);
            }}
          >
            {tag}
          </li>
        ))}
      </ul>
      {problem ? (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
