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
import {
  MIN_SCORE,
  MAX_KM,
  MUNICIPALITY,
  LANGUAGE,
  COUNTRY,
  MIN_SCORES,
  MAX_KMS,
  WORK_LANGUAGES,
  WORK_COUNTRIES,
  FILTER_KEYS,
  DEFAULT,
} from './filter-params';
import { useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { vacancyMatchesMessages } from './vacancy-matches.messages';

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
