import { Importance, IMPORTANCES } from './types';
import { MatchScore } from './score';
import { skillsMet, SkillsMet } from './skills-met';

/** How many skills of each kind a summary names: enough to act on, short enough to read. */
export const NAMED_SKILLS = 3;

/**
 * What a match summary says, without words (src/matches/match-summary.ts puts it in the reader's
 * language): the k-of-n counts (skillsMet), the most important unmet and met requirements
 * (essential first, then important, nice to have; in the vacancy's order within each), the hard failures and what is not known.
 */
export interface SummaryFacts {
  percent: number;
  counts: SkillsMet;
  /** Essential requirements not met: skillsMet's essentialRequired − essentialMet. */
  essentialMissing: number;
  /** Requirements not met (missing, or a claim that gives no credit), most important first. */
  unmetUris: string[];
  /** Of unmetUris, how many are essential (they come first). */
  unmetEssential: number;
  /** Requirements met (directly, then through a related skill), most important first. */
  metUris: string[];
  hardFailures: string[];
  missingData: MatchScore['missingData'];
}

// Most important first (IMPORTANCES' order); a stable sort keeps the vacancy's order within one.
const essentialFirst = <T extends { importance: Importance }>(items: T[]): T[] =>
  [...items].sort((a, b) => IMPORTANCES.indexOf(a.importance) - IMPORTANCES.indexOf(b.importance));

export function summaryFacts(score: MatchScore): SummaryFacts {
  const counts = skillsMet(score);
  // The same split as skillsMet: a claim that gives no credit does not meet the requirement.
  const unmet = essentialFirst([
    ...score.matchedSkills.filter((m) => m.credit <= 0),
    ...score.missingSkills,
  ]);
  const met = essentialFirst([
    ...score.matchedSkills.filter((m) => m.credit > 0),
    ...score.relatedSkills,
  ]);
  return {
    percent: Math.round(score.total * 100),
    counts,
    essentialMissing: counts.essentialRequired - counts.essentialMet,
    unmetUris: unmet.map((s) => s.skillUri),
    unmetEssential: unmet.filter((s) => s.importance === 'essential').length,
    metUris: met.map((s) => s.skillUri),
    hardFailures: score.hardFailures,
    missingData: score.missingData,
  };
}
