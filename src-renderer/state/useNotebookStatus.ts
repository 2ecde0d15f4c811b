import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { statusStore } from './status-store';

/** The notebook's status from the main side, and whether its notices were dismissed. */
export function useNotebookStatus() {
  return useStore(
    statusStore,
    useShallow(({ notebook, quarantineDismissed, damagedDismissed, damagedOpen, warningsDismissed }) => ({
      notebook,
      quarantineDismissed,
      damagedDismissed,
      damagedOpen,
      warningsDismissed,
    })),
  );
}
