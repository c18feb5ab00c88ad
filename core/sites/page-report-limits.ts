/**
 * The page report's constants (page-report.ts), apart from its schema: the content scripts need these and the type,
 * not the schema, which only the background and the server parse with.
 */
export const PAGE_REPORT_FORMAT = 'creditlens-page-report';
/** Longest comment, in characters (the form's textarea holds to it too). */
export const PAGE_REPORT_COMMENT_MAX = 2000;
/** Largest report the team server takes, in bytes of JSON (its default PAGE_REPORT_MAX_BYTES). */
export const PAGE_REPORT_MAX_BYTES = 5 * 1024 * 1024;
