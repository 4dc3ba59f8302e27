import type { MessageKey } from './en';

/**
 * Finnish texts. After a numeral above one Finnish takes the partitive: "3 olennaista osaamista
 * puuttuu", so every count is a `plural` with its own `one` and `other` sentence.
 */
export const FI: Record<MessageKey, string> = {
  'match.fit': 'Sopivuus {percent} %.',
  // Training suggestions (issue 15, i15-links): why a course helps.
  'training.reasonHeading':
    '{n, plural, one {Tuo puuttuvan osaamisen ({skills}) # työpaikkaan, johon lähes sovellut tavoiteammatissasi {occupation}.} other {Tuo puuttuvan osaamisen ({skills}) # työpaikkaan, joihin lähes sovellut tavoiteammatissasi {occupation}.}}',
  'training.reason':
    '{n, plural, one {Tuo puuttuvan osaamisen ({skills}) # työpaikkaan, johon lähes sovellut.} other {Tuo puuttuvan osaamisen ({skills}) # työpaikkaan, joihin lähes sovellut.}}',
  'training.withinReach':
    '{n, plural, one {Nostaa # työpaikan sopivuuden arvoon {threshold, number} tai yli.} other {Nostaa # työpaikan sopivuuden arvoon {threshold, number} tai yli.}}',
  'training.relatedSkills': 'pyydettyä lähellä olevaa osaamista',
};
