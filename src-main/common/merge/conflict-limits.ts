/** How many losing versions a record keeps in its conflict history; the newest stay. */
export const MAX_CONFLICTS = 20;
