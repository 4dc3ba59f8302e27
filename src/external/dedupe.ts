import { DataSource } from 'typeorm';
import { ExternalVacancy } from './external-vacancy';

/**
 * Drops repeats: the same ad twice from one source, and Finnish ads that reach EURES from the
 * national system (EURES gives them its own id, so they are recognised by their original-language
 * title and employer, the national copy kept: it carries the municipality, skills and deadline).
 * A national ad counts whether it came in the same answer or is held in national_vacancy:
 * `stored` holds the fingerprints storedNationalCopies found there.
 */
export function removeDuplicates(
  vacancies: ExternalVacancy[],
  stored: ReadonlySet<string> = new Set(),
): ExternalVacancy[] {
  const seen = new Set<string>();
  const national = new Set<string>(stored);
  for (const v of vacancies) if (v.source === 'national') national.add(fingerprint(v));
  const kept: ExternalVacancy[] = [];
  for (const v of vacancies) {
    const id = `${v.source}:${v.externalId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (isFinnishEures(v) && national.has(fingerprint(v))) continue;
    kept.push(v);
  }
  return kept;
}

/**
 * The fingerprints of those EURES ads of Finland that the national sync holds a copy of: one
 * statement for the whole answer, none when it has no Finnish EURES ad. Both sides are
 * normalised by the same SQL expression, so the comparison does not depend on the database's
 * case rules agreeing with ours; the fingerprints returned are ours (see fingerprint).
 */
export async function storedNationalCopies(
  dataSource: DataSource,
  vacancies: ExternalVacancy[],
): Promise<Set<string>> {
  const candidates = vacancies.filter(isFinnishEures);
  if (!candidates.length) return new Set();
  const rows: { i: number }[] = await dataSource.query(
    `SELECT DISTINCT c.i::int AS i
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS c(title, employer, i)
     JOIN national_vacancy n
       ON ${normalSql(`n.data->>'title'`)} = ${normalSql('c.title')}
      AND ${normalSql(`n.data->>'employerName'`)} = ${normalSql('c.employer')}
     WHERE n.expires_at > now()`,
    [candidates.map((v) => v.title), candidates.map((v) => v.employerName ?? '')],
  );
  return new Set(rows.map((r) => fingerprint(candidates[r.i - 1]!)));
}

function isFinnishEures(v: ExternalVacancy): boolean {
  return v.source === 'eures' && v.country === 'FI';
}

function normal(text: string | null): string {
  return (text ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** normal() in SQL: NFC, lower case, runs of white space as one space, trimmed. */
function normalSql(expression: string): string {
  return `btrim(regexp_replace(lower(normalize(coalesce(${expression}, ''), NFC)), '\\s+', ' ', 'g'))`;
}

function fingerprint(v: ExternalVacancy): string {
  return `${normal(v.title)}|${normal(v.employerName)}`;
}
