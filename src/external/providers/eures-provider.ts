/**
 * EURES job vacancy search, as the portal calls it: `POST {base}/jv-searchengine/public/jv-search/search`.
 * The portal's terms reserve automated use for EURES partners, so production use goes through the
 * Finnish EURES coordination office; the base URL and an API key are configuration.
 */
import { randomUUID } from 'node:crypto';
import { cefrCode, LanguageLevel } from '../../../matching';
import {
  ExternalQuery,
  ExternalVacancy,
  ProviderResult,
  VacancyProvider,
} from '../external-vacancy';
import { htmlToText } from '../html-text';
import { MalformedPayloadError, postForText } from '../http-client';
import { PlaceLocator } from '../places';

export const EURES_SEARCH_PATH = '/jv-searchengine/public/jv-search/search';
/** The most the search engine returns a page. */
const RESULTS_PER_PAGE = 50;
/** EURES search hits carry no deadline: the cache lets them go this long after publication. */
const ASSUMED_OPEN_DAYS = 60;
/** The portal names Greece `el` and the United Kingdom `uk` (EU codes), not GR and GB. */
const TO_PORTAL: Record<string, string> = { GR: 'el', GB: 'uk' };
const FROM_PORTAL: Record<string, string> = { EL: 'GR', UK: 'GB' };

export interface EuresConfig {
  /** The largest answer read (default 5 MB). */
  maxResponseBytes?: number;
  baseUrl?: string;
  apiKey?: string;
}

interface EuresJv {
  id: string;
  title: string;
  description?: string | null;
  creationDate: number;
  lastModificationDate?: number | null;
  numberOfPosts?: number | null;
  locationMap: Record<string, string[] | null>;
  jobCategoriesCodes?: string[] | null;
  positionScheduleCodes?: string[] | null;
  employer?: { name?: string | null } | null;
  availableLanguages?: string[] | null;
}

export class EuresProvider implements VacancyProvider {
  readonly source = 'eures' as const;
  constructor(
    private readonly config: EuresConfig,
    private readonly places: PlaceLocator,
  ) {}

  get configured(): boolean {
    return Boolean(this.config.baseUrl);
  }

  /** The body the portal sends; the filter arrays we do not use stay empty, as the portal's do. */
  requestBody(query: ExternalQuery): Record<string, unknown> {
    return {
      resultsPerPage: RESULTS_PER_PAGE,
      page: 1,
      sortSearch: 'BEST_MATCH',
      keywords: [],
      publicationPeriod: null,
      occupationUris: query.occupationUris,
      // No public caller uses the skill filter, and matching on skills is ours to do.
      skillUris: [],
      requiredExperienceCodes: [],
      positionScheduleCodes: query.workingTimes.map((w) =>
        w === 'part_time' ? 'parttime' : 'fulltime',
      ),
      sectorCodes: [],
      educationAndQualificationLevelCodes: [],
      positionOfferingCodes: [],
      locationCodes: query.countries.map((c) => TO_PORTAL[c.toUpperCase()] ?? c.toLowerCase()),
      euresFlagCodes: [],
      otherBenefitsCodes: [],
      requiredLanguages: query.languages.map((l) => ({
        isoCode: l.language,
        level: cefrCode(l.level),
      })),
      minNumberPost: null,
      sessionId: randomUUID(),
      requestLanguage: 'en',
    };
  }

  async search(query: ExternalQuery, signal: AbortSignal): Promise<ProviderResult> {
    const headers: Record<string, string> = this.config.apiKey
      ? { authorization: `Bearer ${this.config.apiKey}` }
      : {};
    const text = await postForText(
      this.config.baseUrl!.replace(/\/$/, '') + EURES_SEARCH_PATH,
      this.requestBody(query),
      headers,
      signal,
      this.config.maxResponseBytes,
    );
    return { vacancies: this.parse(text), removedIds: [] };
  }

  /** The whole answer or nothing: a body that is not the search engine's shape is refused. */
  parse(text: string): ExternalVacancy[] {
    let body: { jvs?: unknown };
    try {
      body = JSON.parse(text) as { jvs?: unknown };
    } catch {
      throw new MalformedPayloadError('EURES answered with a body that is not JSON');
    }
    if (!body || !Array.isArray(body.jvs))
      throw new MalformedPayloadError('EURES answer has no jvs list');
    // Single hits without the fields we need are left out; the rest is usable.
    return body.jvs.filter(isJv).map((jv) => this.toVacancy(jv));
  }

  private toVacancy(jv: EuresJv): ExternalVacancy {
    const [key, nuts] = Object.entries(jv.locationMap)[0] ?? ['', null];
    const country = FROM_PORTAL[key.toUpperCase()] ?? key.toUpperCase();
    const nuts3 = nuts?.find((code) => typeof code === 'string') ?? null;
    const codes = jv.jobCategoriesCodes ?? [];
    const occupationUri = codes.find((c) => c.includes('/esco/occupation/')) ?? null;
    const isco = codes.map((c) => /\/esco\/isco\/C(\d{4})$/.exec(c)?.[1]).find(Boolean) ?? null;
    const published = new Date(jv.creationDate);
    // An ad published only in German is taken to want German at work (B2, not essential).
    const adLanguage = jv.availableLanguages?.find((l) => /^[a-z]{2}$/.test(l));
    return {
      source: 'eures',
      externalId: jv.id,
      title: jv.title.trim().slice(0, 300),
      description: htmlToText(jv.description ?? '').slice(0, 20_000),
      // The ad shown in its own language (jvDisplayLanguage), the portal's frame in English.
      url: `https://europa.eu/eures/portal/jv-se/jv-details/${encodeURIComponent(jv.id)}?jvDisplayLanguage=${adLanguage ?? 'en'}&lang=en`,
      employerName: jv.employer?.name?.trim() || null,
      country: country.toUpperCase(),
      locationCode: nuts3 ?? (country ? country.toUpperCase() : null),
      location: country.toUpperCase() === 'FI' && nuts3 ? this.places.ofNuts(nuts3) : null,
      occupationUri,
      iscoGroup: isco,
      skillUris: [],
      language: adLanguage ?? 'en',
      languages: adLanguage ? [{ language: adLanguage, minLevel: 4 as LanguageLevel }] : [],
      workingTime: jv.positionScheduleCodes?.includes('parttime') ? 'part_time' : 'full_time',
      remote: 'none',
      contractType: 'unknown',
      publishedAt: published,
      expiresAt: new Date(published.getTime() + ASSUMED_OPEN_DAYS * 86_400_000),
    };
  }
}

function isJv(value: unknown): value is EuresJv {
  const jv = value as EuresJv;
  return (
    !!jv &&
    typeof jv.id === 'string' &&
    jv.id.length > 0 &&
    typeof jv.title === 'string' &&
    typeof jv.creationDate === 'number' &&
    !!jv.locationMap &&
    typeof jv.locationMap === 'object'
  );
}
