/**
 * EURES job vacancy search, as the portal calls it: `POST {base}/jv-searchengine/public/jv-search/search`.
 * The portal's terms reserve automated use for EURES partners, so production use goes through the
 * Finnish EURES coordination office; the base URL and an API key are configuration. The request
 * and the hits follow fixtures/external/eures-search.contract.ts.
 */
import { randomUUID } from 'node:crypto';
import { LanguageLevel } from '../../../matching';
import {
  EURES_JV,
  EURES_MAX_RESULTS_PER_PAGE,
  EURES_SEARCH_PATH,
  EURES_SEARCH_RESPONSE,
  EuresJv,
  EuresSearchRequest,
  originalText,
} from '../../../fixtures/external/eures-search.contract';
import {
  ExternalQuery,
  ExternalVacancy,
  ProviderResult,
  VacancyProvider,
} from '../external-vacancy';
import { htmlToText } from '../html-text';
import { MalformedPayloadError, postForText } from '../http-client';
import { PlaceLocator } from '../places';

export { EURES_SEARCH_PATH };
/** The language we ask the portal's frame and any machine translation in. */
const REQUEST_LANGUAGE = 'en';
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
  requestBody(query: ExternalQuery): EuresSearchRequest {
    return {
      resultsPerPage: EURES_MAX_RESULTS_PER_PAGE,
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
      // No source says how the portal applies a language filter: none is sent, and the
      // jobseeker's languages are applied here (readableIn) and by the matcher.
      requiredLanguages: [],
      minNumberPost: null,
      sessionId: randomUUID(),
      requestLanguage: REQUEST_LANGUAGE,
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
    const wanted = new Set(query.languages.map((l) => l.language));
    return { vacancies: this.parse(text, wanted), removedIds: [] };
  }

  /**
   * The whole answer or nothing: a body that is not the search engine's shape is refused. With
   * `languages`, only hits readable in one of them are kept (see readableIn).
   */
  parse(text: string, languages: ReadonlySet<string> = new Set()): ExternalVacancy[] {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new MalformedPayloadError('EURES answered with a body that is not JSON');
    }
    const body = EURES_SEARCH_RESPONSE.safeParse(json);
    if (!body.success) throw new MalformedPayloadError('EURES answer has no jvs list');
    // Single hits the contract refuses (no id, title or date) are left out; the rest is usable.
    return body.data.jvs.flatMap((hit) => {
      const jv = EURES_JV.safeParse(hit);
      return jv.success && readableIn(jv.data, languages) ? [this.toVacancy(jv.data)] : [];
    });
  }

  private toVacancy(jv: EuresJv): ExternalVacancy {
    const [key, nuts] = Object.entries(jv.locationMap)[0] ?? ['', null];
    const country = (FROM_PORTAL[key.toUpperCase()] ?? key).toUpperCase();
    const nuts3 = nuts?.find((code) => typeof code === 'string') ?? null;
    const codes = jv.jobCategoriesCodes ?? [];
    const occupationUri = codes.find((c) => c.includes('/esco/occupation/')) ?? null;
    const isco = codes.map((c) => /\/esco\/isco\/C(\d{4})$/.exec(c)?.[1]).find(Boolean) ?? null;
    const published = new Date(jv.creationDate);
    // The ad as its employer wrote it, labelled with the language it is in.
    const text = originalText(jv, REQUEST_LANGUAGE);
    const named = jv.availableLanguages?.some((l) => l === text.language) ?? false;
    return {
      source: 'eures',
      externalId: jv.id,
      title: text.title.trim().slice(0, 300),
      description: htmlToText(text.description).slice(0, 20_000),
      // The ad shown in its own language (jvDisplayLanguage), the portal's frame in English.
      url: `https://europa.eu/eures/portal/jv-se/jv-details/${encodeURIComponent(jv.id)}?jvDisplayLanguage=${text.language}&lang=${REQUEST_LANGUAGE}`,
      employerName: jv.employer?.name?.trim() || null,
      country,
      locationCode: nuts3 ?? (country || null),
      location: country === 'FI' && nuts3 ? this.places.ofNuts(nuts3) : null,
      occupationUri,
      iscoGroup: isco,
      skillUris: [],
      language: text.language,
      // An ad written only in German is taken to want German at work (B2, not essential).
      languages: named ? [{ language: text.language, minLevel: 4 as LanguageLevel }] : [],
      workingTime: jv.positionScheduleCodes?.includes('parttime') ? 'part_time' : 'full_time',
      remote: 'none',
      contractType: 'unknown',
      publishedAt: published,
      expiresAt: new Date(published.getTime() + ASSUMED_OPEN_DAYS * 86_400_000),
    };
  }
}

/**
 * The language filter the portal is not asked for: an ad is kept when the portal holds its text
 * in a language the jobseeker works in (or the ad names none, or no language was asked for).
 */
export function readableIn(jv: EuresJv, languages: ReadonlySet<string>): boolean {
  const available = jv.availableLanguages ?? [];
  return !languages.size || !available.length || available.some((l) => languages.has(l));
}
