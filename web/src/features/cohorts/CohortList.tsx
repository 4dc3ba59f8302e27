import { Link } from 'react-router-dom';
import { Block, Heading, Paragraph, RouterLink, Table } from 'suomifi-ui-components';
import { useFormat, useMessages } from '../../i18n/i18n';
import { useViewQuery } from '../../api/view-data';
import { QueryState } from '../../layout/QueryState';
import { cohortsRequest } from './operations';
import { cohortMessages } from './messages';
import { CreateCohortForm } from './CreateCohortForm';
import { useCount } from './count';
import './cohorts.css';

/** The area's structural-change cohorts, newest first, and the form to name a new one. */
export default function CohortList() {
  const t = useMessages(cohortMessages);
  const format = useFormat();
  const count = useCount();
  const [{ data, fetching, error }] = useViewQuery(cohortsRequest());
  const cohorts = data?.cohorts ?? [];
  return (
    <Block data-view="cohorts" data-ready={String(Boolean(data))}>
      <Heading variant="h1" mb="s">
        {t('listTitle')}
      </Heading>
      <Paragraph mb="m">{t('listIntro')}</Paragraph>
      <QueryState fetching={fetching} error={error} hasData={Boolean(data)}>
        {cohorts.length === 0 ? (
          <Paragraph>{t('none')}</Paragraph>
        ) : (
          <Table
            caption={t('listCaption')}
            columns={[
              { key: 'name', labelText: t('columnName') },
              { key: 'source', labelText: t('columnSource') },
              { key: 'members', labelText: t('columnMembers'), textAlign: 'right' },
              { key: 'created', labelText: t('columnCreated') },
            ]}
            data={cohorts.map((cohort) => ({
              id: cohort.id,
              name: (
                <RouterLink asComponent={Link} to={`/cohorts/${cohort.id}`}>
                  {cohort.name}
                </RouterLink>
              ),
              source: t(`source.${cohort.source}`, { businessId: cohort.employerBusinessId ?? '' }),
              members: count(cohort.members),
              created: format.dateTime(cohort.createdAt),
            }))}
          />
        )}
      </QueryState>
      <CreateCohortForm />
    </Block>
  );
}
