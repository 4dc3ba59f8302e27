import { ExternalVacancy } from './external-vacancy';

/**
 * Drops repeats: the same ad twice from one source, and Finnish ads that reach EURES from the
 * national system (EURES gives them its own id, so they are recognised by title and employer,
 * the national copy kept: it carries the municipality, skills and deadline).
 */
export function removeDuplicates(vacancies: ExternalVacancy[]): ExternalVacancy[] {
  const seen = new Set<string>();
  const national = new Set<string>();
  for (const v of vacancies) if (v.source === 'national') national.add(fingerprint(v));
  const kept: ExternalVacancy[] = [];
  for (const v of vacancies) {
    const id = `${v.source}:${v.externalId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (v.source === 'eures' && v.country === 'FI' && national.has(fingerprint(v))) continue;
    kept.push(v);
  }
  return kept;
}

function fingerprint(v: ExternalVacancy): string {
  const normal = (text: string | null) =>
    (text ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `${normal(v.title)}|${normal(v.employerName)}`;
}
