import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { statusStore } from './status-store';

/** The latest message and the busy task, for the status region. */
export function useStatusMessage() {
  return useStore(statusStore, useShallow(({ message, busy }) => ({ message, busy })));
}
