/** The one real notebook the mocked `notebook-client` hands out in renderer tests. */
import { createNotebookHarness } from '../../src-main/test-support/notebook-harness';

export const notebookHarness = createNotebookHarness();
