import { MatchScore } from './score';
import { skillsMet } from './skills-met';

export type SummaryLanguage = 'fi' | 'sv' | 'en';

const TEXT = {
  fi: {
    fit: (p: number) => `Sopivuus ${p} %.`,
    skills: (met: number, all: number) => `Vastaa ${met}/${all} vaadittua osaamista`,
    related: (n: number) => ` (${n} lähisukuisen osaamisen kautta)`,
    missing: (n: number) => `Puuttuu ${n} olennainen osaaminen.`,
    fails: (what: string) => `Ei täytä vaatimusta: ${what}.`,
    unknown: 'Tietoja puuttuu',
    noSkills: 'Työpaikka ei luettele vaadittuja osaamisia.',
  },
  sv: {
    fit: (p: number) => `Matchning ${p} %.`,
    skills: (met: number, all: number) => `Uppfyller ${met}/${all} av de krävda kompetenserna`,
    related: (n: number) => ` (${n} genom närliggande kompetens)`,
    missing: (n: number) => `${n} väsentlig kompetens saknas.`,
    fails: (what: string) => `Uppfyller inte kravet: ${what}.`,
    unknown: 'Uppgifter saknas',
    noSkills: 'Platsen listar inga krävda kompetenser.',
  },
  en: {
    fit: (p: number) => `Fit ${p} %.`,
    skills: (met: number, all: number) => `Meets ${met} of ${all} required skills`,
    related: (n: number) => ` (${n} through a related skill)`,
    missing: (n: number) => `${n} essential skill(s) missing.`,
    fails: (what: string) => `Fails the requirement: ${what}.`,
    unknown: 'Not known',
    noSkills: 'The vacancy lists no required skills.',
  },
} as const;

/** A short summary of a score that a counsellor, an employer or the jobseeker can read (k of n: skillsMet). */
export function summarize(score: MatchScore, language: SummaryLanguage): string {
  const t = TEXT[language];
  const parts: string[] = [t.fit(Math.round(score.total * 100))];
  const counts = skillsMet(score);
  if (counts.required === 0) parts.push(t.noSkills);
  else {
    parts.push(
      `${t.skills(counts.met, counts.required)}${counts.throughRelated ? t.related(counts.throughRelated) : ''}.`,
    );
    const essentialMissing = counts.essentialRequired - counts.essentialMet;
    if (essentialMissing) parts.push(t.missing(essentialMissing));
  }
  for (const failure of score.hardFailures) parts.push(t.fails(failure));
  if (score.missingData.length) parts.push(`${t.unknown}: ${score.missingData.join('; ')}.`);
  return parts.join(' ');
}
