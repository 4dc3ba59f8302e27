import type { MessageKey } from './en';

/** Swedish texts: every count is a `plural` with its own `one` and `other` sentence. */
export const SV: Record<MessageKey, string> = {
  'match.fit': 'Matchning {percent} %.',
  // Training suggestions (issue 15, i15-links): why a course helps.
  'training.reasonHeading':
    '{n, plural, one {Ger det som saknas ({skills}) för # ledigt jobb du nästan passar för som {occupation}.} other {Ger det som saknas ({skills}) för # lediga jobb du nästan passar för som {occupation}.}}',
  'training.reason':
    '{n, plural, one {Ger det som saknas ({skills}) för # ledigt jobb du nästan passar för.} other {Ger det som saknas ({skills}) för # lediga jobb du nästan passar för.}}',
  'training.withinReach':
    '{n, plural, one {Lyfter # ledigt jobb till en matchning på {threshold, number} eller mer.} other {Lyfter # lediga jobb till en matchning på {threshold, number} eller mer.}}',
  'training.relatedSkills': 'kunskaper nära de efterfrågade',
};
