/** The library view as the contract checks it (`listArticles`' first rows); the window checks a saved view with `isLibraryView`. */
import { z } from './zod';
import { SORT_KEYS, type LibraryView } from './library-view-defaults';

export const libraryViewSchema = z.object({
  sort: z.enum(SORT_KEYS),
  descending: z.boolean(),
  source: z.string().nullable(),
  annotated: z.boolean(),
  unread: z.boolean(),
}) satisfies z.ZodType<LibraryView>;
