/**
 * Links stay inert: only these schemes are kept, and the reader never navigates itself. Apart
 * from the schemas (schema.ts), for the window's startup bundle.
 */
export const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
