import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  Block,
  Button,
  Checkbox,
  Heading,
  Paragraph,
  SearchInput,
  Table,
  Text,
} from 'suomifi-ui-components';
import type { VacancyListQuery } from '../../gql/graphql';
import { useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { useSignedIn } from '../../auth/session';
import { QueryState } from '../../layout/QueryState';
import { vacancyMessages } from './messages';
import { useViewQuery } from '../../api/view-data';
import {
  areaMunicipalitiesRequest,
  narrowsToArea,
  PAGE_SIZE,
  vacancyListRequest,
} from './operations';
import { municipalityName } from './names';
import './vacancies.css';

type VacancyNode = VacancyListQuery['vacancies']['edges'][number]['node'];

/**
 * /vacancies: an employer's own vacancies (the server lists only those), or for a counsellor a
 * search over the vacancies, by default those of the municipalities of their area. Pages
 * forward by cursor; earlier pages are reached again from the cursors already seen.
 */
export default function VacancyList() {
  const t = useMessages(vacancyMessages);
  const session = useSignedIn();
  const isEmployer = session.role === 'employer';
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const wholeCountry = params.get('area') === 'all';
  const narrowToArea = narrowsToArea(session, params);
  // The cursor each page starts after: the first page starts at the top (null).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length;

  const [areaResult] = useViewQuery({ ...areaMunicipalitiesRequest(), pause: !narrowToArea });
  const areaCodes = narrowToArea
    ? areaResult.data?.municipalities
        .filter((municipality) => municipality.employmentArea === session.employmentArea)
        .map((municipality) => municipality.code)
    : undefined;
  const [result] = useViewQuery({
    ...vacancyListRequest(text, areaCodes, cursors[cursors.length - 1] ?? null),
    pause: narrowToArea && !areaCodes,
  });
  const connection = result.data?.vacancies;

  function changeSearch(next: { q?: string; area?: 'all' | 'mine' }) {
    const updated = new URLSearchParams(params);
    if (next.q !== undefined) {
      if (next.q) updated.set('q', next.q);
      else updated.delete('q');
    }
    if (next.area === 'all') updated.set('area', 'all');
    if (next.area === 'mine') updated.delete('area');
    setParams(updated, { replace: true });
    setCursors([null]);
  }

  return (
    <Block data-view="vacancies" data-ready={String(Boolean(connection))}>
      <Heading variant="h1" mb="s">
        {isEmployer ? t('titleEmployer') : t('titleCounsellor')}
      </Heading>
      <Paragraph mb="m">{isEmployer ? t('introEmployer') : t('introCounsellor')}</Paragraph>
      <Block mb="m" className="osaamo-vacancy-search">
        <SearchInput
          labelText={t('searchLabel')}
          visualPlaceholder={t('searchHint')}
          searchButtonLabel={t('searchButton')}
          clearButtonLabel={t('clearSearch')}
          defaultValue={text}
          onSearch={(value) => changeSearch({ q: value.trim() })}
          onChange={(value) => {
            if (value === '' && text) changeSearch({ q: '' });
          }}
          fullWidth
        />
        {!isEmployer && session.employmentArea && (
          <Checkbox
            checked={!wholeCountry}
            onClick={({ checkboxState }) => changeSearch({ area: checkboxState ? 'mine' : 'all' })}
            style={{ marginTop: 12 }}
          >
            {t('onlyMyArea')}
          </Checkbox>
        )}
      </Block>
      <QueryState
        fetching={result.fetching || areaResult.fetching}
        error={result.error ?? areaResult.error}
        hasData={Boolean(connection)}
      >
        {connection && connection.edges.length === 0 && (
          <Paragraph>{text || narrowToArea ? t('noneFound') : t('none')}</Paragraph>
        )}
        {connection && connection.edges.length > 0 && (
          <>
            <VacancyTable
              vacancies={connection.edges.map((edge) => edge.node)}
              totalCount={connection.totalCount ?? null}
              showEmployer={!isEmployer}
              canEditRequirements={isEmployer}
            />
            <PageButtons
              page={page}
              pages={
                connection.totalCount == null
                  ? null
                  : Math.max(1, Math.ceil(connection.totalCount / PAGE_SIZE))
              }
              hasNext={connection.pageInfo.hasNextPage}
              onPrevious={() => setCursors((known) => known.slice(0, -1))}
              onNext={() =>
                setCursors((known) => [...known, connection.pageInfo.endCursor ?? null])
              }
            />
          </>
        )}
      </QueryState>
    </Block>
  );
}

function VacancyTable({
  vacancies,
  totalCount,
  showEmployer,
  canEditRequirements,
}: {
  vacancies: VacancyNode[];
  totalCount: number | null;
  showEmployer: boolean;
  canEditRequirements: boolean;
}) {
  const t = useMessages(vacancyMessages);
  const format = useFormat();
  const { language } = useLanguage();
  const columns = [
    { key: 'title', labelText: t('colTitle') },
    ...(showEmployer ? [{ key: 'employer', labelText: t('colEmployer') }] : []),
    { key: 'status', labelText: t('colStatus') },
    { key: 'municipality', labelText: t('colMunicipality') },
    { key: 'deadline', labelText: t('colDeadline') },
    { key: 'revision', labelText: t('colRevision') },
    { key: 'links', labelText: t('colLinks') },
  ];
  const rows = vacancies.map((vacancy) => ({
    id: vacancy.id,
    title: <Link to={`/vacancies/${vacancy.id}`}>{vacancy.title}</Link>,
    employer: vacancy.employer.name,
    status: t(`status.${vacancy.status}`),
    municipality: municipalityName(vacancy.municipality, language),
    deadline: vacancy.applicationDeadline ? format.date(vacancy.applicationDeadline) : t('notSet'),
    revision: t('revision', { revision: vacancy.requirements.revision }),
    links: (
      <span className="osaamo-vacancy-links">
        {canEditRequirements && (
          <Link
            to={`/vacancies/${vacancy.id}/requirements`}
            aria-label={t('linkEditRequirementsOf', { title: vacancy.title })}
          >
            {t('linkEditRequirements')}
          </Link>
        )}
        <Link
          to={`/vacancies/${vacancy.id}/revisions`}
          aria-label={t('linkRevisionsOf', { title: vacancy.title })}
        >
          {t('linkRevisions')}
        </Link>
      </span>
    ),
  }));
  return (
    <Table
      caption={totalCount == null ? t('captionUncounted') : t('caption', { count: totalCount })}
      columns={columns}
      data={rows}
      condensed
    />
  );
}

/** Previous and next by cursor (the API pages forward only), with where the user is. */
function PageButtons({
  page,
  pages,
  hasNext,
  onPrevious,
  onNext,
}: {
  page: number;
  pages: number | null;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
}) {
  const t = useMessages(vacancyMessages);
  if (page === 1 && !hasNext) return null;
  return (
    <nav aria-label={t('paging')} className="osaamo-paging">
      <Button variant="secondary" disabled={page === 1} onClick={onPrevious}>
        {t('previous')}
      </Button>
      <Text aria-live="polite">
        {pages == null ? t('pageStatusUncounted', { page }) : t('pageStatus', { page, pages })}
      </Text>
      <Button variant="secondary" disabled={!hasNext} onClick={onNext}>
        {t('next')}
      </Button>
    </nav>
  );
}
