/** Imported first by main.tsx, so the request leaves before the rest of the app's modules run. */
import { askFirstRowsEarly } from './state/early-first-rows';

askFirstRowsEarly();
