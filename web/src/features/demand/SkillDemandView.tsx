import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Block, Checkbox, Heading, HintText, Paragraph, Table } from 'suomifi-ui-components';
import { graphql } from '../../gql';
import { apiLanguage, useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { useSignedIn } from '../../auth/session';
import { QueryState } from '../../layout/QueryState';
import { demandMessages } from './messages';

const Municipalities = graphql(`
  query DemandMunicipalities {
    municipalities {
      code
      nameFi
      nameSv
      employmentArea
    }
  }
`);

const Demand = graphql(`
  query SkillDemand($municipalities: [String!]!, $language: Language!) {
    demandForSkills(municipalities: $municipalities, first: 15, language: $language) {
      skillUri
      label
      vacancies
      positions
      jobseekers
      gap
    }
  }
`);

/** Skills in demand in the chosen municipalities, as a chart with the same figures in a table. */
export default function SkillDemandView() {
  const t = useMessages(demandMessages);
  const format = useFormat();
  const { language } = useLanguage();
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const chosen = useMemo(() => params.getAll('m'), [params]);
  const [municipalities] = useQuery({ query: Municipalities });
  const [demand] = useQuery({
    query: Demand,
    variables: { municipalities: chosen, language: apiLanguage(language) },
  });
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
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={rows}
                  layout="vertical"
                  margin={{ left: 16, right: 24 }}
                  accessibilityLayer={false}
                >
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={260} tick={{ fontSize: 14 }} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="positions" name={t('positions')} fill="#2a6ebb" />
                  <Bar dataKey="jobseekers" name={t('jobseekers')} fill="#c1591f" />
                </BarChart>
              </ResponsiveContainer>
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
