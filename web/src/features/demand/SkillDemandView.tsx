import { lazy, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Block, Checkbox, Heading, HintText, Paragraph, Table } from 'suomifi-ui-components';
import { useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { useSignedIn } from '../../auth/session';
import { QueryState } from '../../layout/QueryState';
import { demandMessages } from './messages';
import { ChartSlot } from '../../layout/ChartSlot';
import { useViewQuery } from '../../api/view-data';
import {
  chosenMunicipalities,
  demandMunicipalitiesRequest,
  skillDemandRequest,
} from './operations';

const DemandChart = lazy(() => import('./DemandChart'));

/** Skills in demand in the chosen municipalities, as a chart with the same figures in a table. */
export default function SkillDemandView() {
  const t = useMessages(demandMessages);
  const format = useFormat();
  const { language } = useLanguage();
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const chosen = useMemo(() => chosenMunicipalities(params), [params]);
  const [municipalities] = useViewQuery(demandMunicipalitiesRequest());
  const [demand] = useViewQuery(skillDemandRequest(chosen, language));
  const own = (municipalities.data?.municipalities ?? []).filter(
    (m) => !session.employmentArea || m.employmentArea === session.employmentArea,
  );
  const rows = demand.data?.demandForSkills ?? [];

  function toggle(code: string, checked: boolean) {
    const next = new URLSearchParams(params);
    next.delete('m');
    for (const c of checked ? [...chosen, code] : chosen.filter((c) => c !== code))
      next.append('m', c);
    setParams(next, { replace: true });
  }

  return (
    <Block data-view="skill-demand" data-ready={String(Boolean(demand.data))}>
      <Heading variant="h1" mb="s">
        {t('title')}
      </Heading>
      <Paragraph mb="m">{t('intro')}</Paragraph>
      <fieldset className="osaamo-fieldset">
        <legend>{t('municipalities')}</legend>
        <HintText>{t('municipalitiesHint')}</HintText>
        <div className="osaamo-checkbox-grid">
          {own.map((m) => (
            <Checkbox
              key={m.code}
              checked={chosen.includes(m.code)}
              onClick={({ checkboxState }) => toggle(m.code, checkboxState)}
            >
              {language === 'sv' ? m.nameSv : m.nameFi}
            </Checkbox>
          ))}
        </div>
      </fieldset>
      <QueryState fetching={demand.fetching} error={demand.error} hasData={Boolean(demand.data)}>
        {rows.length === 0 ? (
          <Paragraph>{t('none')}</Paragraph>
        ) : (
          <>
            <Heading variant="h2" mt="l" mb="s" id="demand-chart-title">
              {t('chartTitle')}
            </Heading>
            {/* The chart is for the eye; the table below carries the same figures for everyone. */}
            <div aria-hidden="true" style={{ height: 40 + rows.length * 34 }}>
              <ChartSlot height={40 + rows.length * 34}>
                <DemandChart rows={rows} />
              </ChartSlot>
            </div>
            <Table
              caption={t('chartTitle')}
              columns={[
                { key: 'skill', labelText: t('skill') },
                { key: 'vacancies', labelText: t('vacancies'), textAlign: 'right' },
                { key: 'positions', labelText: t('positions'), textAlign: 'right' },
                { key: 'jobseekers', labelText: t('jobseekers'), textAlign: 'right' },
                { key: 'gap', labelText: t('gap'), textAlign: 'right' },
              ]}
              data={rows.map((row) => ({
                id: row.skillUri,
                skill: row.label,
                vacancies: format.number(row.vacancies),
                positions: format.number(row.positions),
                jobseekers: row.jobseekers == null ? t('hidden') : format.number(row.jobseekers),
                gap: row.gap == null ? '–' : format.number(row.gap),
              }))}
            />
            <HintText>{t('perturbed')}</HintText>
          </>
        )}
      </QueryState>
    </Block>
  );
}
