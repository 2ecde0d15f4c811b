/** How a note or claim relates to what it links to. Apart from the schemas, for the window's startup bundle. */
export const RELATIONS = ['supports', 'contradicts', 'questions', 'context'] as const;
