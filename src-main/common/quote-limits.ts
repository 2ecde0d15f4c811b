/** How much of an article one highlight keeps: shared by its schema and by anchoring, which runs in the window. */

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT = 32;
/** Longest passage one highlight may cover. */
export const MAX_QUOTE = 20_000;
