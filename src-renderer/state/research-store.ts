/**
 * The notebook's notes, claims and tags as lists, loaded at start and kept current by the
 * change feed: highlight cards show backlinks and claims from them, and tag fields suggest
 * from the counts.
 */
import { createStore } from 'zustand/vanilla';
import type { ClaimView, NoteMeta, TagCount } from '../../src-main/common/model';

export interface ResearchState {
  /** Every note's metadata and links, for the backlinks on highlight cards. */
  notes: NoteMeta[];
  /** Every claim, from which highlights that are evidence show their claim. */
  claims: ClaimView[];
  /** Every tag in the notebook with its counts per kind, for autocomplete and the tag browser. */
  tags: TagCount[];
}

export const initialResearchState: ResearchState = {
  notes: [],
  claims: [],
  tags: [],
};

export const researchStore = createStore<ResearchState>(() => initialResearchState);
