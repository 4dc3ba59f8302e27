/**
 * What Osaamo sends back to Job Market Finland (P51, `PUT /v1/profile`) from a confirmed
 * competence assessment: a pure builder, no database, no logging. Everything that does not
 * travel is named in `leftOut`, in words a counsellor can read; nothing is dropped silently.
 *
 * Rules:
 * - Skills travel as ESCO URIs only (`{uri}`): the contract has no level, so levels stay ours.
 * - A skill whose support names an item (section employment, project, education or
 *   business_activity, with a non-empty itemTitle) goes into that item. Items are rebuilt by
 *   (section, itemTitle, startedOn, endedOn, ongoing): employment → `employments[]`, project →
 *   `projects[]`, business_activity → `businessActivities[]` (each `title`, `interval`,
 *   `description`), education → `educations[]` (`customDegreeName`, `interval`, `description`).
 *   Only what Osaamo holds is rebuilt: no employer, institution or degree code.
 * - A skill with no item support (own words, the experience description, or an item without a
 *   title) goes to `experienceDescription.skills`. A skill with item support travels only in its
 *   items: its own words, if any, are not sent.
 * - A description's text is the distinct supporting words (trimmed, empty ones skipped) in the
 *   order the skills are walked, joined by "\n", cut to 5000 characters ([J]'s own cut) at a
 *   sentence, else a word, boundary. An item without words gets its title as its text. The
 *   experience description without words gets no text at all rather than a made-up one.
 * - Every text goes under `fi`: the language of the words is not known, and Job Market Finland's
 *   pages expect `fi` (see the contract notes). A text under `fi` may thus be Swedish or English.
 * - Interval: ongoing → `{startDate, ongoing: true}`, never an end date (the contract refuses
 *   both). An education has no `ongoing`: an unfinished one gets no end date and statusCode `1`
 *   (starting or ongoing). Dates not in ISO form are left out; an interval without dates and not
 *   ongoing is not sent. "Start date in the past" needs a clock: the caller checks it.
 * - Preferences: `jobPreferenceDescription` with the desired occupations and skills, no text.
 * - Languages: `{code, level}`, native is `L1`. Licences: driving classes to
 *   `drivingLicenses.licenseClasses`, cards to `certifications.cardCodes` (tmt-codes.ts);
 *   a licence with neither is left out.
 * - Never an empty list nor an empty object: the service may read one as "erase". Fields Osaamo
 *   does not own (generalInfo, externalLinks) are never sent.
 * - Limits (TMT_PROFILE_LIMITS): 20 items per list, the most recent by start date kept; 120
 *   skills per item or experience description, the highest proficiency first (then URI); 120
 *   wished occupations or skills, 120 codes and 20 languages, in the given order. Every skill
 *   cut by a limit is named by URI; so is a URI, a date or a code the contract would refuse.
 * - Deterministic: skills are walked by proficiency (highest first), then URI, whatever their
 *   input order; languages, licences and wishes keep the given order, duplicates removed.
 */
import {
  TMT_DATE,
  TMT_EDUCATION_STATUS,
  TMT_ESCO_URI,
  TMT_LANGUAGE_LEVEL,
  TMT_PROFILE_LIMITS,
  TmtProfileWrite,
} from '../../../fixtures/external/tmt-profile.contract';
import { ExportSource, ProfileSection } from './profile-transfer.types';
import { cardOfLicence, classOfLicence, tmtLevelOf } from './tmt-codes';

export interface ExportResult {
  profile: TmtProfileWrite;
  /** What was not sent and why, one line each. Names item titles: personal data, never logged. */
  leftOut: string[];
}

/** [J] cuts descriptions at 5000 characters; the contract publishes no length. */
export const DESCRIPTION_MAX_LENGTH = 5000;

type ItemSection = Exclude<ProfileSection, 'experience_description'>;
type Description = NonNullable<TmtProfileWrite['experienceDescription']>;
type Skill = ExportSource['skills'][number];
type Support = Skill['support'][number];

const ITEM_SECTIONS: readonly ItemSection[] = [
  'employment',
  'project',
  'education',
  'business_activity',
];

/** One profile item rebuilt from the supports that name it. */
interface Item {
  section: ItemSection;
  title: string;
  startedOn: string | null;
  endedOn: string | null;
  ongoing: boolean;
  /** Skill URIs in walk order, distinct. */
  skillUris: string[];
  words: string[];
}

export function buildExportProfile(source: ExportSource): ExportResult {
  const leftOut: string[] = [];
  const profile: TmtProfileWrite = {};
  const skills = skillsInWalkOrder(source.skills, leftOut);

  const { items, own } = placeSkills(skills);

  const sent = new Set<string>();
  const named = new Set<string>();
  const sections = { employment: [], project: [], education: [], business_activity: [] } as {
    [S in ItemSection]: Item[];
  };
  for (const item of items) sections[item.section].push(item);
  for (const section of ITEM_SECTIONS) {
    const kept = mostRecent(sections[section], leftOut);
    if (kept.length === 0) continue;
    const entries = kept.map((item) => ({
      item,
      description: itemDescription(item, sent, named, leftOut),
    }));
    if (section === 'education') {
      profile.educations = entries.map(({ item, description }) => ({
        customDegreeName: { fi: item.title },
        ...optional('interval', educationInterval(item, leftOut)),
        description,
      }));
      continue;
    }
    const built = entries.map(({ item, description }) => ({
      title: { fi: item.title },
      ...optional('interval', interval(item, leftOut)),
      description,
    }));
    if (section === 'employment') profile.employments = built;
    if (section === 'project') profile.projects = built;
    if (section === 'business_activity') profile.businessActivities = built;
  }

  if (own.skillUris.length > 0) {
    const where = 'the experience description';
    const skillsSent = capEsco(own.skillUris, where, 'skill', leftOut, named);
    skillsSent.forEach((uri) => sent.add(uri));
    const text = describe(own.words, where, leftOut);
    profile.experienceDescription = {
      ...(text === '' ? {} : { description: { fi: text } }),
      skills: skillsSent.map((uri) => ({ uri })),
    };
  }
  for (const skill of skills) {
    if (!sent.has(skill.skillUri) && !named.has(skill.skillUri)) {
      leftOut.push(`skill ${skill.skillUri}: not sent, every item that names it was left out`);
    }
  }

  const preference = jobPreference(source, leftOut);
  if (preference) profile.jobPreferenceDescription = preference;

  const languages = languageSkills(source.languages, leftOut);
  if (languages.length > 0) profile.languageSkills = languages;

  const { classes, cards } = licenceCodes(source.licences, leftOut);
  if (classes.length > 0) profile.drivingLicenses = { licenseClasses: classes };
  if (cards.length > 0) profile.certifications = { cardCodes: cards };

  return { profile, leftOut };
}

/**
 * Each skill into the items its support names; a skill with none into the person's own
 * description, with its words. Items keep the order in which the walk first meets them.
 */
function placeSkills(skills: Skill[]) {
  const items = new Map<string, Item>();
  const own = { skillUris: [] as string[], words: [] as string[] };
  for (const skill of skills) {
    const itemSupport = skill.support.filter(namesItem);
    for (const support of itemSupport) {
      const item = itemOf(items, support);
      addDistinct(item.skillUris, skill.skillUri);
      addDistinct(item.words, support.words.trim());
    }
    if (itemSupport.length > 0) continue;
    addDistinct(own.skillUris, skill.skillUri);
    for (const support of skill.support) addDistinct(own.words, support.words.trim());
  }
  return { items: [...items.values()], own };
}

/** Distinct valid skills, highest proficiency first, then URI: the one order everything follows. */
function skillsInWalkOrder(skills: ExportSource['skills'], leftOut: string[]): Skill[] {
  const byUri = new Map<string, Skill>();
  for (const skill of skills) {
    if (!TMT_ESCO_URI.safeParse(skill.skillUri).success) {
      leftOut.push(`skill ${skill.skillUri}: not a URI the profile accepts`);
      continue;
    }
    const seen = byUri.get(skill.skillUri);
    // The same skill twice: one entry, its support joined, the higher level kept.
    byUri.set(
      skill.skillUri,
      seen
        ? {
            skillUri: skill.skillUri,
            proficiency: Math.max(seen.proficiency, skill.proficiency),
            support: [...seen.support, ...skill.support],
          }
        : skill,
    );
  }
  return [...byUri.values()].sort(
    (a, b) => b.proficiency - a.proficiency || compareText(a.skillUri, b.skillUri),
  );
}

function namesItem(support: Support): boolean {
  return (
    support.section !== null &&
    (ITEM_SECTIONS as readonly string[]).includes(support.section) &&
    (support.itemTitle ?? '').trim() !== ''
  );
}

function itemOf(items: Map<string, Item>, support: Support): Item {
  const title = support.itemTitle!.trim();
  const { startedOn, endedOn, ongoing } = support;
  const key = JSON.stringify([support.section, title, startedOn, endedOn, ongoing]);
  let item = items.get(key);
  if (!item) {
    const section = support.section as ItemSection;
    item = { section, title, startedOn, endedOn, ongoing, skillUris: [], words: [] };
    items.set(key, item);
  }
  return item;
}

/** The 20 most recent items by start date (undated last); the rest named in leftOut. */
function mostRecent(items: Item[], leftOut: string[]): Item[] {
  const sorted = [...items].sort(
    (a, b) =>
      compareDateDesc(a.startedOn, b.startedOn) ||
      compareDateDesc(a.endedOn, b.endedOn) ||
      compareText(a.title, b.title) ||
      Number(b.ongoing) - Number(a.ongoing),
  );
  for (const item of sorted.slice(TMT_PROFILE_LIMITS.items)) {
    leftOut.push(
      `${itemName(item)}: more than ${TMT_PROFILE_LIMITS.items} in ${item.section}, ` +
        'the most recent are sent',
    );
  }
  return sorted.slice(0, TMT_PROFILE_LIMITS.items);
}

/** An item's skills (120 at most) and its words, or its title when it has none. */
function itemDescription(
  item: Item,
  sent: Set<string>,
  named: Set<string>,
  leftOut: string[],
): Description {
  const where = itemName(item);
  const skills = capEsco(item.skillUris, where, 'skill', leftOut, named);
  skills.forEach((uri) => sent.add(uri));
  const text = describe(item.words, where, leftOut);
  return {
    description: { fi: text === '' ? item.title : text },
    skills: skills.map((uri) => ({ uri })),
  };
}

/** An employment's, project's or business activity's interval; undefined when empty. */
function interval(item: Item, leftOut: string[]) {
  const value = { ...dates(item, leftOut), ...(item.ongoing ? { ongoing: true } : {}) };
  return Object.keys(value).length > 0 ? value : undefined;
}

/** An education has no `ongoing`: an unfinished one is status 1, starting or ongoing. */
function educationInterval(item: Item, leftOut: string[]) {
  const status = item.ongoing ? { statusCode: TMT_EDUCATION_STATUS.ongoing } : {};
  const value = { ...dates(item, leftOut), ...status };
  return Object.keys(value).length > 0 ? value : undefined;
}

/** The start and, unless ongoing, the end date. */
function dates(item: Item, leftOut: string[]): { startDate?: string; endDate?: string } {
  const startDate = isoDate(item.startedOn, itemName(item), leftOut);
  const endDate = item.ongoing ? undefined : isoDate(item.endedOn, itemName(item), leftOut);
  return { ...optional('startDate', startDate), ...optional('endDate', endDate) };
}

function jobPreference(source: ExportSource, leftOut: string[]): Description | undefined {
  const where = 'the job preferences';
  const pick = (uris: string[], kind: 'skill' | 'occupation') => {
    const valid = distinct(uris).filter((uri) => {
      const ok = TMT_ESCO_URI.safeParse(uri).success;
      if (!ok) leftOut.push(`desired ${kind} ${uri}: not a URI the profile accepts`);
      return ok;
    });
    return capEsco(valid, where, kind, leftOut, new Set()).map((uri) => ({ uri }));
  };
  const occupations = pick(source.desiredOccupationUris, 'occupation');
  const skills = pick(source.desiredSkillUris, 'skill');
  if (occupations.length === 0 && skills.length === 0) return undefined;
  return {
    ...(occupations.length > 0 ? { occupations } : {}),
    ...(skills.length > 0 ? { skills } : {}),
  };
}

function languageSkills(languages: ExportSource['languages'], leftOut: string[]) {
  const seen = new Set<string>();
  const out: NonNullable<TmtProfileWrite['languageSkills']> = [];
  for (const { language, level } of languages) {
    if (seen.has(language)) continue;
    seen.add(language);
    // tmtLevelOf answers a string: the contract's enum checks it rather than a cast.
    const tmtLevel = TMT_LANGUAGE_LEVEL.safeParse(tmtLevelOf(level));
    // KIELI codes are one to three characters (the contract); anything else cannot travel.
    if (!/^[a-z]{1,3}$/i.test(language)) {
      leftOut.push(`language ${language}: not a language code the profile accepts`);
    } else if (!tmtLevel.success) {
      leftOut.push(`language ${language}: the level ${level} has no code in the national list`);
    } else if (out.length >= TMT_PROFILE_LIMITS.items) {
      leftOut.push(`language ${language}: more than ${TMT_PROFILE_LIMITS.items} languages`);
    } else {
      out.push({ code: language, level: tmtLevel.data });
    }
  }
  return out;
}

function licenceCodes(licences: string[], leftOut: string[]) {
  const classes: string[] = [];
  const cards: string[] = [];
  for (const licence of distinct(licences)) {
    const licenceClass = classOfLicence(licence);
    const card = licenceClass === null ? cardOfLicence(licence) : null;
    const list = licenceClass !== null ? classes : card !== null ? cards : null;
    if (list === null) leftOut.push(`licence ${licence}: no code in the national list`);
    else if (list.length >= TMT_PROFILE_LIMITS.codes) {
      leftOut.push(`licence ${licence}: more than ${TMT_PROFILE_LIMITS.codes} codes`);
    } else list.push(licenceClass ?? card!);
  }
  return { classes: distinct(classes), cards: distinct(cards) };
}

/** The first 120 URIs; each one cut is named (and remembered in `named`). */
function capEsco(
  uris: string[],
  where: string,
  kind: 'skill' | 'occupation',
  leftOut: string[],
  named: Set<string>,
): string[] {
  for (const uri of uris.slice(TMT_PROFILE_LIMITS.escoValues)) {
    leftOut.push(`${kind} ${uri}: more than ${TMT_PROFILE_LIMITS.escoValues} in ${where}`);
    named.add(uri);
  }
  return uris.slice(0, TMT_PROFILE_LIMITS.escoValues);
}

/** The words joined by line breaks, cut to DESCRIPTION_MAX_LENGTH; '' when there are none. */
function describe(words: string[], where: string, leftOut: string[]): string {
  const text = words.filter((word) => word !== '').join('\n');
  const cut = cutText(text, DESCRIPTION_MAX_LENGTH);
  if (cut.length < text.length) {
    leftOut.push(`${where}: text cut to ${DESCRIPTION_MAX_LENGTH} characters`);
  }
  return cut;
}

/**
 * At most `max` characters, ending at a sentence end (. ! ? or a line break) in the last half,
 * else at the last space, else hard (never inside a surrogate pair).
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let sentenceEnd = -1;
  for (const match of text.slice(0, max + 1).matchAll(/[.!?](?=\s)|\n/g)) {
    const end = match[0] === '\n' ? match.index : match.index + 1;
    if (end <= max) sentenceEnd = end;
  }
  if (sentenceEnd >= max / 2) return text.slice(0, sentenceEnd).trimEnd();
  const space = text.lastIndexOf(' ', max);
  if (space > 0) return text.slice(0, space).trimEnd();
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** An ISO date (a date-time's date part is taken); anything else is left out and named. */
function isoDate(value: string | null, where: string, leftOut: string[]): string | undefined {
  if (value === null) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  if (date !== undefined && TMT_DATE.safeParse(date).success) return date;
  leftOut.push(`${where}: the date ${value} is not a date the profile accepts`);
  return undefined;
}

function itemName(item: Item): string {
  const dates = item.ongoing
    ? `${item.startedOn ?? '?'}–ongoing`
    : `${item.startedOn ?? '?'}–${item.endedOn ?? '?'}`;
  return `${item.section} "${item.title}" (${dates})`;
}

/** `{key: value}` when the value is there, else nothing: the profile never carries undefined. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function addDistinct(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/** Code-unit order: the same in every locale, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Later dates first, missing dates last. */
function compareDateDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(b, a);
}
