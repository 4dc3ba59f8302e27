import {
  Button,
  Checkbox,
  CheckboxGroup,
  Dropdown,
  DropdownItem,
  Expander,
  ExpanderContent,
  ExpanderTitleButton,
} from 'suomifi-ui-components';
import type { MatchFilterInput } from '../../gql/graphql';
import { useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { vacancyMatchesMessages } from './vacancy-matches.messages';

// The search parameters that hold the filters (and the page, which a filter change resets).
const MIN_SCORE = 'minScore';
const MAX_KM = 'maxKm';
const MUNICIPALITY = 'municipality';
const LANGUAGE = 'language';
const COUNTRY = 'country';
const AFTER = 'after';

const MIN_SCORES = ['0', '0.4', '0.5', '0.6', '0.7', '0.8'];
const MAX_KMS = ['10', '25', '50', '100', '200'];
// The languages most asked for in Finland's vacancies (ISO 639-1), named in the user's language.
const WORK_LANGUAGES = ['fi', 'sv', 'en', 'de', 'ru', 'et'];
// Countries near Finland whose vacancies EURES is most often asked for (ISO 3166 alpha-2).
const WORK_COUNTRIES = ['FI', 'SE', 'NO', 'EE', 'DE'];
const FILTER_KEYS = [MIN_SCORE, MAX_KM, MUNICIPALITY, LANGUAGE, COUNTRY];
const DEFAULT = 'default';

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

interface Municipality {
  code: string;
  nameFi: string;
  nameSv: string;
}

type ParamsChange = (params: URLSearchParams) => URLSearchParams;

/**
 * Minimum score, distance, municipalities, languages and countries (outside vacancies only;
 * naming any asks EURES too): each applies as soon as it changes.
 */
export function MatchFilters({
  municipalities,
  params,
  onChange,
}: {
  municipalities: Municipality[];
  params: URLSearchParams;
  onChange(change: ParamsChange): void;
}) {
  const t = useMessages(vacancyMatchesMessages);
  const { percent, km } = useFormat();
  const { language } = useLanguage();
  const languageNames = new Intl.DisplayNames([language], { type: 'language' });
  const chosenMunicipalities = params.getAll(MUNICIPALITY);
  const chosenLanguages = params.getAll(LANGUAGE);
  const chosenCountries = params.getAll(COUNTRY);
  const countryNames = new Intl.DisplayNames([language], { type: 'region' });
  const filtered = FILTER_KEYS.some((key) => params.has(key));

  const setSingle = (key: string) => (value: string) =>
    onChange((next) => {
      if (value === DEFAULT) next.delete(key);
      else next.set(key, value);
      return next;
    });
  const toggle = (key: string, value: string) => (checked: boolean) =>
    onChange((next) => {
      const values = next.getAll(key).filter((v) => v !== value);
      next.delete(key);
      for (const v of checked ? [...values, value] : values) next.append(key, v);
      return next;
    });

  return (
    <form
      className="vacancy-matches-filters"
      aria-labelledby="vacancy-matches-filters-title"
      onSubmit={(event) => event.preventDefault()}
    >
      <h3 id="vacancy-matches-filters-title" className="vacancy-matches-filters-title">
        {t('filters')}
      </h3>
      <div className="vacancy-matches-filter-row">
        <Dropdown
          id="vacancy-matches-min-score"
          labelText={t('minScore')}
          value={params.get(MIN_SCORE) ?? DEFAULT}
          onChange={setSingle(MIN_SCORE)}
        >
          {[
            <DropdownItem key={DEFAULT} value={DEFAULT}>
              {t('minScoreDefault')}
            </DropdownItem>,
            ...MIN_SCORES.map((value) => (
              <DropdownItem key={value} value={value}>
                {value === '0'
                  ? t('minScoreAll')
                  : t('minScoreAtLeast', { percent: percent(Number(value)) })}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
        <Dropdown
          id="vacancy-matches-max-distance"
          labelText={t('maxDistance')}
          value={params.get(MAX_KM) ?? DEFAULT}
          onChange={setSingle(MAX_KM)}
        >
          {[
            <DropdownItem key={DEFAULT} value={DEFAULT}>
              {t('maxDistanceAny')}
            </DropdownItem>,
            ...MAX_KMS.map((value) => (
              <DropdownItem key={value} value={value}>
                {t('maxDistanceAtMost', { km: km(Number(value)) })}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
      </div>
      <Expander className="vacancy-matches-expander">
        <ExpanderTitleButton>
          {t('municipalities')} ({t('municipalitiesChosen', { count: chosenMunicipalities.length })}
          )
        </ExpanderTitleButton>
        <ExpanderContent>
          <CheckboxGroup
            labelText={t('municipalities')}
            groupHintText={t('municipalitiesHint')}
            className="vacancy-matches-checkboxes"
          >
            {municipalities.map((m) => (
              <Checkbox
                key={m.code}
                id={`vacancy-matches-municipality-${m.code}`}
                checked={chosenMunicipalities.includes(m.code)}
                onClick={({ checkboxState }) => toggle(MUNICIPALITY, m.code)(checkboxState)}
              >
                {language === 'sv' ? m.nameSv : m.nameFi}
              </Checkbox>
            ))}
          </CheckboxGroup>
        </ExpanderContent>
      </Expander>
      <CheckboxGroup
        labelText={t('languages')}
        groupHintText={t('languagesHint')}
        className="vacancy-matches-checkboxes vacancy-matches-languages"
      >
        {WORK_LANGUAGES.map((code) => (
          <Checkbox
            key={code}
            id={`vacancy-matches-language-${code}`}
            checked={chosenLanguages.includes(code)}
            onClick={({ checkboxState }) => toggle(LANGUAGE, code)(checkboxState)}
          >
            {capitalised(languageNames.of(code) ?? code, language)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <CheckboxGroup
        labelText={t('countries')}
        groupHintText={t('countriesHint')}
        className="vacancy-matches-checkboxes"
      >
        {WORK_COUNTRIES.map((code) => (
          <Checkbox
            key={code}
            id={`vacancy-matches-country-${code}`}
            checked={chosenCountries.includes(code)}
            onClick={({ checkboxState }) => toggle(COUNTRY, code)(checkboxState)}
          >
            {countryNames.of(code) ?? code}
          </Checkbox>
        ))}
      </CheckboxGroup>
      {filtered && (
        <Button
          variant="secondaryNoBorder"
          onClick={() =>
            onChange((next) => {
              for (const key of FILTER_KEYS) next.delete(key);
              return next;
            })
          }
        >
          {t('clearFilters')}
        </Button>
      )}
    </form>
  );
}

/** Finnish and Swedish write language names in lower case; as a label of its own, capitalised. */
function capitalised(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
