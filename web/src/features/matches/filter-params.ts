import type { MatchFilterInput } from '../../gql/graphql';

// The search parameters that hold the filters (and the page, which a filter change resets).
export const MIN_SCORE = 'minScore';
export const MAX_KM = 'maxKm';
export const MUNICIPALITY = 'municipality';
export const LANGUAGE = 'language';
export const COUNTRY = 'country';
export const AFTER = 'after';

export const MIN_SCORES = ['0', '0.4', '0.5', '0.6', '0.7', '0.8'];
export const MAX_KMS = ['10', '25', '50', '100', '200'];
// The languages most asked for in Finland's vacancies (ISO 639-1), named in the user's language.
export const WORK_LANGUAGES = ['fi', 'sv', 'en', 'de', 'ru', 'et'];
// Countries near Finland whose vacancies EURES is most often asked for (ISO 3166 alpha-2).
export const WORK_COUNTRIES = ['FI', 'SE', 'NO', 'EE', 'DE'];
export const FILTER_KEYS = [MIN_SCORE, MAX_KM, MUNICIPALITY, LANGUAGE, COUNTRY];
export const DEFAULT = 'default';

/** The API filter the address asks for; null when it asks for none (the server's floor). */
export function filterFromParams(params: URLSearchParams): MatchFilterInput | null {
  const filter: MatchFilterInput = {};
  const minScore = Number(params.get(MIN_SCORE));
  if (params.has(MIN_SCORE) && minScore >= 0 && minScore <= 1) filter.minScore = minScore;
  const maxKm = Number(params.get(MAX_KM));
  if (params.has(MAX_KM) && maxKm >= 0 && maxKm <= 2000) filter.maxDistanceKm = maxKm;
  const municipalities = params.getAll(MUNICIPALITY);
  if (municipalities.length) filter.municipalityCodes = municipalities;
  const languages = params.getAll(LANGUAGE);
  if (languages.length) filter.languages = languages;
  const countries = params.getAll(COUNTRY);
  if (countries.length) filter.countries = countries;
  return Object.keys(filter).length ? filter : null;
}

/** A filter change starts the list from its first page. */
export function withoutPaging(params: URLSearchParams): URLSearchParams {
  params.delete(AFTER);
  return params;
}
