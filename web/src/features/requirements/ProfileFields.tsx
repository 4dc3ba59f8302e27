import { useMemo } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  Table,
  TextInput,
} from 'suomifi-ui-components';
import type { CefrLevel, Importance } from '../../gql/graphql';
import { useLanguage, useMessages } from '../../i18n/i18n';
import {
  CEFR_LEVELS,
  Draft,
  DraftLanguage,
  DraftSkill,
  EQF_LEVELS,
  IMPORTANCES,
  KNOWN_LICENCES,
  REQUIRABLE_LANGUAGES,
  SKILL_LEVELS,
} from './draft';
import { editorMessages } from './editor.messages';

type Change = (update: (draft: Draft) => Draft) => void;

/** The draft's skills: importance and lowest level of each, and removal. */
export function SkillRequirements({
  skills,
  labelOf,
  change,
}: {
  skills: readonly DraftSkill[];
  labelOf: (skill: DraftSkill) => string;
  change: Change;
}) {
  const t = useMessages(editorMessages);
  if (skills.length === 0) return <Paragraph>{t('skillsEmpty')}</Paragraph>;
  const update = (skillUri: string, patch: Partial<DraftSkill>) =>
    change((draft) => ({
      ...draft,
      skills: draft.skills.map((s) => (s.skillUri === skillUri ? { ...s, ...patch } : s)),
    }));
  const remove = (skillUri: string) =>
    change((draft) => ({ ...draft, skills: draft.skills.filter((s) => s.skillUri !== skillUri) }));
  const columns = [
    { key: 'skill', labelText: t('skillColumn') },
    { key: 'importance', labelText: t('importance') },
    { key: 'level', labelText: t('level') },
    { key: 'remove', labelText: t('remove') },
  ] as const;
  return (
    <Table
      caption={t('skillsTitle')}
      columns={columns}
      condensed
      data={skills.map((s) => {
        const label = labelOf(s);
        return {
          id: s.skillUri,
          skill: label,
          importance: (
            <Dropdown
              labelText={t('importanceOf', { skill: label })}
              labelMode="hidden"
              value={s.importance}
              onChange={(value: string) => update(s.skillUri, { importance: value as Importance })}
            >
              {IMPORTANCES.map((importance) => (
                <DropdownItem key={importance} value={importance}>
                  {t(`importance.${importance}`)}
                </DropdownItem>
              ))}
            </Dropdown>
          ),
          level: (
            <Dropdown
              labelText={t('levelOf', { skill: label })}
              labelMode="hidden"
              value={String(s.requiredLevel)}
              onChange={(value: string) => update(s.skillUri, { requiredLevel: Number(value) })}
            >
              {SKILL_LEVELS.map((level) => (
                <DropdownItem key={level} value={String(level)}>
                  {t('levelOption', { level, name: t(`levelName.${level}`) })}
                </DropdownItem>
              ))}
            </Dropdown>
          ),
          remove: (
            <Button
              variant="secondaryNoBorder"
              aria-label={t('removeNamed', { item: label })}
              onClick={() => remove(s.skillUri)}
            >
              {t('remove')}
            </Button>
          ),
        };
      })}
    />
  );
}

/** Language names in the user's language, from the browser (no catalogue to keep). */
function useLanguageName() {
  const { language } = useLanguage();
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'language' });
    return (code: string) => names.of(code) ?? code;
  }, [language]);
}

/** The draft's languages: which, the lowest CEFR level, and whether it is a hard requirement. */
export function LanguageRequirements({
  languages,
  change,
}: {
  languages: readonly DraftLanguage[];
  change: Change;
}) {
  const t = useMessages(editorMessages);
  const nameOf = useLanguageName();
  const update = (index: number, patch: Partial<DraftLanguage>) =>
    change((draft) => ({
      ...draft,
      languages: draft.languages.map((l, i) => (i === index ? { ...l, ...patch } : l)),
    }));
  const unused = REQUIRABLE_LANGUAGES.filter((code) => !languages.some((l) => l.language === code));
  return (
    <section aria-labelledby="languages-title" className="requirement-section">
      <Heading variant="h2" id="languages-title">
        {t('languagesTitle')}
      </Heading>
      {languages.length === 0 && <Paragraph>{t('languagesEmpty')}</Paragraph>}
      <ul className="requirement-rows">
        {languages.map((l, index) => {
          const choices = [l.language, ...unused.filter((code) => code !== l.language)];
          return (
            <li key={`${l.language}-${index}`} className="requirement-row">
              <Dropdown
                labelText={t('languageOf', { index: index + 1 })}
                value={l.language}
                onChange={(value: string) => update(index, { language: value })}
              >
                {choices.map((code) => (
                  <DropdownItem key={code} value={code}>
                    {nameOf(code)}
                  </DropdownItem>
                ))}
              </Dropdown>
              <Dropdown
                labelText={t('minLevelOf', { language: nameOf(l.language) })}
                value={l.minLevel}
                onChange={(value: string) => update(index, { minLevel: value as CefrLevel })}
              >
                {CEFR_LEVELS.map((level) => (
                  <DropdownItem key={level} value={level}>
                    {level}
                  </DropdownItem>
                ))}
              </Dropdown>
              <Checkbox
                checked={l.essential}
                onClick={({ checkboxState }) => update(index, { essential: checkboxState })}
              >
                {t('essentialLanguage', { language: nameOf(l.language) })}
              </Checkbox>
              <Button
                variant="secondaryNoBorder"
                aria-label={t('removeNamed', { item: nameOf(l.language) })}
                onClick={() =>
                  change((draft) => ({
                    ...draft,
                    languages: draft.languages.filter((_, i) => i !== index),
                  }))
                }
              >
                {t('remove')}
              </Button>
            </li>
          );
        })}
      </ul>
      {unused.length > 0 && (
        <Button
          variant="secondary"
          onClick={() =>
            change((draft) => ({
              ...draft,
              languages: [
                ...draft.languages,
                { language: unused[0]!, minLevel: 'B1', essential: true },
              ],
            }))
          }
        >
          {t('addLanguage')}
        </Button>
      )}
    </section>
  );
}

/** Licences and cards as a checkbox group: the known codes and any other the profile has. */
export function LicenceRequirements({
  licences,
  saved,
  change,
}: {
  licences: readonly string[];
  saved: readonly string[];
  change: Change;
}) {
  const t = useMessages(editorMessages);
  const codes = [...new Set<string>([...KNOWN_LICENCES, ...saved, ...licences])];
  const known = new Set<string>(KNOWN_LICENCES);
  return (
    <section aria-labelledby="licences-title" className="requirement-section">
      <Heading variant="h2" id="licences-title">
        {t('licencesTitle')}
      </Heading>
      <CheckboxGroup labelText={t('licencesLegend')} labelMode="hidden">
        {codes.map((code) => (
          <Checkbox
            key={code}
            id={`licence-${code}`}
            checked={licences.includes(code)}
            onClick={({ checkboxState }) =>
              change((draft) => ({
                ...draft,
                licences: checkboxState
                  ? [...draft.licences, code]
                  : draft.licences.filter((l) => l !== code),
              }))
            }
          >
            {known.has(code) ? t(`licence.${code as (typeof KNOWN_LICENCES)[number]}`) : code}
          </Checkbox>
        ))}
      </CheckboxGroup>
    </section>
  );
}

/** Lowest EQF education level and lowest experience in months. */
export function EducationRequirements({ draft, change }: { draft: Draft; change: Change }) {
  const t = useMessages(editorMessages);
  return (
    <section aria-labelledby="education-title" className="requirement-section">
      <Heading variant="h2" id="education-title">
        {t('educationTitle')}
      </Heading>
      <Dropdown
        id="education-level"
        labelText={t('education')}
        value={draft.minEducationLevel == null ? 'none' : String(draft.minEducationLevel)}
        onChange={(value: string) =>
          change((d) => ({ ...d, minEducationLevel: value === 'none' ? null : Number(value) }))
        }
      >
        {[
          <DropdownItem key="none" value="none">
            {t('educationNone')}
          </DropdownItem>,
          ...EQF_LEVELS.map((level) => (
            <DropdownItem key={level} value={String(level)}>
              {t(`eqf.${level}`)}
            </DropdownItem>
          )),
        ]}
      </Dropdown>
      <TextInput
        id="experience-months"
        mt="m"
        type="number"
        min={0}
        labelText={t('experience')}
        hintText={t('experienceHint')}
        value={draft.minExperienceMonths ?? ''}
        onChange={(value) => {
          const months =
            value === '' || value === undefined ? null : Math.max(0, Math.round(Number(value)));
          change((d) => ({ ...d, minExperienceMonths: Number.isFinite(months) ? months : null }));
        }}
      />
    </section>
  );
}
