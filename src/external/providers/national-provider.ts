/**
 * Job Market Finland's official job-posting interface: `POST {base}/jobpostings` with a bearer
 * token and a subscription key, answered as NDJSON, one posting a line. Its terms forbid passing
 * the ads on and require removed ads to be deleted: postings reported removed are returned as
 * such so the cache drops them, and external vacancies are shown to counsellors and jobseekers
 * only, never to integrators.
 */
import { LanguageLevel } from '../../../matching';
import {
  ExternalQuery,
  ExternalVacancy,
  ProviderResult,
  VacancyProvider,
} from '../external-vacancy';
import { htmlToText } from '../html-text';
import { MalformedPayloadError, postForText } from '../http-client';
import { PlaceLocator } from '../places';

export const NATIONAL_POSTINGS_PATH = '/jobpostings';
export const SUBSCRIPTION_KEY_HEADER = 'Ocp-Apim-Subscription-Key';
/** How far back a search looks. */
const PUBLISHED_WITHIN_DAYS = 60;
const CEFR: Record<string, LanguageLevel> = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6 };

export interface NationalConfig {
  /** The largest answer read (default 5 MB). */
  maxResponseBytes?: number;
  baseUrl?: string;
  token?: string;
  subscriptionKey?: string;
}

type Localised = Record<string, string | null | undefined>;
interface Posting {
  id: string;
  status: string;
  publishedAt: string;
  applicationPeriod?: { start?: string | null; end?: string | null } | null;
  postingLanguage?: string | null;
  employer?: { name?: string | null } | null;
  position: {
    title: Localised;
    description?: Localised | null;
    occupation?: { escoUri?: string | null; iscoCode?: string | null } | null;
    skills?: { escoUri?: string | null }[] | null;
    workingTime?: string | null;
    employmentType?: string | null;
    remote?: string | null;
    languageRequirements?: { language: string; level: string }[] | null;
  };
  location?: { municipalityCode?: string | null; regionCode?: string | null } | null;
  url?: string | null;
}

export class NationalProvider implements VacancyProvider {
  readonly source = 'national' as const;
  constructor(
    private readonly config: NationalConfig,
    private readonly places: PlaceLocator,
  ) {}

  get configured(): boolean {
    return Boolean(this.config.baseUrl && this.config.token && this.config.subscriptionKey);
  }

  requestBody(query: ExternalQuery, now = Date.now()): Record<string, unknown> {
    return {
      // Removed ads come too, so that the cache can delete them as the terms require.
      onlyStatus: ['ACTIVE', 'REMOVED'],
      published: { from: new Date(now - PUBLISHED_WITHIN_DAYS * 86_400_000).toISOString() },
      municipalityIn: query.municipalityCodes,
      regionIn: [],
      occupationIscoIn: query.iscoGroups,
      postingLanguageIn: [],
    };
  }

  async search(query: ExternalQuery, signal: AbortSignal): Promise<ProviderResult> {
    const text = await postForText(
      this.config.baseUrl!.replace(/\/$/, '') + NATIONAL_POSTINGS_PATH,
      this.requestBody(query),
      {
        authorization: `Bearer ${this.config.token}`,
        [SUBSCRIPTION_KEY_HEADER]: this.config.subscriptionKey!,
      },
      signal,
      this.config.maxResponseBytes,
    );
    return this.parse(text);
  }

  /**
   * Every line must be JSON: a broken line means a broken stream, and nothing of it is used.
   * A posting without the fields we need is left out; one reported removed is returned as removed.
   */
  parse(text: string): ProviderResult {
    const vacancies: ExternalVacancy[] = [];
    const removedIds: string[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      let posting: unknown;
      try {
        posting = JSON.parse(line);
      } catch {
        throw new MalformedPayloadError(`Job Market Finland answer line ${i + 1} is not JSON`);
      }
      if (!isPosting(posting)) continue;
      if (posting.status !== 'ACTIVE') removedIds.push(posting.id);
      else vacancies.push(this.toVacancy(posting));
    }
    return { vacancies, removedIds };
  }

  private toVacancy(p: Posting): ExternalVacancy {
    const language = p.postingLanguage ?? 'fi';
    const title = inLanguage(p.position.title, language) ?? '';
    const end = p.applicationPeriod?.end;
    const expires =
      end && !Number.isNaN(Date.parse(end)) ? new Date(`${end.slice(0, 10)}T23:59:59Z`) : null;
    const occupation = p.position.occupation;
    return {
      source: 'national',
      externalId: p.id,
      title: title.trim().slice(0, 300),
      description: htmlToText(inLanguage(p.position.description ?? {}, language) ?? '').slice(
        0,
        20_000,
      ),
      url:
        p.url ??
        `https://tyomarkkinatori.fi/henkiloasiakkaat/avoimet-tyopaikat/${encodeURIComponent(p.id)}`,
      employerName: p.employer?.name?.trim() || null,
      country: 'FI',
      locationCode: p.location?.municipalityCode ?? p.location?.regionCode ?? null,
      location: this.places.ofMunicipality(
        p.location?.municipalityCode ?? null,
        p.location?.regionCode ?? null,
      ),
      occupationUri: occupation?.escoUri ?? null,
      iscoGroup: /^\d{4}$/.test(occupation?.iscoCode ?? '') ? occupation!.iscoCode! : null,
      skillUris: (p.position.skills ?? [])
        .map((s) => s.escoUri)
        .filter((u): u is string => typeof u === 'string' && u.includes('/esco/skill/')),
      language,
      languages: (p.position.languageRequirements ?? [])
        .filter((l) => /^[a-z]{2}$/.test(l.language) && CEFR[l.level])
        .map((l) => ({ language: l.language, minLevel: CEFR[l.level]! })),
      workingTime: p.position.workingTime === 'PART_TIME' ? 'part_time' : 'full_time',
      remote:
        p.position.remote === 'FULL' ? 'full' : p.position.remote === 'HYBRID' ? 'hybrid' : 'none',
      contractType: p.position.employmentType === 'FIXED_TERM' ? 'fixed_term' : 'permanent',
      publishedAt: new Date(p.publishedAt),
      expiresAt: expires ?? new Date(Date.parse(p.publishedAt) + 60 * 86_400_000),
    };
  }
}

function inLanguage(texts: Localised, language: string): string | null {
  return (
    texts[language] ??
    texts.fi ??
    texts.sv ??
    texts.en ??
    Object.values(texts).find(Boolean) ??
    null
  );
}

function isPosting(value: unknown): value is Posting {
  const p = value as Posting;
  return (
    !!p &&
    typeof p.id === 'string' &&
    p.id.length > 0 &&
    typeof p.status === 'string' &&
    typeof p.publishedAt === 'string' &&
    !Number.isNaN(Date.parse(p.publishedAt)) &&
    !!p.position &&
    !!p.position.title &&
    typeof p.position.title === 'object'
  );
}
