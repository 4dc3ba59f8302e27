/**
 * urql sends queries as GET by default (preferGetMethod 'within-url-limit'), and the server's
 * CSRF prevention refuses a GET without a preflight header. POST, as a constant so the query's
 * context keeps its identity between renders. (The client in api/client.ts should say this
 * once for every view; until it does, the views say it per query.)
 */
export const SEND_AS_POST = { preferGetMethod: false } as const;
