/**
 * One P67 record (`JobPostingV2`, see fixtures/external/p67-job-posting.contract.ts) in our
 * terms. Each field is read from the place the contract's sources name; what no source names is
 * not invented: no language requirement (never from `languages`, the ad's own languages), no
 * remote option, and only the work-time codes a source explains. `contacts` are never read.
 */
import { WorkingTime } from '../../../matching';
import {
  P67JobPosting,
  P67LanguageMap,
  readP67Time,
} from '../../../fixtures/external/p67-job-posting.contract';
import { ExternalVacancy } from '../external-vacancy';
import { markdownToText } from '../markdown-text';
import { PlaceLocator } from '../places';

/** The ad page on Job Market Finland ([C3]: `/henkiloasiakkaat/avoimet-tyopaikat/{id}/{lang}`). */
export const NATIONAL_AD_PAGE = 'https://tyomarkkinatori.fi/henkiloasiakkaat/avoimet-tyopaikat';
/** How long an ad without an application deadline is kept. */
const DEFAULT_OPEN_DAYS = 60;
const MAX_TITLE = 300;
const MAX_DESCRIPTION = 20_000;

/** [C3], from the retrieval interface guide: `workTime` 01 full time, 02 part time. */
const WORK_TIME: Record<string, WorkingTime> = { '01': 'full_time', '02': 'part_time' };
/**
 * [C3], from the same guide: `continuityOfWork` 01 until further notice, 02 fixed term, 0201
 * seasonal, 0202 summer work (a fixed-term job). Our contract types: see DOMAIN_VALUES.
 */
const CONTINUITY: Record<string, string> = {
  '01': 'permanent',
  '02': 'fixed_term',
  '0201': 'seasonal',
  '0202': 'fixed_term',
};

const ESCO_OCCUPATION = /^https?:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/i;
const ESCO_ISCO_UNIT = /^https?:\/\/data\.europa\.eu\/esco\/isco\/C(\d{4})$/i;
const ESCO_SKILL = /^https?:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-z-]+$/i;

/** What a record says beyond the vacancy: removal and the watermark's time. */
export interface NationalRecord {
  externalId: string;
  /** `metadata.lastModified`, for the sync's watermark. */
  lastModified: Date | null;
  /** Set when the record reports the ad archived ([C1] [C2] `metadata.archived`). */
  archived: boolean;
  /** Null for an archived ad, or one without a title in any language or a date. */
  vacancy: ExternalVacancy | null;
  /** Whether the record gave an application deadline (else a default one is set). */
  expiresGiven?: boolean;
}

/** An ESCO occupation's ISCO unit group, from our own import. */
export type OccupationGroups = (occupationUri: string) => string | null;

export function readNationalRecord(
  p: P67JobPosting,
  places: PlaceLocator,
  groupOf: OccupationGroups,
): NationalRecord {
  const externalId = p.metadata.externalId;
  const lastModified = readP67Time(p.metadata.lastModified);
  if (p.metadata.archived) return { externalId, lastModified, archived: true, vacancy: null };
  const position = p.position ?? {};
  const application = p.application ?? {};
  const language = adLanguage(p);
  const title = inLanguage(position.title, language)?.trim().slice(0, MAX_TITLE);
  const published = readP67Time(application.published) ?? readP67Time(p.metadata.created);
  if (!title || !published) return { externalId, lastModified, archived: false, vacancy: null };
  const municipality = padded(p.location?.municipalities?.[0], 3);
  const region = padded(p.location?.regions?.[0], 2);
  const occupations = [position.mainOccupation, ...(position.occupations ?? [])].filter(
    (uri): uri is string => typeof uri === 'string' && uri.length > 0,
  );
  const expires = readP67Time(application.expires);
  const continuity = position.continuityOfWork?.[0] ?? null;
  const country = (p.location?.countries?.[0] ?? 'FI').toUpperCase();
  return {
    externalId,
    lastModified,
    archived: false,
    expiresGiven: !!expires,
    vacancy: {
      source: 'national',
      externalId,
      title,
      description: descriptionText(p, language).slice(0, MAX_DESCRIPTION),
      url: `${NATIONAL_AD_PAGE}/${encodeURIComponent(externalId)}/${language}`,
      applyUrl: inLanguage(application.url, language)?.trim() || null,
      employerName: employer(p, language),
      country,
      locationCode: municipality ?? region,
      location: country === 'FI' ? places.ofMunicipality(municipality, region) : null,
      occupationUri: occupations.find((uri) => ESCO_OCCUPATION.test(uri)) ?? null,
      iscoGroup: iscoGroup(occupations, groupOf),
      skillUris: [...new Set((position.skills ?? []).filter((uri) => ESCO_SKILL.test(uri)))],
      language,
      // No source names a language-requirement field: none is inferred.
      languages: [],
      // Unknown codes read as full time, the matcher's type having no "unknown"; the raw code stays.
      workingTime: WORK_TIME[position.workTime ?? ''] ?? 'full_time',
      // No source names a remote-work field.
      remote: 'none',
      contractType: (continuity && CONTINUITY[continuity]) || 'unknown',
      sourceCodes: {
        workTime: position.workTime ?? null,
        employmentRelationship: position.employmentRelationship ?? null,
        continuityOfWork: position.continuityOfWork ?? [],
      },
      openPositions: application.openPositions ?? null,
      publishedAt: published,
      expiresAt: expires ?? new Date(published.getTime() + DEFAULT_OPEN_DAYS * 86_400_000),
    },
  };
}

/** [C1] the first of `languages`; else the title's first language; else Finnish. */
function adLanguage(p: P67JobPosting): string {
  const first = p.languages?.find((l) => /^[a-z]{2}$/i.test(l));
  if (first) return first.toLowerCase();
  const titled = Object.keys(p.position?.title ?? {}).find((l) => /^[a-z]{2}$/i.test(l));
  return titled?.toLowerCase() ?? 'fi';
}

/** The ad's own language first, then Finnish, Swedish, English, then any. */
export function inLanguage(
  texts: P67LanguageMap | null | undefined,
  language: string,
): string | null {
  if (!texts) return null;
  for (const key of [language, 'fi', 'sv', 'en']) if (texts[key]?.trim()) return texts[key]!;
  return Object.values(texts).find((t): t is string => !!t?.trim()) ?? null;
}

/** [C4] Markdown when `descriptionsContentType` says so, else plain text as it is. */
function descriptionText(p: P67JobPosting, language: string): string {
  const text =
    inLanguage(p.position?.jobDescription, language) ??
    inLanguage(p.position?.marketingDescription, language) ??
    '';
  if (/^markdown$/i.test(p.descriptionsContentType ?? '')) return markdownToText(text);
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** [C2] [C4] `owner.company` (a language map), else [C2] `client.company`. */
function employer(p: P67JobPosting, language: string): string | null {
  const owner = inLanguage(p.owner?.company, language)?.trim();
  if (owner) return owner;
  const client = p.client?.company;
  const name = typeof client === 'string' ? client : inLanguage(client, language);
  return name?.trim() || null;
}

/**
 * [C1] occupations are ESCO occupations, ESCO ISCO groups at any level, or Finnish extensions:
 * a 4-digit ISCO group is taken as it is, an ESCO occupation gives its group from our import,
 * anything else (a coarser group, an extension) gives none. The main occupation first.
 */
function iscoGroup(occupations: string[], groupOf: OccupationGroups): string | null {
  for (const uri of occupations) {
    const unit = ESCO_ISCO_UNIT.exec(uri);
    if (unit) return unit[1];
    if (ESCO_OCCUPATION.test(uri)) {
      const group = groupOf(uri);
      if (group && /^\d{4}$/.test(group)) return group;
    }
  }
  return null;
}

/** [C1] codes are Statistics Finland's, `maxLength` 3 and 2: a lost leading zero is put back. */
export function padded(code: string | null | undefined, width: number): string | null {
  const text = code?.trim();
  if (!text || !/^\d+$/.test(text) || text.length > width) return null;
  return text.padStart(width, '0');
}
