import type { MessageKey } from './en';

/** Swedish texts: every count is a `plural` with its own `one` and `other` sentence. */
export const SV: Record<MessageKey, string> = {
  'match.fit': 'Matchning {percent} %.',
  // Match summaries (explainMatch, match lists: summary).
  'match.skillsMet':
    '{required, plural, one {Uppfyller {met} av # krävd kompetens} other {Uppfyller {met} av # krävda kompetenser}}.',
  'match.skillsMetRelated':
    '{required, plural, one {Uppfyller {met} av # krävd kompetens} other {Uppfyller {met} av # krävda kompetenser}} ({related} genom närliggande kompetens).',
  'match.noSkills': 'Platsen listar inga krävda kompetenser.',
  'match.essentialMissing':
    '{n, plural, one {# väsentlig kompetens saknas} other {# väsentliga kompetenser saknas}}: {skills}.',
  'match.otherMissing':
    '{n, plural, one {# krävd kompetens saknas} other {# krävda kompetenser saknas}}: {skills}.',
  'match.skillsMetNamed': 'Uppfyllda kompetenser: {skills}.',
  'match.moreSkills': '{n, plural, one {# till} other {# till}}',
  'match.fails.location': 'Arbetet utförs på plats och ligger utom räckhåll för den arbetssökande.',
  'match.fails.language': 'Kunskaperna i det krävda språket räcker inte: {language}.',
  'match.fails.licence': 'Det krävda tillståndet eller kortet saknas: {licence}.',
  'match.fails.other': 'Uppfyller inte ett ovillkorligt krav: {code}.',
  'match.unknown.jobseekerSkills': 'Den arbetssökande har ingen kompetensprofil.',
  'match.unknown.education': 'Den arbetssökandes utbildningsnivå är okänd.',
  'match.unknown.experience': 'Den arbetssökandes arbetslivserfarenhet är okänd.',
  'match.unknown.location': 'Den arbetssökandes eller platsens ort är okänd.',
};
