/**
 * The highlight colours and what each means until the owner says otherwise. Apart from the
 * schemas (annotation-schema.ts), so the window's startup bundle needs no zod for them.
 */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;

export const DEFAULT_LEGEND = {
  yellow: 'Key point',
  green: 'Evidence',
  blue: 'Definition',
  pink: 'Disputed',
  purple: 'Question',
  orange: 'Follow up',
} as const satisfies Record<(typeof HIGHLIGHT_COLORS)[number], string>;
