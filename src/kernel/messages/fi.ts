import type { MessageKey } from './en';

/**
 * Finnish texts. After a numeral above one Finnish takes the partitive: "3 olennaista osaamista
 * puuttuu", so every count is a `plural` with its own `one` and `other` sentence.
 */
export const FI: Record<MessageKey, string> = {
  'match.fit': 'Sopivuus {percent} %.',
};
