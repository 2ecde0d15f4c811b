/**
 * What the centre pane shows: the open article (the reader), the open note (its editor), or the
 * claims view. The article and the note each stay open behind the other, so switching back is
 * instant and loses no place.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export type Workspace = 'article' | 'note' | 'claims';

export interface WorkspaceState {
  showing: Workspace;
}

export const initialWorkspaceState: WorkspaceState = { showing: 'article' };

export const workspaceStore = createStore<WorkspaceState>(() => initialWorkspaceState);

export function show(showing: Workspace): void {
  workspaceStore.setState({ showing });
}

export function useWorkspace(): Workspace {
  return useStore(workspaceStore, (state) => state.showing);
}
