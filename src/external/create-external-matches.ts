import { DataSource } from 'typeorm';
import { CacheOptions, ExternalCache } from './external-cache';
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
): Promise<{ matches: ExternalMatches; cache: ExternalCache }> {
  const places = new PlaceLocator(
    await dataSource.query(`SELECT code, latitude, longitude FROM municipality`),
  );
  const cache = new ExternalCache(dataSource, config.cache);
  const search = new ExternalSearch(
    [new NationalProvider(config.national, places), new EuresProvider(config.eures, places)],
    cache,
    config.guard,
  );
  return {
    matches: new ExternalMatches(dataSource, search, cache, places, config.fallback),
    cache,
  };
}
