import { DataSource } from 'typeorm';
import { MatchParams } from '../../matching';
import { MunicipalityRepository } from '../municipalities/municipality.repository';
import { CacheOptions, ExternalCache } from './external-cache';
import { addExtractedSkills, SkillsInText } from './extracted-skills';
import { ExternalMatches, FallbackOptions } from './external-matches';
import { ExternalSearch } from './external-search';
import { PlaceLocator } from './places';
import { GuardOptions } from './provider-guard';
import { EuresConfig, EuresProvider } from './providers/eures-provider';
import { NationalConfig, NationalProvider } from './providers/national-provider';

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
  skillsInText: SkillsInText = async () => [],
): Promise<{ matches: ExternalMatches; cache: ExternalCache; national: NationalProvider }> {
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
  // One provider for the per-query fallback and the national sync.
  const national = new NationalProvider(config.national, places, (uri) => groups.get(uri) ?? null);
  const search = new ExternalSearch(
    [national, new EuresProvider(config.eures, places)],
    cache,
    config.guard,
    (vacancies) => addExtractedSkills(vacancies, skillsInText),
  );
  return {
    matches: new ExternalMatches(dataSource, search, cache, places, config.fallback, params),
    cache,
    national,
  };
}
