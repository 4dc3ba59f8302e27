/**
 * Writes fixtures/external/ (npm run fixtures:external): invented vacancies as the EURES search
 * engine and Job Market Finland's job-posting interface deliver them, for the fake servers and
 * the tests. Seeded, so the same files every time. Occupations and skills are real ESCO URIs
 * from the sample taxonomy; titles and texts are written here. Faithful to the sources' quirks:
 * HTML descriptions, employers missing, ISCO instead of ESCO occupation codes, NUTS-3 locations
 * (Pohjois-Savo under both its 2024 code FI1DB and the older FI1D2), postings in fi/sv/en,
 * removed postings, and national ads that reach EURES a second time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { readSampleSource } from '../src/taxonomy/sample/sample-taxonomy';
import { seededRandom } from '../matching/evaluation/generate';
import { P67_JOB_POSTING } from '../fixtures/external/p67-job-posting.contract';
import { EURES_JV } from '../fixtures/external/eures-search.contract';

const random = seededRandom(52026);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

interface Occupation {
  uri: string;
  isco: string;
  en: string;
  fi: string;
  sv: string;
  essential: string[];
}

const sourceFile = (file: string) => path.join(PROJECT_ROOT, 'fixtures/esco-sample/source', file);
const preferred = (labels: string) => labels.split('|')[0]!.trim();
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const essentialByOccupation = new Map<string, string[]>();
for (const { occupationUri, skillUri, relationType } of readSampleSource(
  sourceFile('occupation-skill.tsv'),
  ['occupationUri', 'skillUri', 'relationType'],
)) {
  if (relationType !== 'essential') continue;
  essentialByOccupation.set(occupationUri, [
    ...(essentialByOccupation.get(occupationUri) ?? []),
    skillUri,
  ]);
}
const occupations: Occupation[] = readSampleSource(sourceFile('occupations.tsv'), [
  'uri',
  'iscoGroup',
  'en',
  'fi',
  'sv',
]).map(({ uri, iscoGroup, en, fi, sv }) => ({
  uri,
  isco: iscoGroup,
  en: capitalised(preferred(en)),
  fi: capitalised(preferred(fi)),
  sv: capitalised(preferred(sv)),
  essential: essentialByOccupation.get(uri) ?? [],
}));
const skillLabels = new Map(
  readSampleSource(sourceFile('skills.tsv'), ['uri', 'en', 'fi', 'sv']).map(
    ({ uri, en, fi, sv }) => [
      uri,
      { en: preferred(en), fi: preferred(fi), sv: preferred(sv) } as Record<string, string>,
    ],
  ),
);
const byIsco = (isco: string) => occupations.find((o) => o.isco === isco)!;
// The occupations the fixtures' small-municipality jobseekers want, so that fallback finds them.
const FOCUS = ['7213', '7212', '8211', '5322', '5321', '9112', '2512', '8332'];

const EMPLOYERS = [
  'Pohjolan Metalli Oy',
  'Savon Hoivapalvelut Oy',
  'Esimerkki Logistiikka Oy',
  'Keksitty Ohjelmistot Oy',
  'Kuvitelma Siivous Oy',
  'Nordic Example AB',
  'Beispiel Werke GmbH',
  'Näide Tehas OÜ',
  'Example Care Ltd',
  'Voorbeeld Techniek BV',
  'Eksempel Bygg AS',
];

interface Place {
  country: string;
  nuts3: string;
  languages: [string, ...string[]];
  employer: string;
}
const ABROAD: Place[] = [
  { country: 'SE', nuts3: 'SE110', languages: ['sv', 'en'], employer: 'Nordic Example AB' },
  { country: 'SE', nuts3: 'SE232', languages: ['sv'], employer: 'Nordic Example AB' },
  { country: 'DE', nuts3: 'DE212', languages: ['de'], employer: 'Beispiel Werke GmbH' },
  { country: 'DE', nuts3: 'DE300', languages: ['de', 'en'], employer: 'Beispiel Werke GmbH' },
  { country: 'EE', nuts3: 'EE001', languages: ['et', 'en', 'fi'], employer: 'Näide Tehas OÜ' },
  { country: 'IE', nuts3: 'IE061', languages: ['en'], employer: 'Example Care Ltd' },
  { country: 'NL', nuts3: 'NL329', languages: ['nl', 'en'], employer: 'Voorbeeld Techniek BV' },
  { country: 'NO', nuts3: 'NO081', languages: ['no', 'en'], employer: 'Eksempel Bygg AS' },
];
const TITLE_SUFFIX: Record<string, string> = {
  de: ' (m/w/d)',
  sv: '',
  en: '',
  et: '',
  nl: '',
  no: '',
};

// Municipality code, region code and the matching NUTS-3 for the national postings.
const FINNISH_PLACES: [string, string, string][] = [
  ['687', '11', 'FI1DB'], // Rautavaara, Pohjois-Savo
  ['297', '11', 'FI1DB'], // Kuopio
  ['749', '11', 'FI1DB'], // Siilinjärvi
  ['140', '11', 'FI1DB'], // Iisalmi
  ['091', '01', 'FI1B1'], // Helsinki
  ['837', '06', 'FI197'], // Tampere
  ['167', '12', 'FI1D3'], // Joensuu
  ['564', '17', 'FI1D9'], // Oulu
  ['179', '13', 'FI193'], // Jyväskylä
];

function html(title: string, occupation: Occupation, language: string): string {
  const skills = occupation.essential
    .slice(0, 4)
    .map(
      (uri) =>
        `<li>${escapeHtml(skillLabels.get(uri)?.[language] ?? skillLabels.get(uri)?.en ?? uri)}</li>`,
    )
    .join('');
  const intro: Record<string, string> = {
    fi: `<p>Haemme <strong>${escapeHtml(title)}</strong> -tehtävään osaavaa tekijää.</p>`,
    sv: `<p>Vi söker en <strong>${escapeHtml(title)}</strong> till vårt team.</p>`,
    de: `<p>Wir suchen eine/n <strong>${escapeHtml(title)}</strong>.</p>`,
  };
  return `${intro[language] ?? `<p>We are looking for a <strong>${escapeHtml(title)}</strong> &amp; team player.</p>`}<ul>${skills}</ul><p>Apply by the deadline.</p>`;
}
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const NOW = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;

/** What the EURES copy of a national ad needs to know about it. */
interface NationalAd {
  title: string;
  language: string;
  occupation: Occupation;
  published: number;
  positions: number;
  partTime: boolean;
  employer: string | null;
}

// Fixture ids are UUIDs, as the service's are ([C1] of the P67 contract), and stable.
const nationalId = (i: number) => `6a1e0000-0000-4000-8000-${String(100200 + i).padStart(12, '0')}`;
/** A P67 time stamp: most without a zone, as [C1] of the contract expects; some with `Z`. */
const p67Time = (ms: number, i: number) =>
  i % 6 === 5
    ? new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
    : new Date(ms).toISOString().replace(/Z$/, '000');
// Finnish extensions of ESCO ([C1]): the occupation code is no ESCO URI.
const FINNISH_EXTENSION = 'http://data.tyomarkkinatori.fi/esco/occupation/fi-0001';

function markdown(title: string, occupation: Occupation, language: string): string {
  const skills = occupation.essential
    .slice(0, 4)
    .map((uri) => `- ${skillLabels.get(uri)?.[language] ?? skillLabels.get(uri)?.en ?? uri}`)
    .join('\n');
  const intro: Record<string, string> = {
    fi: `Haemme **${title}** -tehtävään osaavaa tekijää.`,
    sv: `Vi söker en **${title}** till vårt team.`,
  };
  return `## ${title}\n\n${intro[language] ?? `We are looking for a **${title}** & team player.`}\n\n${skills}\n\nApply by the deadline.`;
}

/**
 * One national posting in the P67 v2 shape (fixtures/external/p67-job-posting.contract.ts),
 * with the variety the contract's sources show: Markdown and plain descriptions, ISCO group and
 * Finnish-extension occupations, municipality codes that lost their leading zero, ads without
 * an employer or with only a client, archived ads, and contacts (which we must never store).
 */
function nationalPosting(i: number, ads: NationalAd[]) {
  const occupation = i < 24 ? byIsco(FOCUS[i % FOCUS.length]!) : pick(occupations);
  const [municipality, region] = i < 6 ? FINNISH_PLACES[i % 2]! : pick(FINNISH_PLACES);
  const language = i % 7 === 3 ? 'sv' : i % 11 === 5 ? 'en' : 'fi';
  const title = { fi: occupation.fi, sv: occupation.sv, en: occupation.en }[language]!;
  const published = NOW - between(1, 40) * DAY;
  const withSkills = i % 3 !== 0;
  // Drawn in the order the earlier generator drew them, so that the EURES file stays the same.
  const expires = NOW + between(20, 90) * DAY;
  const employer = i % 9 === 4 ? null : pick(EMPLOYERS.slice(0, 5));
  const skills = withSkills ? occupation.essential.slice(0, between(3, 6)) : [];
  const positions = between(1, 3);
  const partTime = i % 5 === 4;
  ads.push({ title, language, occupation, published, positions, partTime, employer });
  const id = nationalId(i);
  const plain = i % 4 === 1;
  const text = markdown(title, occupation, language);
  const archived = i % 13 === 12;
  return {
    languages: i % 8 === 2 ? [language, 'en'] : [language],
    descriptionsContentType: plain ? 'plain' : 'markdown',
    metadata: {
      externalId: id,
      created: p67Time(published - 2 * 3_600_000, i),
      lastModified: p67Time(published + (i % 5) * 3_600_000, i),
      archived: archived ? p67Time(published + 3 * DAY, i) : null,
    },
    owner: employer ? { company: { [language]: employer }, businessId: null } : null,
    client: i % 18 === 13 ? { company: 'Esimerkki Rekrytointi Oy' } : null,
    position: {
      title: { [language]: title },
      jobDescription: { [language]: plain ? text.replace(/\*\*|## /g, '') : text },
      mainOccupation:
        i % 10 === 6
          ? `http://data.europa.eu/esco/isco/C${occupation.isco}`
          : i % 23 === 22
            ? FINNISH_EXTENSION
            : occupation.uri,
      occupations:
        i % 4 === 2 ? [`http://data.europa.eu/esco/isco/C${occupation.isco.slice(0, 2)}`] : [],
      skills,
      workTime: partTime ? '02' : '01',
      employmentRelationship: '01',
      continuityOfWork: [i % 4 === 3 ? '02' : '01'],
    },
    location: {
      // Helsinki's 091 as 91 now and then: the contract allows up to 3 digits, not exactly 3.
      municipalities: [i % 2 === 0 ? municipality.replace(/^0+/, '') : municipality],
      regions: [region],
      countries: ['FI'],
    },
    application: {
      published: i % 17 === 16 ? null : p67Time(published, i),
      expires: p67Time(expires, i),
      openPositions: positions,
      url: i % 3 === 1 ? { [language]: `https://rekry.example.fi/hae/${id}` } : null,
    },
    contacts:
      i % 2 === 0
        ? [
            {
              firstName: 'Esimerkki',
              lastName: 'Yhteyshenkilö',
              email: 'rekry@example.fi',
              telephone: '+358 40 000 0000',
            },
          ]
        : [],
    externalLinks: [],
  };
}

/** One EURES search hit in the search engine's shape, plus what the fake filters on. */
function euresVacancy(i: number, national: NationalAd[]) {
  // Every tenth is a Finnish national ad that EURES carries too (to be recognised as one). Its
  // top-level text is the portal's English machine translation; the ad as written is only in
  // `translations[original]` (the first of `availableLanguages`), as [J] of the contract reads it.
  if (i % 10 === 9) {
    const ad = national[i % 6]!; // the first six are in Pohjois-Savo
    const english = ad.occupation.en;
    return {
      id: `RklOLTEw${i.toString(36).toUpperCase()}MDAy`,
      title: english,
      description: html(english, ad.occupation, 'en'),
      creationDate: ad.published + DAY,
      lastModificationDate: ad.published + DAY,
      numberOfPosts: ad.positions,
      // Pohjois-Savo under its NUTS 2024 code and under the older one, as both are seen.
      locationMap: { FI: [i % 20 === 9 ? 'FI1DB' : 'FI1D2'] },
      jobCategoriesCodes: [ad.occupation.uri],
      positionScheduleCodes: [ad.partTime ? 'parttime' : 'fulltime'],
      employer: ad.employer ? { name: ad.employer } : null,
      availableLanguages: ad.language === 'en' ? ['en'] : [ad.language, 'en'],
      translations: {
        [ad.language]: {
          title: ad.title,
          description: html(ad.title, ad.occupation, ad.language),
        },
        ...(ad.language === 'en'
          ? {}
          : { en: { title: english, description: html(english, ad.occupation, 'en') } }),
      },
    };
  }
  const occupation = i < 30 ? byIsco(FOCUS[i % FOCUS.length]!) : pick(occupations);
  // Not in step with FOCUS, so that each focus occupation is offered in several countries.
  const place = ABROAD[(i * 3 + Math.floor(i / ABROAD.length)) % ABROAD.length]!;
  const language = place.languages[0];
  const title =
    (language === 'sv' ? occupation.sv : language === 'fi' ? occupation.fi : occupation.en) +
    (TITLE_SUFFIX[language] ?? '');
  const created = NOW - between(1, 50) * DAY;
  const codes =
    i % 4 === 1
      ? [`http://data.europa.eu/esco/isco/C${occupation.isco}`]
      : i % 4 === 2
        ? [occupation.uri, `http://data.europa.eu/esco/isco/C${occupation.isco}`]
        : [occupation.uri];
  return {
    id: `${place.country}${String(700000 + i * 37)}`,
    title: i % 17 === 8 ? `  ${title}  ` : title,
    description: html(title, occupation, language),
    creationDate: created,
    lastModificationDate: created + between(0, 5) * DAY,
    numberOfPosts: between(1, 4),
    locationMap: { [place.country]: [place.nuts3] },
    jobCategoriesCodes: codes,
    positionScheduleCodes: [i % 6 === 5 ? 'parttime' : 'fulltime'],
    employer: i % 5 === 2 ? null : { name: place.employer },
    availableLanguages: place.languages,
  };
}

const ads: NationalAd[] = [];
const national = Array.from({ length: 60 }, (_, i) => nationalPosting(i, ads));
for (const [i, posting] of national.entries()) {
  const checked = P67_JOB_POSTING.safeParse(posting);
  if (!checked.success)
    throw new Error(`national posting ${i} breaks the P67 contract: ${checked.error.message}`);
}
const eures = Array.from({ length: 70 }, (_, i) => euresVacancy(i, ads));
for (const [i, jv] of eures.entries()) {
  const checked = EURES_JV.safeParse(jv);
  if (!checked.success)
    throw new Error(`EURES hit ${i} breaks the EURES contract: ${checked.error.message}`);
}
const out = path.join(PROJECT_ROOT, 'fixtures/external');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(
  path.join(out, 'national-postings.ndjson'),
  national.map((p) => JSON.stringify(p)).join('\n') + '\n',
);
fs.writeFileSync(path.join(out, 'eures-jvs.json'), JSON.stringify({ jvs: eures }, null, 1) + '\n');
console.log(`wrote ${national.length} national postings and ${eures.length} EURES vacancies`);
