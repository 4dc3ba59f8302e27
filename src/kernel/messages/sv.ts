import type { MessageKey } from './en';

/** Swedish texts: every count is a `plural` with its own `one` and `other` sentence. */
export const SV: Record<MessageKey, string> = {
  'match.fit': 'Matchning {percent} %.',
};
