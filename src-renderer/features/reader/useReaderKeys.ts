/**
 * The reader's keys while text is selected in the article: `h` highlights it in the current
 * colour, `1`–`6` choose the current colour (without highlighting, so a colour can be picked
 * before `h`), `c` highlights it and makes it a claim, `t` highlights it and opens its tag
 * field, `n` highlights it and starts a linked note, `Esc` hides the selection toolbar.
 */
import { useEffect } from 'react';
import { HIGHLIGHT_COLORS } from '../../../src-main/common/highlight-colors';
import { claimSelection, highlightSelection, setCurrentColor, tagSelection } from '../../state/annotation-actions';
import { noteSelection } from '../../state/notes-actions';
import { readerSelectionStore } from '../../state/reader-selection-store';
import { isTypingTarget } from '../../state/is-typing-target';

export function useReaderKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      const { selection } = readerSelectionStore.getState();
      if (!selection) return;
      if (event.key === 'h' || event.key === 'H') {
        event.preventDefault();
        void highlightSelection();
      } else if (event.key === 'c' || event.key === 'C') {
        event.preventDefault();
        void claimSelection();
      } else if (event.key === 't' || event.key === 'T') {
        event.preventDefault();
        void tagSelection();
      } else if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        void noteSelection();
      } else if (/^[1-6]$/.test(event.key)) {
        event.preventDefault();
        setCurrentColor(HIGHLIGHT_COLORS[Number(event.key) - 1]!);
      } else if (event.key === 'Escape') {
        readerSelectionStore.setState({ toolbarDismissed: true });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
