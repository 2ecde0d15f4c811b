/**
 * The store's change feed: who is told of each write, in the order of the writes. It is the one
 * place derived data (the search index) and every window learn of a change, whichever service or
 * undo step made it.
 *
 * A listener runs after the change is on disk, so its failure is logged and never thrown: a
 * saved change reported as an error would have the caller retry or take back what is already
 * saved. The other listeners are still told.
 */

export interface StoreChanges<C> {
  /** Calls `listener` with each change from now on; returns a function that stops the calls. */
  onChange(listener: (change: C) => void): () => void;
  /** Tells every listener of `change`, in the order they were added. */
  emit(change: C): void;
  /** Tells the listeners of `change` once `write` is done; a failed write tells nobody and rejects. */
  emitAfter(write: Promise<void>, change: C): Promise<void>;
}

export function storeChanges<C>(): StoreChanges<C> {
  const listeners = new Set<(change: C) => void>();

  const emit = (change: C) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        // A listener's bug must not turn a saved change into a reported failure.
        console.error('A notebook change listener failed:', error);
      }
    }
  };

  return {
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    async emitAfter(write, change) {
      await write;
      emit(change);
    },
  };
}
