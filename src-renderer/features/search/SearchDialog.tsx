/**
 * The search dialog: one box over article text, highlights, claims and notes, with filters,
 * results grouped by kind, and Enter to go to the exact place. Opened with Ctrl/Cmd+K or `/`.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { Search } from 'lucide-react';
import { Dialog } from '../../components/Dialog';
import { closeSearchDialog, moveActive, openResult, setSearchQuery } from '../../state/search-actions';
import { SearchFilterBar } from './SearchFilterBar';
import { optionId, SearchResultList } from './SearchResultList';
import { SearchStatus } from './SearchStatus';
import { useSearch } from '../../state/useSearch';
import { useSearchKeys } from './useSearchKeys';

function onBoxKey(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    moveActive(event.key === 'ArrowDown' ? 1 : -1);
  } else if (event.key === 'Enter') {
    event.preventDefault();
    void openResult();
  } else if (event.key === 'Escape') {
    // A search field's own Esc would only clear the words; here Esc closes, as in any palette.
    event.preventDefault();
    closeSearchDialog();
  }
}

function SearchDialog() {
  const { query, filters, answer, active } = useSearch();
  const box = useRef<HTMLInputElement>(null);
  const listId = useId();
  const results = answer?.results ?? [];

  // Coming back to search with words still in the box: select them, so typing replaces them.
  useEffect(() => box.current?.select(), []);

  return (
    <Dialog title="Search" onClose={closeSearchDialog} initialFocus={box} className="dialog-wide search-dialog">
      <div className="search-box">
        <Search aria-hidden="true" size={18} />
        <input
          ref={box}
          type="search"
          aria-label="Search the notebook"
          placeholder="Search articles, highlights, claims and notes"
          value={query}
          onChange={(event) => setSearchQuery(event.target.value)}
          onKeyDown={onBoxKey}
          aria-controls={listId}
          aria-activedescendant={results.length > 0 ? optionId(listId, active) : undefined}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <SearchFilterBar filters={filters} />
      <SearchStatus />
      <SearchResultList id={listId} results={results} active={active} />
      <p className="search-hints" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close · "quotes" for an exact phrase
      </p>
    </Dialog>
  );
}

/** Listens for the shortcut and shows the dialog while search is open. */
export function SearchHost() {
  useSearchKeys();
  const { open } = useSearch();
  return open ? <SearchDialog /> : null;
}
