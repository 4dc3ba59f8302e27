/**
 * Writes fixtures/people/kuopio-area.jsonl and users.json (npm run fixtures:people): invented
 * people, employers, vacancies and trainings of the Kuopio employment area, deterministic
 * (seeded), drawn from the sample taxonomy. Jobseekers are spread over the municipalities as
 * the area's real counts are (the plan's table 2), a third over 50 and a fifth under 30.
 * Names are invented and look it; emails are at example.invalid. Last, a structural-change
 * group: the staff of an invented Siilinjärvi machine shop, laid off on one day.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { readSampleSource } from '../src/taxonomy/sample/sample-taxonomy';
import { ImportRecord, JobseekerRecord, VacancyRecord } from '../src/import/jsonl-records';

let seed = 20251;
function random(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const shuffle = <T>(items: T[]): T[] =>
  items
    .map((v) => [random(), v] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v);
function uuid(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
function businessId(): string {
  for (;;) {
    const digits = String(between(1000000, 3299999)).padStart(7, '0');
    const sum = [...digits].reduce((t, d, i) => t + Number(d) * [7, 9, 10, 5, 8, 4, 2][i]!, 0);
    if (sum % 11 === 1) continue;
    return `${digits}-${sum % 11 === 0 ? 0 : 11 - (sum % 11)}`;
  }
}

// The sample taxonomy: occupations with their Finnish labels and their skills.
const source = path.join(PROJECT_ROOT, 'fixtures', 'esco-sample', 'source');
const occupations = readSampleSource(path.join(source, 'occupations.tsv'), [
  'uri',
  'iscoGroup',
  'fi',
]).map((o) => ({ uri: o.uri, isco: o.iscoGroup, title: o.fi.split('|')[0]!.trim() }));
const relations = readSampleSource(path.join(source, 'occupation-skill.tsv'), [
  'occupationUri',
  'skillUri',
  'relationType',
]);
const skillsOf = (uri: string, relationType: string) =>
  relations
    .filter((r) => r.occupationUri === uri && r.relationType === relationType)
    .map((r) => r.skillUri);
const essentialOf = (uri: string) => skillsOf(uri, 'essential');
const optionalOf = (uri: string) => skillsOf(uri, 'optional');

/** Licences an occupation's vacancies require (codes). */
const LICENCES: Record<string, string[]> = {
  '8332': ['driving_licence_ce', 'professional_competence_card'],
  '8331': ['driving_licence_d', 'professional_competence_card'],
  '8322': ['driving_licence_b'],
  '8344': ['forklift_licence'],
  '5120': ['hygiene_passport'],
  '3434': ['hygiene_passport'],
  '5131': ['hygiene_passport', 'alcohol_passport'],
  '9412': ['hygiene_passport'],
  '7212': ['hot_work_card'],
  '7411': ['electrical_safety_card'],
  '5414': ['security_guard_card'],
  '8341': ['driving_licence_b'],
};

// Municipalities of the area with their share of jobseekers (plan, table 2, 1–6/2023).
const MUNICIPALITIES: [string, number][] = [
  ['297', 10770],
  ['749', 1361],
  ['402', 842],
  ['778', 546],
  ['686', 234],
  ['204', 229],
  ['857', 196],
  ['687', 151],
  ['239', 150],
  ['921', 150],
  ['844', 110],
];
const TOTAL = MUNICIPALITIES.reduce((t, [, n]) => t + n, 0);

const FIRST = [
  'Aino',
  'Eero',
  'Helmi',
  'Juho',
  'Kaisa',
  'Lauri',
  'Minna',
  'Niko',
  'Outi',
  'Pekka',
  'Riikka',
  'Sami',
  'Tiina',
  'Ville',
  'Anja',
  'Matti',
  'Leila',
  'Jari',
  'Sara',
  'Olli',
  'Fatima',
  'Ahmed',
  'Olga',
  'Dmitri',
  'Maria',
];
const LAST = [
  'Esimerkki',
  'Keksitty',
  'Kuvitteellinen',
  'Mallinen',
  'Testinen',
  'Harjoitus',
  'Leikkinen',
  'Sepitetty',
  'Kokeilu',
  'Tarinainen',
];
const COMPANY = [
  'Savon',
  'Kallaveden',
  'Puijon',
  'Pohjois-Savon',
  'Siilin',
  'Niiralan',
  'Männistön',
  'Itkonniemen',
  'Rauhalahden',
  'Iisveden',
];
const KIND: Record<string, string> = {
  '2': 'Palvelut',
  '3': 'Asiantuntijat',
  '4': 'Toimisto',
  '5': 'Palvelu',
  '6': 'Maatila',
  '7': 'Rakennus',
  '8': 'Kuljetus',
  '9': 'Huolto',
};

const records: ImportRecord[] = [];
const users: Record<string, unknown>[] = [
  {
    user: 'neuvoja',
    role: 'counsellor',
    employmentArea: 'kuopio',
    note: 'A counsellor of the Kuopio employment area',
  },
  {
    user: 'neuvoja-joensuu',
    role: 'counsellor',
    employmentArea: 'joensuu',
    note: 'A counsellor of another area: sees none of these jobseekers',
  },
  { user: 'yllapito', role: 'admin', note: 'An administrator: all records, no personal data' },
  {
    user: 'oppimisymparisto',
    role: 'learning_environment',
    note: 'The digital learning environment',
  },
  { user: 'integraatio', role: 'integrator', note: 'A national service integrating with the API' },
  {
    user: 'tietosuojavastaava',
    role: 'data_protection_officer',
    note: 'The data protection officer: reads the audit log',
  },
];

// Employers: each in the sector of one or two occupations.
const employerIds: { id: string; externalId: string; occupations: typeof occupations }[] = [];
const byMajor = new Map<string, typeof occupations>();
for (const o of occupations) byMajor.set(o.isco[0]!, [...(byMajor.get(o.isco[0]!) ?? []), o]);
for (let i = 1; i <= 40; i++) {
  const major = pick([...byMajor.keys()]);
  const sector = byMajor.get(major)!;
  const id = uuid();
  const externalId = `employer-${String(i).padStart(3, '0')}`;
  const municipality = random() < 0.75 ? '297' : pick(['749', '402', '778', '686']);
  records.push({
    type: 'employer',
    id,
    externalId,
    businessId: businessId(),
    name: `${pick(COMPANY)} ${KIND[major] ?? 'Työ'} ${i} Oy`,
    municipalityCode: municipality,
  });
  employerIds.push({ id, externalId, occupations: sector });
  if (i <= 3)
    users.push({
      user: `tyonantaja-${i}`,
      role: 'employer',
      employerId: id,
      note: `A recruiter of ${externalId}`,
    });
}

// Vacancies with requirement profiles from their occupation's skills.
for (let i = 1; i <= 120; i++) {
  const employer = employerIds[(i - 1) % employerIds.length]!;
  const occupation = pick(employer.occupations);
  const skills = shuffle(essentialOf(occupation.uri)).slice(0, between(5, 9));
  const optional = shuffle(optionalOf(occupation.uri)).slice(0, between(0, 3));
  const vacancy: VacancyRecord = {
    type: 'vacancy',
    externalId: `vacancy-${String(i).padStart(3, '0')}`,
    employerExternalId: employer.externalId,
    title: `${occupation.title[0]!.toUpperCase()}${occupation.title.slice(1)}${random() < 0.3 ? ', vakituinen' : ''}`,
    description: `Haemme ${occupation.title}a. Kuvitteellinen ilmoitus Osaamon testiaineistossa.`,
    occupationUri: occupation.uri,
    municipalityCode: random() < 0.7 ? '297' : pick(['749', '402', '778', '204', '857']),
    remote: occupation.isco.startsWith('25') ? pick(['hybrid', 'full']) : 'none',
    workingTime: random() < 0.8 ? 'full_time' : 'part_time',
    contractType: random() < 0.65 ? 'permanent' : pick(['fixed_term', 'seasonal']),
    positions: random() < 0.85 ? 1 : between(2, 5),
    startDate: `2027-0${between(1, 6)}-01`,
    applicationDeadline: `2027-0${between(3, 9)}-${String(between(10, 28))}`,
    status: random() < 0.85 ? 'open' : pick(['draft', 'closed']),
    requirements: {
      skills: [
        ...skills.map((skillUri, k) => ({
          skillUri,
          importance: (k < 3 ? 'essential' : 'important') as 'essential' | 'important',
          minProficiency: between(2, 4),
        })),
        ...optional.map((skillUri) => ({
          skillUri,
          importance: 'nice_to_have' as const,
          minProficiency: 2,
        })),
      ],
      languages: [
        {
          language: 'fi',
          minLevel: occupation.isco.startsWith('2') ? ('C1' as const) : ('B1' as const),
          essential: true,
        },
        ...(occupation.isco.startsWith('25') || random() < 0.2
          ? [{ language: 'en', minLevel: 'B2' as const, essential: false }]
          : []),
      ],
      minEducationLevel: occupation.isco.startsWith('2') ? 6 : occupation.isco[0]! < '9' ? 4 : null,
      minExperienceMonths: random() < 0.5 ? between(6, 36) : null,
      licences: LICENCES[occupation.isco] ?? [],
    },
  };
  records.push(vacancy);
}

// Jobseekers: municipality by the area's shares; a third over 50, a fifth under 30.
for (let i = 1; i <= 300; i++) {
  let r = random() * TOTAL;
  const municipality = MUNICIPALITIES.find(([, n]) => (r -= n) < 0)?.[0] ?? '297';
  const ageGroup = random();
  const age =
    ageGroup < 0.2 ? between(18, 29) : ageGroup < 0.67 ? between(30, 50) : between(51, 64);
  const occupation = pick(occupations);
  const other = pick(occupations);
  const first = pick(FIRST);
  const last = pick(LAST);
  const nativeLanguage = random() < 0.88 ? 'fi' : pick(['ru', 'ar', 'et', 'en', 'so']);
  const ownSkills = shuffle(essentialOf(occupation.uri)).slice(0, between(6, 14));
  const transferable = shuffle(essentialOf(other.uri))
    .filter((s) => !ownSkills.includes(s))
    .slice(0, between(0, 4));
  const skills = [...ownSkills, ...transferable].map((skillUri) => ({
    skillUri,
    proficiency: between(2, 5),
    experienceMonths: random() < 0.7 ? between(3, 240) : null,
    lastUsedYear: random() < 0.8 ? between(2012, 2026) : null,
  }));
  const jobseeker: JobseekerRecord = {
    type: 'jobseeker',
    id: uuid(),
    customerId: `KUO-${String(100000 + i)}`,
    homeMunicipalityCode: municipality,
    maxCommuteKm: pick([10, 20, 30, 50, 80, null]),
    willingToRelocate: random() < 0.15,
    willingToWorkAbroad: random() < 0.08,
    remotePreference: pick(['any', 'any', 'none', 'hybrid']),
    workingTimePreferences: random() < 0.7 ? ['full_time'] : ['full_time', 'part_time'],
    contractPreferences: random() < 0.5 ? ['permanent'] : ['permanent', 'fixed_term'],
    earliestStartDate: random() < 0.6 ? null : `2027-0${between(1, 4)}-01`,
    desiredOccupationUris: random() < 0.7 ? [occupation.uri] : [occupation.uri, other.uri],
    educationLevel: random() < 0.15 ? null : between(3, 7),
    licences: [
      ...(LICENCES[occupation.isco] ?? []).filter(() => random() < 0.8),
      ...(random() < 0.7 ? ['driving_licence_b'] : []),
    ].filter((v, k, a) => a.indexOf(v) === k),
    employmentStatus: pick([
      'unemployed',
      'unemployed',
      'unemployed',
      'laid_off',
      'employed',
      'student',
    ]),
    birthYear: 2026 - age,
    personalData: {
      firstName: first,
      lastName: last,
      email:
        `${first}.${last}.${i}`.toLowerCase().replace(/[äå]/g, 'a').replace(/ö/g, 'o') +
        '@example.invalid',
      phone: `+358 40 000 ${String(i).padStart(4, '0')}`,
      streetAddress: `Kuvitelmakatu ${i}`,
      postalCode: '70100',
      postOffice: 'Kuopio',
    },
    languages:
      nativeLanguage === 'fi'
        ? [
            { language: 'fi', level: 'native' as const },
            ...(random() < 0.6
              ? [{ language: 'en', level: pick(['A2', 'B1', 'B2', 'C1'] as const) }]
              : []),
            ...(random() < 0.3
              ? [{ language: 'sv', level: pick(['A1', 'A2', 'B1'] as const) }]
              : []),
          ]
        : [
            { language: nativeLanguage, level: 'native' as const },
            { language: 'fi', level: pick(['A2', 'B1', 'B2'] as const) },
          ],
    assessments: [
      ...(random() < 0.4
        ? [
            {
              source: 'self_assessment' as const,
              assessedAt: '2026-03-02T09:00:00Z',
              skills: skills
                .slice(0, Math.ceil(skills.length / 2))
                .map((s) => ({ ...s, proficiency: Math.max(1, s.proficiency - 1) })),
            },
          ]
        : []),
      {
        source: random() < 0.5 ? ('counsellor_verified' as const) : ('self_assessment' as const),
        assessedAt: `2026-${String(between(5, 10)).padStart(2, '0')}-15T10:00:00Z`,
        skills,
      },
    ],
    consents: [
      ...(random() < 0.3
        ? [
            {
              purpose: 'show_profile_to_employers' as const,
              recipient: 'all_employers',
              grantedAt: '2026-06-01T08:00:00Z',
            },
          ]
        : []),
      ...(random() < 0.4
        ? [
            {
              purpose: 'learning_environment_skill_gaps' as const,
              recipient: 'learning_environment',
              grantedAt: '2026-06-01T08:00:00Z',
            },
          ]
        : []),
    ],
  };
  records.push(jobseeker);
  if (i === 1)
    users.push({
      user: 'tyonhakija-1',
      role: 'jobseeker',
      jobseekerId: jobseeker.id,
      note: `Jobseeker ${jobseeker.customerId} (${municipality})`,
    });
}

// Trainings teaching parts of an occupation's skills.
const PROVIDERS = [
  'Kuvitteellinen ammattiopisto',
  'Esimerkkiopisto',
  'Savon testikoulutus',
  'Verkko-opisto (kuviteltu)',
];
for (let i = 1; i <= 40; i++) {
  const occupation = pick(occupations);
  const online = random() < 0.25;
  records.push({
    type: 'training',
    externalId: `training-${String(i).padStart(3, '0')}`,
    provider: pick(PROVIDERS),
    title: `${occupation.title[0]!.toUpperCase()}${occupation.title.slice(1)}: täydennyskoulutus ${i}`,
    durationDays: pick([5, 10, 20, 40, 60, 120]),
    mode: online ? 'online' : pick(['classroom', 'blended']),
    municipalityCode: online ? null : pick(['297', '297', '749', '778']),
    startDates: [
      `2027-0${between(1, 5)}-0${between(1, 9)}`,
      `2027-0${between(6, 9)}-0${between(1, 9)}`,
    ],
    url: `https://example.invalid/koulutus/${i}`,
    skills: shuffle([...essentialOf(occupation.uri), ...optionalOf(occupation.uri)])
      .slice(0, between(3, 6))
      .map((skillUri) => ({ skillUri, levelReached: between(2, 4) })),
  });
}

// Employers first: vacancies name them.
const order = { employer: 0, vacancy: 1, jobseeker: 2, training: 3 };
records.sort((a, b) => order[a.type] - order[b.type]);

/**
 * A structural change: an invented machine shop in Siilinjärvi lays off its staff ahead of
 * closing. Drawn after everything else from a seed of its own and written after the other
 * lines, so that the records above stay as they were; it has no vacancies, so its employer line
 * may come after them.
 */
const PLANT = {
  externalId: 'employer-041',
  businessId: '2946015-8',
  name: 'Siilin Kuvitteellinen Konepaja Oy',
  municipalityCode: '749',
  laidOffOn: '2026-10-31',
  jobseekers: 96,
};
/** The plant's jobs (ISCO group of the sample taxonomy) and their shares of its staff. */
const PLANT_JOBS: [string, number][] = [
  ['7212', 22], // welders
  ['8211', 20], // machine assemblers
  ['7213', 14], // sheet metal workers
  ['7223', 14], // CNC machine operators
  ['8344', 8], // forklift operators
  ['9333', 8], // warehouse workers
  ['7233', 6], // maintenance mechanics
  ['2411', 4], // accounting
  ['4225', 4], // customer service (order desk)
];
/** Siilinjärvi and its neighbours, most of the staff living in the plant's own municipality. */
const PLANT_HOMES: [string, number][] = [
  ['749', 60],
  ['297', 28],
  ['402', 9],
  ['204', 3],
];
const weighted = (items: [string, number][]): string => {
  let r = random() * items.reduce((t, [, n]) => t + n, 0);
  return items.find(([, n]) => (r -= n) < 0)?.[0] ?? items[0]![0];
};
const occupationOf = (isco: string) => occupations.find((o) => o.isco === isco)!;

seed = 20261031;
const layOffs: ImportRecord[] = [
  {
    type: 'employer',
    id: uuid(),
    externalId: PLANT.externalId,
    businessId: PLANT.businessId,
    name: PLANT.name,
    municipalityCode: PLANT.municipalityCode,
  },
];
for (let k = 1; k <= PLANT.jobseekers; k++) {
  const i = 300 + k;
  const municipality = weighted(PLANT_HOMES);
  // An industrial workforce: older than the area's jobseekers.
  const ageGroup = random();
  const age =
    ageGroup < 0.15 ? between(19, 29) : ageGroup < 0.6 ? between(30, 50) : between(51, 63);
  const occupation = occupationOf(weighted(PLANT_JOBS));
  const other = occupationOf(weighted(PLANT_JOBS));
  const first = pick(FIRST);
  const last = pick(LAST);
  const nativeLanguage = random() < 0.9 ? 'fi' : pick(['ru', 'et', 'ar']);
  // As for the others: part of the occupation's skills and a few of another, so some meet a
  // local vacancy's requirements and some fall short.
  const ownSkills = shuffle(essentialOf(occupation.uri)).slice(0, between(5, 13));
  const transferable = shuffle(essentialOf(other.uri))
    .filter((s) => !ownSkills.includes(s))
    .slice(0, between(0, 4));
  const skills = [...ownSkills, ...transferable].map((skillUri) => ({
    skillUri,
    proficiency: between(2, 5),
    experienceMonths: random() < 0.8 ? between(6, 12 * Math.max(1, age - 19)) : null,
    lastUsedYear: 2026,
  }));
  const office = occupation.isco.startsWith('2') || occupation.isco.startsWith('4');
  const jobseeker: JobseekerRecord = {
    type: 'jobseeker',
    id: uuid(),
    customerId: `KUO-${String(100000 + i)}`,
    homeMunicipalityCode: municipality,
    maxCommuteKm: pick([20, 30, 50, 80, null]),
    willingToRelocate: random() < 0.1,
    willingToWorkAbroad: random() < 0.05,
    remotePreference: office ? pick(['any', 'hybrid']) : pick(['any', 'none', 'none']),
    workingTimePreferences: random() < 0.8 ? ['full_time'] : ['full_time', 'part_time'],
    contractPreferences: random() < 0.5 ? ['permanent'] : ['permanent', 'fixed_term'],
    earliestStartDate: random() < 0.7 ? null : '2026-11-01',
    desiredOccupationUris: random() < 0.6 ? [occupation.uri] : [occupation.uri, other.uri],
    educationLevel:
      occupation.isco === '2411' ? between(5, 6) : random() < 0.1 ? null : between(3, 4),
    licences: [
      ...(LICENCES[occupation.isco] ?? []).filter(() => random() < 0.85),
      ...(random() < 0.8 ? ['driving_licence_b'] : []),
    ].filter((v, n, a) => a.indexOf(v) === n),
    employmentStatus: 'laid_off',
    birthYear: 2026 - age,
    lastEmployerBusinessId: PLANT.businessId,
    laidOffOn: PLANT.laidOffOn,
    personalData: {
      firstName: first,
      lastName: last,
      email:
        `${first}.${last}.${i}`.toLowerCase().replace(/[äå]/g, 'a').replace(/ö/g, 'o') +
        '@example.invalid',
      phone: `+358 40 000 ${String(i).padStart(4, '0')}`,
      streetAddress: `Kuvitelmakatu ${i}`,
      postalCode: municipality === '749' ? '71800' : '70100',
      postOffice: municipality === '749' ? 'Siilinjärvi' : 'Kuopio',
    },
    languages:
      nativeLanguage === 'fi'
        ? [
            { language: 'fi', level: 'native' as const },
            ...(random() < 0.4
              ? [{ language: 'en', level: pick(['A2', 'B1', 'B2'] as const) }]
              : []),
          ]
        : [
            { language: nativeLanguage, level: 'native' as const },
            { language: 'fi', level: pick(['A2', 'B1', 'B2'] as const) },
          ],
    assessments: [
      {
        // The structural-change service assesses the staff together after the lay-off.
        source: random() < 0.7 ? ('counsellor_verified' as const) : ('self_assessment' as const),
        assessedAt: `2026-11-${String(between(3, 20)).padStart(2, '0')}T10:00:00Z`,
        skills,
      },
    ],
    consents: [
      ...(random() < 0.5
        ? [
            {
              purpose: 'show_profile_to_employers' as const,
              recipient: 'all_employers',
              grantedAt: '2026-11-02T08:00:00Z',
            },
          ]
        : []),
      ...(random() < 0.5
        ? [
            {
              purpose: 'learning_environment_skill_gaps' as const,
              recipient: 'learning_environment',
              grantedAt: '2026-11-02T08:00:00Z',
            },
          ]
        : []),
    ],
  };
  layOffs.push(jobseeker);
}
records.push(...layOffs);

const out = path.join(PROJECT_ROOT, 'fixtures', 'people');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(
  path.join(out, 'kuopio-area.jsonl'),
  records.map((r) => JSON.stringify(r)).join('\n') + '\n',
);
fs.writeFileSync(path.join(out, 'users.json'), JSON.stringify(users, null, 2) + '\n');
console.log(
  `Wrote ${records.length} records and ${users.length} users to ${path.relative(PROJECT_ROOT, out)}`,
);
