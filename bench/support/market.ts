import { cefrCode } from '../../matching';
import { Population } from '../population';

/** The market as JSON Lines, homes and workplaces spread over the area's municipalities. */
export function* marketLines(
  population: Population,
  municipalities: string[],
  people: number,
  vacancies: number,
): Generator<string> {
  const employers = Math.max(1, Math.floor(vacancies / 50));
  let serial = 1000000;
  for (let e = 0; e < employers; e++) {
    // Numbers whose check digit would be 1 have no valid business id: skip them.
    let id = businessId(serial++);
    while (!id) id = businessId(serial++);
    yield JSON.stringify({
      type: 'employer',
      externalId: `bench-employer-${e}`,
      businessId: id,
      name: `Bench ${e} Oy`,
      municipalityCode: municipalities[e % municipalities.length],
    });
  }
  for (let v = 0; v < vacancies; v++) {
    const { profile } = population.vacancy(`v${v}`);
    yield JSON.stringify({
      type: 'vacancy',
      externalId: `bench-vacancy-${v}`,
      employerExternalId: `bench-employer-${v % employers}`,
      title: `Bench vacancy ${v}`,
      description: 'Generated for the benchmark.',
      occupationUri: profile.occupationUri,
      municipalityCode: municipalities[v % municipalities.length],
      remote: profile.remote,
      workingTime: profile.workingTime,
      contractType: profile.contractType,
      positions: 1,
      startDate: '2027-06-01',
      applicationDeadline: '2027-12-31',
      status: 'open',
      requirements: {
        skills: profile.skills,
        languages: profile.languages.map((l) => ({ ...l, minLevel: cefrCode(l.minLevel) })),
        minEducationLevel: profile.minEducationLevel,
        minExperienceMonths: profile.minExperienceMonths,
        licences: [],
      },
    });
  }
  for (let p = 0; p < people; p++) {
    const { profile } = population.person(`p${p}`);
    yield JSON.stringify({
      type: 'jobseeker',
      customerId: `BENCH-${p}`,
      homeMunicipalityCode: municipalities[p % municipalities.length],
      maxCommuteKm: profile.maxCommuteKm,
      willingToRelocate: profile.willingToRelocate,
      willingToWorkAbroad: false,
      remotePreference: profile.remotePreference,
      workingTimePreferences: profile.workingTimes,
      contractPreferences: profile.contractTypes,
      desiredOccupationUris: profile.desiredOccupationUris,
      educationLevel: profile.educationLevel,
      licences: [],
      employmentStatus: 'unemployed',
      personalData: {
        firstName: 'Bench',
        lastName: `Person ${p}`,
        email: `bench.${p}@example.invalid`,
        phone: null,
        streetAddress: null,
        postalCode: null,
        postOffice: null,
      },
      languages: [...profile.languages].map(([language, level]) => ({
        language,
        level: language === 'fi' && level === 6 ? 'native' : cefrCode(level),
      })),
      assessments: [
        {
          source: profile.skills[0]?.verified ? 'counsellor_verified' : 'self_assessment',
          assessedAt: '2026-09-01T09:00:00Z',
          skills: profile.skills.map((s) => ({
            skillUri: s.skillUri,
            proficiency: s.proficiency,
            experienceMonths: s.experienceMonths,
            lastUsedYear: s.lastUsedYear,
          })),
        },
      ],
    });
  }
}

/** The Finnish business id (Y-tunnus) of a seven-digit number, or '' when it has none. */
function businessId(n: number): string {
  const digits = String(n).padStart(7, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2];
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  const rest = sum % 11;
  if (rest === 1) return '';
  return `${digits}-${rest === 0 ? 0 : 11 - rest}`;
}
