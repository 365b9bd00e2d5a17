/**
 * Import limits on their own, without the API contract's schemas: the import workers
 * check them and would otherwise load zod at start-up.
 */

/** 100 MB: the largest single file the app accepts; bigger ones are refused up front, before reading. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024
