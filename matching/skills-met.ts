import { SkillOutcome } from './score';

/**
 * "Meets k of n required skills", the one definition (explainMatch's summary, skillGap, and the
 * default floor of the match lists all count with it). A requirement is met when the
 * jobseeker's own skill or a related one gives it some credit (credit > 0):
 * - a related skill counts: it is competence the vacancy can use, at a reduced credit;
 * - a level below the one asked counts as long as any credit remains (the credit and skillGap's
 *   `underLevel` show the shortfall); with the default penalty only a claim four levels short
 *   gives none, and such a requirement is not met.
 * `required` is every requirement of the list, whatever its importance.
 */
export interface SkillsMet {
  /** k: requirements met, directly or through a related skill. */
  met: number;
  /** Of those, met through a related skill (the jobseeker lacks the skill itself). */
  throughRelated: number;
  /** n: every requirement. */
  required: number;
  /** Essential requirements met. */
  essentialMet: number;
  /** Essential requirements. */
  essentialRequired: number;
}

export function skillsMet(outcome: SkillOutcome): SkillsMet {
  const counts: SkillsMet = {
    met: 0,
    throughRelated: outcome.relatedSkills.length,
    required:
      outcome.matchedSkills.length + outcome.relatedSkills.length + outcome.missingSkills.length,
    essentialMet: 0,
    essentialRequired: 0,
  };
  for (const m of outcome.matchedSkills) {
    const met = m.credit > 0;
    if (met) counts.met++;
    if (m.importance === 'essential') {
      counts.essentialRequired++;
      if (met) counts.essentialMet++;
    }
  }
  // A related skill is listed only when it gives credit (scoreMatch keeps the best one above 0).
  counts.met += outcome.relatedSkills.length;
  for (const r of outcome.relatedSkills)
    if (r.importance === 'essential') {
      counts.essentialRequired++;
      counts.essentialMet++;
    }
  for (const m of outcome.missingSkills)
    if (m.importance === 'essential') counts.essentialRequired++;
  return counts;
}

/**
 * The default floor's skill rule: the pair meets at least one of the vacancy's essential skills
 * (as skillsMet counts), or the vacancy names none.
 */
export function meetsAnEssentialSkill(outcome: SkillOutcome): boolean {
  const { essentialMet, essentialRequired } = skillsMet(outcome);
  return essentialRequired === 0 || essentialMet > 0;
}
