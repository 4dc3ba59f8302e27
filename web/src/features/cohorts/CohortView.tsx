import { lazy, ReactNode, useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Block,
  Heading,
  HintText,
  InlineAlert,
  Paragraph,
  RouterLink,
  Table,
  VisuallyHidden,
} from 'suomifi-ui-components';
import type { CohortAnalysisQuery } from '../../gql/graphql';
import { PurposeChooser } from '../../api/PurposeChooser';
import { usePurpose } from '../../api/purpose';
import { useViewQuery } from '../../api/view-data';
import { Language, Values, useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { ChartSlot } from '../../layout/ChartSlot';
import { QueryState } from '../../layout/QueryState';
import { cohortAnalysisRequest } from './operations';
import { cohortMessages } from './messages';
import { useMatchWords } from '../matches/words';
import { useCount } from './count';
import { CohortReport } from './CohortReport';
import type { DestinationRow } from './DestinationChart';
import './cohorts.css';

const DestinationChart = lazy(() => import('./DestinationChart'));

type Analysis = CohortAnalysisQuery['cohortAnalysis'];
type Municipalities = CohortAnalysisQuery['municipalities'];
type T = (key: keyof (typeof cohortMessages)['en'], values?: Values) => string;
type Count = ReturnType<typeof useCount>;

/**
 * A cohort analysed for the structural-change working group: the lead figures, where the group
 * could go (charts with the same figures in tables), the vacancies that could take the most, the
 * assignment proposal, trainings, combined skills, nearly covered occupations and the people
 * left without a match. It lists persons, so it asks for the purpose first.
 */
export default function CohortView() {
  const t = useMessages(cohortMessages);
  const { cohortId = '' } = useParams();
  const { purpose } = usePurpose();
  const { language } = useLanguage();
  // A new purpose reads the analysis again, so that the audit rows carry it.
  const context = useMemo(() => ({ purpose }), [purpose]);
  const [{ data, fetching, error }] = useViewQuery({
    ...cohortAnalysisRequest(cohortId, language),
    pause: !purpose,
    context,
  });
  const analysis = data?.cohortAnalysis;
  return (
    <Block data-view="cohort" data-ready={String(Boolean(data))}>
      <RouterLink asComponent={Link} to="/cohorts">
        {t('backToList')}
      </RouterLink>
      <Heading variant="h1" mt="s">
        {analysis ? t('analysisTitle', { name: analysis.cohort.name }) : t('listTitle')}
      </Heading>
      <div className="osaamo-cohort-controls">
        <PurposeChooser />
      </div>
      {!purpose ? (
        <InlineAlert status="warning">{t('choosePurpose')}</InlineAlert>
      ) : (
        <QueryState fetching={fetching} error={error} hasData={Boolean(data)}>
          {analysis && data && (
            <AnalysisSections
              analysis={analysis}
              municipalities={data.municipalities}
              language={language}
            />
          )}
        </QueryState>
      )}
    </Block>
  );
}

function AnalysisSections({
  analysis,
  municipalities,
  language,
}: {
  analysis: Analysis;
  municipalities: Municipalities;
  language: Language;
}) {
  const t = useMessages(cohortMessages);
  const format = useFormat();
  const count = useCount();
  const words = useMatchWords();
  const municipality = (code: string | null | undefined) => {
    const found = municipalities.find((m) => m.code === code);
    return found ? (language === 'sv' ? found.nameSv : found.nameFi) : (code ?? '–');
  };
  const byMunicipality: DestinationRow[] = analysis.byMunicipality.map((row) => ({
    key: row.key,
    label: municipality(row.key),
    members: row.members ?? null,
    absorbable: row.absorbable ?? null,
    positions: row.positions,
  }));
  const byOccupation: DestinationRow[] = analysis.byOccupation.map((row) => ({
    key: row.key,
    label: row.occupation?.preferredLabel ?? row.key,
    members: row.members ?? null,
    absorbable: row.absorbable ?? null,
    positions: row.positions,
  }));
  const { assignment } = analysis;
  const hidden = analysis.cohort.access !== 'FULL';
  return (
    <>
      <Paragraph mb="s" className="osaamo-cohort-lead" data-part="cohort-lead">
        {t('lead', {
          members: count(analysis.cohort.members),
          withMatch: count(analysis.withMatch),
          withoutMatch: count(analysis.withoutMatch),
        })}
      </Paragraph>
      <HintText>
        {t('floorHint', { floor: format.percent(analysis.floor) })}
        {analysis.includesNational ? ` ${t('nationalHint')}` : ''}
      </HintText>
      <HiddenNote show={hidden || analysis.withMatch == null || analysis.withoutMatch == null} />
      <CohortReport cohortId={analysis.cohort.id} />

      <Destinations
        id="cohort-municipalities"
        title={t('byMunicipalityTitle')}
        keyLabel={t('municipality')}
        rows={byMunicipality}
        placed={analysis.byMunicipality.map((row) => row.placed ?? null)}
        vacancies={analysis.byMunicipality.map((row) => row.vacancies)}
        count={count}
        t={t}
      />
      <Destinations
        id="cohort-occupations"
        title={t('byOccupationTitle')}
        keyLabel={t('occupation')}
        rows={byOccupation}
        placed={analysis.byOccupation.map((row) => row.placed ?? null)}
        vacancies={analysis.byOccupation.map((row) => row.vacancies)}
        count={count}
        t={t}
      />

      <Section title={t('vacanciesTitle')} empty={analysis.vacancies.length === 0} t={t}>
        <Table
          caption={t('vacanciesTitle')}
          columns={[
            { key: 'title', labelText: t('vacancy') },
            { key: 'employer', labelText: t('employer') },
            { key: 'municipality', labelText: t('municipality') },
            { key: 'positions', labelText: t('positions'), textAlign: 'right' },
            { key: 'matching', labelText: t('matching'), textAlign: 'right' },
            { key: 'couldTake', labelText: t('couldTake'), textAlign: 'right' },
          ]}
          data={analysis.vacancies.map((row, index) => ({
            id: `${row.vacancy?.id ?? row.url ?? row.title}-${index}`,
            title: row.vacancy ? (
              <RouterLink asComponent={Link} to={`/vacancies/${row.vacancy.id}`}>
                {row.title}
              </RouterLink>
            ) : (
              `${row.title} (${t('national')})`
            ),
            employer: row.employerName ?? '–',
            municipality: municipality(row.municipalityCode),
            positions: format.number(row.positions),
            matching: count(row.members),
            couldTake: count(row.absorbable),
          }))}
        />
      </Section>

      <Section title={t('assignmentTitle')} t={t}>
        <Paragraph mb="s">
          {t('assignmentLead', {
            assigned: count(assignment.assigned),
            totalFit: assignment.totalFit == null ? '–' : format.number(assignment.totalFit),
            greedyAssigned: count(assignment.greedyAssigned),
            greedyTotalFit:
              assignment.greedyTotalFit == null ? '–' : format.number(assignment.greedyTotalFit),
          })}
        </Paragraph>
        {assignment.pairs && assignment.pairs.length > 0 && (
          <Table
            caption={t('pairsCaption')}
            columns={[
              { key: 'person', labelText: t('person') },
              { key: 'vacancy', labelText: t('vacancy') },
              { key: 'fit', labelText: t('fit'), textAlign: 'right' },
              { key: 'explanation', labelText: t('explanation') },
            ]}
            data={assignment.pairs.map((pair) => ({
              id: `${pair.jobseekerId}-${pair.vacancyId}`,
              person: <PersonLink id={pair.jobseekerId} />,
              vacancy: pair.title,
              fit: format.percent(pair.fit),
              explanation: (
                <RouterLink
                  asComponent={Link}
                  to={`/jobseekers/${pair.jobseekerId}/vacancies/${pair.vacancyId}`}
                >
                  {t('explanation')}
                  <VisuallyHidden>
                    {' '}
                    ({pair.jobseekerId}, {pair.title})
                  </VisuallyHidden>
                </RouterLink>
              ),
            }))}
          />
        )}
      </Section>

      <Section title={t('trainingsTitle')} empty={analysis.trainings.length === 0} t={t}>
        <Table
          caption={t('trainingsTitle')}
          columns={[
            { key: 'title', labelText: t('training') },
            { key: 'provider', labelText: t('provider') },
            { key: 'lifted', labelText: t('lifted'), textAlign: 'right' },
            { key: 'after', labelText: t('withMatchAfter'), textAlign: 'right' },
          ]}
          data={analysis.trainings.map((row) => ({
            id: row.trainingId,
            title: row.title,
            provider: row.provider,
            lifted: count(row.lifted),
            after: count(row.withMatchAfter),
          }))}
        />
        <HiddenNote show={hidden} />
      </Section>

      <Section title={t('skillsTitle')} empty={analysis.skills.length === 0} t={t}>
        <Table
          caption={t('skillsTitle')}
          columns={[
            { key: 'skill', labelText: t('skill') },
            { key: 'holders', labelText: t('holders'), textAlign: 'right' },
          ]}
          data={analysis.skills.map((row) => ({
            id: row.skillUri,
            skill: row.skill?.preferredLabel ?? row.skillUri,
            holders: count(row.holders),
          }))}
        />
        <HiddenNote show={hidden} />
      </Section>

      <Section title={t('nearlyTitle')} empty={analysis.nearlyCovered.length === 0} t={t}>
        <Table
          caption={t('nearlyTitle')}
          columns={[
            { key: 'occupation', labelText: t('occupation') },
            { key: 'coverage', labelText: t('coverage'), textAlign: 'right' },
            { key: 'vacancies', labelText: t('vacanciesCount'), textAlign: 'right' },
            { key: 'positions', labelText: t('positions'), textAlign: 'right' },
            { key: 'missing', labelText: t('missingSkills') },
          ]}
          data={analysis.nearlyCovered.map((row) => ({
            id: row.occupationUri,
            occupation: row.occupation?.preferredLabel ?? row.occupationUri,
            coverage: format.percent(row.coverage),
            vacancies: format.number(row.vacancies),
            positions: format.number(row.positions),
            missing: row.missing
              .map((skill) => skill.skill?.preferredLabel ?? skill.skillUri)
              .join(', '),
          }))}
        />
      </Section>

      {analysis.unmatched && (
        <Section title={t('unmatchedTitle')} empty={analysis.unmatched.length === 0} t={t}>
          <Table
            caption={t('unmatchedTitle')}
            columns={[
              { key: 'person', labelText: t('person') },
              { key: 'nearest', labelText: t('nearest') },
            ]}
            data={analysis.unmatched.map((member) => ({
              id: member.jobseekerId,
              person: <PersonLink id={member.jobseekerId} />,
              nearest: (
                <ul className="osaamo-cohort-list">
                  {member.nearest.map((near) => (
                    <li key={near.vacancyId}>
                      <RouterLink
                        asComponent={Link}
                        to={`/jobseekers/${member.jobseekerId}/vacancies/${near.vacancyId}`}
                      >
                        {near.title}
                      </RouterLink>{' '}
                      ({t('score')} {format.percent(near.score)})
                      {near.nearMiss ? `; ${words.failure(near.nearMiss)}` : ''}
                      {near.missingSkills.length > 0 &&
                        `; ${t('missingSkills')}: ${missingLabels(near).join(', ')}`}
                    </li>
                  ))}
                </ul>
              ),
            }))}
          />
        </Section>
      )}
    </>
  );
}

type Nearest = NonNullable<Analysis['unmatched']>[number]['nearest'][number];

/** The missing skills' labels, a URI where the taxonomy has no label in the language. */
function missingLabels(near: Nearest): string[] {
  const labels = new Map(near.missingSkills.map((skill) => [skill.uri, skill.preferredLabel]));
  return near.missingSkillUris.map((uri) => labels.get(uri) ?? uri);
}

function PersonLink({ id }: { id: string }) {
  return (
    <RouterLink asComponent={Link} to={`/jobseekers/${id}`}>
      {id}
    </RouterLink>
  );
}

function Section({
  title,
  empty = false,
  t,
  children,
}: {
  title: string;
  empty?: boolean;
  t: T;
  children: ReactNode;
}) {
  return (
    <section className="osaamo-cohort-section">
      <Heading variant="h2" mb="s">
        {title}
      </Heading>
      {empty ? <Paragraph>{t('noneRows')}</Paragraph> : children}
    </section>
  );
}

/** The dash for a hidden count, explained where one can appear. */
function HiddenNote({ show }: { show: boolean }) {
  const t = useMessages(cohortMessages);
  return show ? <HintText>{t('hiddenCount')}</HintText> : null;
}

/** A destination breakdown: the chart for the eye, the table with the same figures for all. */
function Destinations({
  id,
  title,
  keyLabel,
  rows,
  placed,
  vacancies,
  count,
  t,
}: {
  id: string;
  title: string;
  keyLabel: string;
  rows: DestinationRow[];
  placed: (number | null)[];
  vacancies: number[];
  count: Count;
  t: T;
}) {
  const format = useFormat();
  const height = 60 + rows.length * 34;
  return (
    <Section title={title} empty={rows.length === 0} t={t}>
      <div aria-hidden="true" style={{ height }} data-part={`${id}-chart`}>
        <ChartSlot height={height}>
          <DestinationChart rows={rows} />
        </ChartSlot>
      </div>
      <Table
        caption={title}
        columns={[
          { key: 'label', labelText: keyLabel },
          { key: 'members', labelText: t('membersMatching'), textAlign: 'right' },
          { key: 'couldTake', labelText: t('couldTake'), textAlign: 'right' },
          { key: 'positions', labelText: t('positions'), textAlign: 'right' },
          { key: 'vacancies', labelText: t('vacanciesCount'), textAlign: 'right' },
          { key: 'placed', labelText: t('placed'), textAlign: 'right' },
        ]}
        data={rows.map((row, index) => ({
          id: row.key,
          label: row.label,
          members: count(row.members),
          couldTake: count(row.absorbable),
          positions: format.number(row.positions),
          vacancies: format.number(vacancies[index] ?? 0),
          placed: count(placed[index]),
        }))}
      />
      <HiddenNote show={rows.some((row) => row.members == null || row.absorbable == null)} />
    </Section>
  );
}
