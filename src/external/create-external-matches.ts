import { DataSource } from 'typeorm';
import { MatchParams } from '../../matching';
import { MunicipalityRepository } from '../municipalities/municipality.repository';
import { CacheOptions, ExternalCache } from './external-cache';
import { ExternalMatches, FallbackOptions } from './external-matches';
import { ExternalSearch } from './external-search';
import { PlaceLocator } from './places';
import { GuardOptions } from './provider-guard';
import { EuresConfig, EuresProvider } from './providers/eures-provider';
import { NationalConfig, NationalProvider } from './providers/national-provider';

const EXTRACTION_LANGUAGES = new Set(['fi', 'sv', 'en']);

/** The outside sources' configuration: each is off until its base URL (and keys) are set. */
export interface ExternalConfig {
  national: NationalConfig;
  eures: EuresConfig;
  fallback: FallbackOptions;
  cache: CacheOptions;
  guard: GuardOptions;
}

/** Wires the providers, their cache and guards; the municipality table gives coordinates. */
export async function createExternalMatches(
  dataSource: DataSource,
  config: ExternalConfig,
  /** The matcher's parameters, the ones local matches are scored with. */
  params: MatchParams,
  /** Skills found in an ad's text, for ads whose source names none. */
  skillsInText: (text: string, language: string) => Promise<string[]> = async () => [],
): Promise<{ matches: ExternalMatches; cache: ExternalCache }> {
  const places = new PlaceLocator(await new MunicipalityRepository(dataSource).centres());
  // National ads name ESCO occupations: their ISCO groups come from our own import.
  const groups = new Map<string, string>(
    (
      (await dataSource.query(
        `SELECT uri, isco_group_code FROM esco_occupation WHERE isco_group_code IS NOT NULL`,
      )) as { uri: string; isco_group_code: string }[]
    ).map((r) => [r.uri, r.isco_group_code]),
  );
  const cache = new ExternalCache(dataSource, config.cache);
  const search = new ExternalSearch(
    [
      new NationalProvider(config.national, places, (uri) => groups.get(uri) ?? null),
      new EuresProvider(config.eures, places),
    ],
    cache,
    config.guard,
    async (vacancies) => {
      for (const v of vacancies) {
        // Extraction reads Finnish, Swedish and English; an ad in German keeps its occupation's skills.
        if (v.skillUris.length || !EXTRACTION_LANGUAGES.has(v.language)) continue;
        const text = `${v.title}.\n${v.description}`.slice(0, 10_000);
        v.extractedSkillUris = await skillsInText(text, v.language).catch(() => []);
      }
    },
  );
  return {
    matches: new ExternalMatches(dataSource, search, cache, places, config.fallback, params),
    cache,
  };
}
