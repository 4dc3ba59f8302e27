/**
 * What a profile read from Job Market Finland (P60) offers Osaamo: draft skill claims with the
 * items that name them, the work history's occupations, wishes, languages, licences and places.
 * Pure: no database, no GraphQL, no logging; nothing is written here.
 *
 * The rules:
 * - Claims come from the skills of employments, educations, projects, business activities and
 *   the experience description. Each known skill URI is one claim, with one support per item
 *   naming it (profile order; a skill listed twice in one item is one support).
 * - Provenance: the section; the item's title (employment and project `title`, education
 *   `customDegreeName` else `degreeCode`, business activity `title` else `name`; a text in fi,
 *   else sv, else en, empty texts skipped; null for the experience description); its dates
 *   (education: `startDate`, and `endDate` else `abortedDate`); ongoing is `interval.ongoing`,
 *   for an education status `1`.
 * - Words: the item's description (fi, sv, en as above), cut to SUPPORT_MAX_LENGTH at a word
 *   boundary; else the item's title; else the skill's prefLabel (else its URI). The highlight
 *   is where the skill's prefLabel, in the language of the words, stands in them
 *   (case-insensitive); null when it is not there.
 * - Levels are not invented: every claim has `params.unlevelledClaimLevel`.
 * - experienceMonths: the union of the intervals of the items naming the skill that have a
 *   start date, both ends inclusive, overlaps counted once, 30.44 days a month, rounded, at
 *   most 600. An ongoing item, or one without an end, runs to `options.today` (a required
 *   argument: the end of currentYear would overstate every ongoing job by months); nothing
 *   counts after today. Education does not count: studying is not work experience. Null when
 *   no counted item has a start date.
 * - lastUsedYear: `params.currentYear` when an item naming the skill is ongoing (education
 *   included), else the latest end year of those items (never after currentYear: a planned
 *   end can lie ahead), else null.
 * - A URI the taxonomy does not hold is no claim, occupation nor wish: it goes to `unknownUris`
 *   once per (URI, section). Skill lists are checked with isSkill, occupation lists with
 *   isOccupation; an occupation named in a skill list is an unknown skill.
 * - workOccupations: each known occupation of the work history once per item naming it, with
 *   that item's provenance, in profile order.
 * - The job preference's occupations and skills are wishes (`desired*Uris`, known only,
 *   deduplicated, order kept), never claims.
 * - Languages through tmt-codes.ts, one per language in first-listed order; listed twice, the
 *   higher level stays (native above C2). An unmapped code is reported as KIELI, an unmapped
 *   level as KIELITAIDON_TASO; a missing code or level is reported with code '' (a language
 *   without a level cannot be matched), and such an entry gives no language.
 * - Licences from licence classes (unmapped: AJOKORTTILUOKKA) and card codes (unmapped:
 *   LUPA_KORTTI), deduplicated. Unmapped codes are listed once per (code set, code).
 * - Preferred municipality and region codes as given, deduplicated.
 * - profileLastModified: `generalInfo.meta.lastModified` as an ISO instant (a time without a
 *   zone is read as UTC, as KEHA's own data writes Z); null when absent or unreadable.
 * - `skills` are ordered by URI, for a deterministic result.
 */
import type { TmtProfileRead } from '../../../fixtures/external/tmt-profile.contract';
import { TMT_EDUCATION_STATUS } from '../../../fixtures/external/tmt-profile.contract';
import type { MatchParams } from '../../../matching/params';
import { LEVEL_NUMBER, SpokenLevel } from '../../../matching/cefr';
import { SUPPORT_MAX_LENGTH, LEVEL_RULES } from '../../guidance/level-suggestion';
import { languageOfCode, levelOfTmt, licenceOfCard, licenceOfClass } from './tmt-codes';
import type {
  ClaimSupport,
  ImportedProfile,
  ImportedSkillClaim,
  ItemProvenance,
  ProfileSection,
  UnknownUri,
  UnmappedCode,
} from './profile-transfer.types';

export interface ProfileTaxonomy {
  isSkill(uri: string): boolean;
  isOccupation(uri: string): boolean;
}

export interface ImportOptions {
  /** Today's ISO date (YYYY-MM-DD), where ongoing items end; the clock currentYear came from. */
  today: string;
}

type Description = NonNullable<TmtProfileRead['experienceDescription']>;
type EscoValue = NonNullable<Description['skills']>[number];
type LanguageMap = NonNullable<Description['description']>;
type Language = 'fi' | 'sv' | 'en';

/** A text and the language it was taken in (null for a code, which has none). */
interface Text {
  text: string;
  language: Language | null;
}

/** One profile item that can name skills and occupations, flattened. */
interface ProfileItem {
  provenance: ItemProvenance;
  title: Text | null;
  description: Description | undefined;
}

const DAY_MS = 86_400_000;
const DAYS_PER_MONTH = 365.2425 / 12;
/** Native ranks above C2 here, though the matcher counts it as C2 (LEVEL_NUMBER). */
const NATIVE_RANK = LEVEL_NUMBER.native + 1;

/** The first non-empty text of a map, in fi, sv, en order. */
function textOf(map: LanguageMap | undefined): Text | null {
  for (const language of ['fi', 'sv', 'en'] as const) {
    const text = map?.[language]?.trim();
    if (text) return { text, language };
  }
  return null;
}

function dayOf(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  return Date.UTC(year!, month! - 1, day!) / DAY_MS;
}

/** The items in profile order: employments, educations, projects, business, the description. */
function itemsOf(profile: TmtProfileRead): ProfileItem[] {
  const items: ProfileItem[] = [];
  const add = (
    section: ProfileSection,
    title: Text | null,
    dates: { startDate?: string; endDate?: string; ongoing?: boolean } | undefined,
    description: Description | undefined,
  ) =>
    items.push({
      provenance: {
        section,
        itemTitle: title?.text ?? null,
        startedOn: dates?.startDate ?? null,
        endedOn: dates?.endDate ?? null,
        ongoing: dates?.ongoing === true,
      },
      title,
      description,
    });
  for (const item of profile.employments ?? []) {
    add('employment', textOf(item.title), item.interval, item.description);
  }
  for (const item of profile.educations ?? []) {
    const code = item.degreeCode?.trim();
    const title = textOf(item.customDegreeName) ?? (code ? { text: code, language: null } : null);
    const interval = item.interval;
    const dates = {
      startDate: interval?.startDate,
      endDate: interval?.endDate ?? interval?.abortedDate,
      ongoing: interval?.statusCode === TMT_EDUCATION_STATUS.ongoing,
    };
    add('education', title, dates, item.description);
  }
  for (const item of profile.projects ?? []) {
    add('project', textOf(item.title), item.interval, item.description);
  }
  for (const item of profile.businessActivities ?? []) {
    const title = textOf(item.title) ?? textOf(item.name);
    add('business_activity', title, item.interval, item.description);
  }
  if (profile.experienceDescription) {
    add('experience_description', null, undefined, profile.experienceDescription);
  }
  return items;
}

/** The text cut to at most SUPPORT_MAX_LENGTH characters, at the last space that fits. */
function cutAtWord(text: string): string {
  if (text.length <= SUPPORT_MAX_LENGTH) return text;
  const head = text.slice(0, SUPPORT_MAX_LENGTH + 1);
  const space = head.search(/\s\S*$/);
  return (space > 0 ? head.slice(0, space) : head.slice(0, SUPPORT_MAX_LENGTH)).trimEnd();
}

function supportOf(item: ProfileItem, skill: EscoValue): ClaimSupport {
  const source: Text = textOf(item.description?.description) ??
    item.title ??
    textOf(skill.prefLabel) ?? { text: skill.uri, language: null };
  const words = cutAtWord(source.text);
  const name = source.language ? skill.prefLabel?.[source.language]?.trim() : undefined;
  const at = name ? words.toLowerCase().indexOf(name.toLowerCase()) : -1;
  return {
    ...item.provenance,
    words,
    highlightStart: at >= 0 ? at : null,
    highlightEnd: at >= 0 ? at + name!.length : null,
  };
}

/** Months in the union of the items' intervals, up to today; null when none has a start. */
function monthsOf(provenances: ItemProvenance[], today: number): number | null {
  const spans = provenances
    .filter((p) => p.startedOn !== null)
    .map((p) => {
      const end = p.ongoing || p.endedOn === null ? today : Math.min(dayOf(p.endedOn), today);
      // Both ends inclusive: a job from the 1st to the 31st is 31 days.
      return [dayOf(p.startedOn!), end + 1] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  if (spans.length === 0) return null;
  let days = 0;
  let reached = -Infinity;
  for (const [start, end] of spans) {
    const from = Math.max(start, reached);
    if (end > from) days += end - from;
    reached = Math.max(reached, end);
  }
  return Math.min(LEVEL_RULES.maxMonths, Math.round(days / DAYS_PER_MONTH));
}

function lastUsedYearOf(provenances: ItemProvenance[], currentYear: number): number | null {
  if (provenances.some((p) => p.ongoing)) return currentYear;
  const years = provenances.flatMap((p) => (p.endedOn ? [Number(p.endedOn.slice(0, 4))] : []));
  // A planned end (an education's) can lie ahead: a skill is not used later than this year.
  return years.length > 0 ? Math.min(currentYear, Math.max(...years)) : null;
}

function reasonOf(level: number, months: number | null, counted: number, studied: boolean): string {
  const head = `Job Market Finland profiles carry no level: level ${level} until confirmed`;
  const education = studied ? ' (education not counted as experience)' : '';
  if (months === null) return `${head}; no dated work to count months from${education}.`;
  const items = counted === 1 ? '1 item' : `${counted} items`;
  return `${head}; ${months} months from the dates of ${items}${education}.`;
}

function claimOf(
  skillUri: string,
  supports: ClaimSupport[],
  params: Pick<MatchParams, 'unlevelledClaimLevel' | 'currentYear'>,
  today: number,
): ImportedSkillClaim {
  // Studying is not work experience: education dates count for lastUsedYear only.
  const worked = supports.filter((s) => s.section !== 'education');
  const experienceMonths = monthsOf(worked, today);
  const counted = worked.filter((s) => s.startedOn !== null).length;
  const studied = supports.some((s) => s.section === 'education' && s.startedOn !== null);
  return {
    skillUri,
    proficiency: params.unlevelledClaimLevel,
    experienceMonths,
    lastUsedYear: lastUsedYearOf(supports, params.currentYear),
    levelReason: reasonOf(params.unlevelledClaimLevel, experienceMonths, counted, studied),
    support: supports,
  };
}

/** A list without repeats, first occurrence kept. */
const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/** Collects unknown URIs and unmapped codes, each once. */
class Reports {
  readonly unknownUris: UnknownUri[] = [];
  readonly unmappedCodes: UnmappedCode[] = [];
  private readonly seen = new Set<string>();

  unknown(uri: string, kind: UnknownUri['kind'], section: UnknownUri['section']): void {
    if (this.once(`uri ${section} ${uri}`)) this.unknownUris.push({ uri, kind, section });
  }

  unmapped(codeSet: UnmappedCode['codeSet'], code: string): void {
    if (this.once(`code ${codeSet} ${code}`)) this.unmappedCodes.push({ codeSet, code });
  }

  private once(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

function languagesOf(
  profile: TmtProfileRead,
  reports: Reports,
): { language: string; level: SpokenLevel }[] {
  const rank = (level: SpokenLevel) => (level === 'native' ? NATIVE_RANK : LEVEL_NUMBER[level]);
  const levels = new Map<string, SpokenLevel>();
  for (const skill of profile.languageSkills ?? []) {
    const language = languageOfCode(skill.code ?? '');
    const level = levelOfTmt(skill.level ?? '');
    if (language === null) reports.unmapped('KIELI', skill.code ?? '');
    if (level === null) reports.unmapped('KIELITAIDON_TASO', skill.level ?? '');
    if (language === null || level === null) continue;
    const known = levels.get(language);
    if (known === undefined || rank(level) > rank(known)) levels.set(language, level);
  }
  return [...levels].map(([language, level]) => ({ language, level }));
}

function licencesOf(profile: TmtProfileRead, reports: Reports): string[] {
  const licences: string[] = [];
  for (const licenceClass of profile.drivingLicenses?.licenseClasses ?? []) {
    const licence = licenceOfClass(licenceClass);
    if (licence === null) reports.unmapped('AJOKORTTILUOKKA', licenceClass);
    else licences.push(licence);
  }
  for (const card of profile.certifications?.cardCodes ?? []) {
    const licence = licenceOfCard(card);
    if (licence === null) reports.unmapped('LUPA_KORTTI', card);
    else licences.push(licence);
  }
  return unique(licences);
}

function instantOf(value: string | undefined): string | null {
  if (!value) return null;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const time = new Date(zoned);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** What a read profile offers Osaamo (the rules are in the header comment). */
export function mapImportedProfile(
  profile: TmtProfileRead,
  taxonomy: ProfileTaxonomy,
  params: Pick<MatchParams, 'unlevelledClaimLevel' | 'currentYear'>,
  options: ImportOptions,
): ImportedProfile {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
    throw new RangeError(`today must be an ISO date (YYYY-MM-DD), not '${options.today}'`);
  }
  const today = dayOf(options.today);
  const reports = new Reports();
  const supports = new Map<string, ClaimSupport[]>();
  const workOccupations: ImportedProfile['workOccupations'] = [];

  for (const item of itemsOf(profile)) {
    const section = item.provenance.section;
    const named = new Set<string>();
    for (const skill of item.description?.skills ?? []) {
      if (!taxonomy.isSkill(skill.uri)) reports.unknown(skill.uri, 'skill', section);
      else if (!named.has(skill.uri)) {
        named.add(skill.uri);
        const list = supports.get(skill.uri) ?? [];
        list.push(supportOf(item, skill));
        supports.set(skill.uri, list);
      }
    }
    const occupations = unique((item.description?.occupations ?? []).map((o) => o.uri));
    for (const uri of occupations) {
      if (!taxonomy.isOccupation(uri)) reports.unknown(uri, 'occupation', section);
      else workOccupations.push({ uri, provenance: item.provenance });
    }
  }

  const wishes = profile.jobPreferenceDescription;
  const desired = (values: EscoValue[] | undefined, kind: UnknownUri['kind']) =>
    unique((values ?? []).map((v) => v.uri)).filter((uri) => {
      const known = kind === 'skill' ? taxonomy.isSkill(uri) : taxonomy.isOccupation(uri);
      if (!known) reports.unknown(uri, kind, 'job_preference');
      return known;
    });
  const desiredOccupationUris = desired(wishes?.occupations, 'occupation');
  const desiredSkillUris = desired(wishes?.skills, 'skill');

  const skills = [...supports]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([uri, list]) => claimOf(uri, list, params, today));
  const general = profile.generalInfo;
  return {
    skills,
    workOccupations,
    desiredOccupationUris,
    desiredSkillUris,
    languages: languagesOf(profile, reports),
    licences: licencesOf(profile, reports),
    preferredMunicipalityCodes: unique(general?.preferredMunicipalities ?? []),
    preferredRegionCodes: unique(general?.preferredRegions ?? []),
    unknownUris: reports.unknownUris,
    unmappedCodes: reports.unmappedCodes,
    profileLastModified: instantOf(general?.meta?.lastModified),
  };
}
