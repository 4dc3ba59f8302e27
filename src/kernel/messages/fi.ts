import type { MessageKey } from './en';

/**
 * Finnish texts. After a numeral above one Finnish takes the partitive: "3 olennaista osaamista
 * puuttuu", so every count is a `plural` with its own `one` and `other` sentence.
 */
export const FI: Record<MessageKey, string> = {
  'match.fit': 'Sopivuus {percent} %.',
  // Match summaries (explainMatch, match lists: summary).
  'match.skillsMet': 'Vastaa {met}/{required} vaaditusta osaamisesta.',
  'match.skillsMetRelated':
    'Vastaa {met}/{required} vaaditusta osaamisesta ({related} lähisukuisen osaamisen kautta).',
  'match.noSkills': 'Työpaikka ei luettele vaadittuja osaamisia.',
  'match.essentialMissing':
    '{n, plural, one {# olennainen osaaminen puuttuu} other {# olennaista osaamista puuttuu}}: {skills}.',
  'match.otherMissing':
    '{n, plural, one {# vaadittu osaaminen puuttuu} other {# vaadittua osaamista puuttuu}}: {skills}.',
  'match.skillsMetNamed': 'Vastaavat osaamiset: {skills}.',
  'match.moreSkills': '{n, plural, one {# muu} other {# muuta}}',
  'match.fails.location': 'Työ tehdään paikan päällä eikä työpaikka ole hakijan ulottuvilla.',
  'match.fails.language': 'Vaadittu kielitaito ei riitä: {language}.',
  'match.fails.licence': 'Vaadittu lupa tai kortti puuttuu: {licence}.',
  'match.fails.other': 'Ei täytä ehdotonta vaatimusta: {code}.',
  'match.unknown.jobseekerSkills': 'Hakijalla ei ole osaamisprofiilia.',
  'match.unknown.education': 'Hakijan koulutustaso ei ole tiedossa.',
  'match.unknown.experience': 'Hakijan työkokemus ei ole tiedossa.',
  'match.unknown.location': 'Hakijan tai työpaikan sijainti ei ole tiedossa.',
};
