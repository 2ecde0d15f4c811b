/**
 * The names of every call the renderer may make. Kept free of imports so the preload can
 * build `window.notebook` from it without bundling the schemas; `api.ts` checks that the
 * argument schemas and result types cover exactly these names.
 */
export const API_METHODS = [
  'getNotebookStatus',
  'listArticles',
  'getArticle',
  'importArticle',
  'importUrl',
  'importExchange',
  'resolveConflict',
  'updateArticle',
  'deleteArticle',
  'markArticleOpened',
  'tagArticles',
  'deleteArticles',
  'listAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'getLegend',
  'updateLegend',
  'getHistory',
  'undo',
  'redo',
  'listClaims',
  'createClaim',
  'updateClaim',
  'deleteClaim',
  'addEvidence',
  'removeEvidence',
  'listNotes',
  'getNote',
  'createNote',
  'updateNote',
  'deleteNote',
  'linkNote',
  'unlinkNote',
  'getAnnotationUsage',
  'listTags',
  'renameTag',
  'mergeTags',
  'search',
  'exportReport',
  'previewExport',
  'exportProgress',
  'cancelExport',
  'getSyncStatus',
  'shareNotebook',
  'syncNotebook',
  'setSyncCredentials',
  'getRecordHistory',
  'restoreVersion',
  'restoreDamagedFile',
  'dismissDamagedFile',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/** Calls that change nothing. Every other call is a write, committed in the order it arrives. */
export const API_READS = [
  'getNotebookStatus',
  'listArticles',
  'getArticle',
  'listAnnotations',
  'getLegend',
  'getHistory',
  'listClaims',
  'listNotes',
  'getNote',
  'getAnnotationUsage',
  'listTags',
  'search',
  // Exports read the notebook and write nothing into it.
  'exportReport',
  'previewExport',
  'exportProgress',
  'cancelExport',
  'getSyncStatus',
  'getRecordHistory',
] as const satisfies readonly ApiMethod[];

export type ApiWriteMethod = Exclude<ApiMethod, (typeof API_READS)[number]>;

export const isWriteMethod = (method: ApiMethod): method is ApiWriteMethod => !(API_READS as readonly ApiMethod[]).includes(method);

/** IPC channel for a method; the only place the channel naming lives. */
export const ipcChannel = (method: ApiMethod): string => `notebook:${method}`;
