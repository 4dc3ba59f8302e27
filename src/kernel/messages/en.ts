/**
 * The message catalogue's English texts, and its keys: fi.ts and sv.ts must give every key
 * (the compiler says which is missing). ICU MessageFormat: `{n, plural, one {…} other {…}}`,
 * `{name}` for a value. A list of names is one value, formatted by `listOf` in the caller's
 * language. Keys are grouped by the feature that shows them: `<feature>.<what>`.
 */
export const EN = {
  'match.fit': 'Fit {percent} %.',
} as const;

export type MessageKey = keyof typeof EN;
