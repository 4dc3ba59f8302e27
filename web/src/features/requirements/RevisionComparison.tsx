import { Link, useParams, useSearchParams } from 'react-router-dom';
import { lazy } from 'react';
import {
  Block,
  Dropdown,
  DropdownItem,
  Heading,
  InlineAlert,
  Paragraph,
  Table,
  Text,
} from 'suomifi-ui-components';
import type { RevisionComparisonQuery } from '../../gql/graphql';
import { useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { useSignedIn } from '../../auth/session';
import { QueryState } from '../../layout/QueryState';
import { revisionMessages } from './revisions.messages';
import { useViewQuery } from '../../api/view-data';
import { revisionComparisonRequest, revisionPair, revisionsOfVacancyRequest } from './operations';
import '../vacancies/vacancies.css';
import { ChartSlot } from '../../layout/ChartSlot';

const PoolChart = lazy(() => import('./PoolChart'));

type Comparison = RevisionComparisonQuery['compareRevisions'];

/**
 * /vacancies/:vacancyId/revisions?from=&to=: two revisions of a requirement profile side by
 * side, what changed between them and how the candidate pool changed. Revisions are numbered
 * 1…current, so the choice needs only the current number; the pair lives in the address, so
 * a comparison can be linked and its query starts at once when the address names it.
 */
export default function RevisionComparison() {
  const t = useMessages(revisionMessages);
  const { language } = useLanguage();
  const { vacancyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [vacancyResult] = useViewQuery(revisionsOfVacancyRequest(vacancyId));
  const vacancy = vacancyResult.data?.vacancy;
  const current = vacancy?.requirements.revision;
  const { from, to, validPair } = revisionPair(params, current);
  const [comparisonResult] = useViewQuery({
    ...revisionComparisonRequest(vacancyId, from ?? 0, to ?? 0, language),
    pause: !validPair,
  });
  const comparison = validPair ? comparisonResult.data?.compareRevisions : undefined;

  function choose(which: 'from' | 'to', revision: string) {
    const updated = new URLSearchParams(params);
    updated.set(which, revision);
    if (which === 'to' && !updated.has('from') && from != null) updated.set('from', String(from));
    if (which === 'from' && !updated.has('to') && to != null) updated.set('to', String(to));
    setParams(updated, { replace: true });
  }

  const ready = Boolean(vacancy) && (current === 1 || !validPair || Boolean(comparison));
  return (
    <Block data-view="revisions" data-ready={String(ready)}>
      <Heading variant="h1" mb="s">
        {t('title')}
      </Heading>
      <QueryState
        fetching={vacancyResult.fetching}
        error={vacancyResult.error}
        hasData={Boolean(vacancy)}
      >
        {vacancy && current != null && (
          <>
            <Paragraph mb="xs">
              <Link to={`/vacancies/${vacancy.id}`}>{t('vacancy', { title: vacancy.title })}</Link>
            </Paragraph>
            <Paragraph mb="m">{t('intro')}</Paragraph>
            {current === 1 ? (
              <InlineAlert>{t('onlyOne')}</InlineAlert>
            ) : (
              <>
                <div className="osaamo-revision-choice">
                  <RevisionDropdown
                    id="revision-from"
                    label={t('from')}
                    current={current}
                    value={from}
                    onChange={(value) => choose('from', value)}
                  />
                  <RevisionDropdown
                    id="revision-to"
                    label={t('to')}
                    current={current}
                    value={to}
                    onChange={(value) => choose('to', value)}
                  />
                </div>
                {!validPair ? (
                  <InlineAlert status="warning">{t('wrongOrder')}</InlineAlert>
                ) : (
                  <QueryState
                    fetching={comparisonResult.fetching}
                    error={comparisonResult.error}
                    hasData={Boolean(comparison)}
                  >
                    {comparison && <ComparisonResult comparison={comparison} />}
                  </QueryState>
                )}
              </>
            )}
          </>
        )}
      </QueryState>
    </Block>
  );
}

function RevisionDropdown({
  id,
  label,
  current,
  value,
  onChange,
}: {
  id: string;
  label: string;
  current: number;
  value: number | undefined;
  onChange(value: string): void;
}) {
  const t = useMessages(revisionMessages);
  // Newest first: the recent revisions are the ones compared most.
  const revisions = Array.from({ length: current }, (_, index) => current - index);
  return (
    <Dropdown
      id={id}
      labelText={label}
      value={value != null ? String(value) : null}
      onChange={onChange}
    >
      {revisions.map((revision) => (
        <DropdownItem key={revision} value={String(revision)}>
          {revision === current ? t('currentRevision', { revision }) : t('revision', { revision })}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}

function ComparisonResult({ comparison }: { comparison: Comparison }) {
  const t = useMessages(revisionMessages);
  return (
    <>
      <section aria-labelledby="revision-changes">
        <Heading variant="h2" id="revision-changes" mb="s">
          {t('changesHeading')}
        </Heading>
        {comparison.changes.length === 0 ? (
          <Paragraph mb="m">{t('noChanges')}</Paragraph>
        ) : (
          <ul className="osaamo-plain-list">
            {comparison.changes.map((change) => (
              <li key={change}>
                <Text>{change}</Text>
              </li>
            ))}
          </ul>
        )}
        <Paragraph mb="m">{comparison.explanation}</Paragraph>
      </section>
      <section aria-labelledby="revision-pool">
        <Heading variant="h2" id="revision-pool" mb="s">
          {t('poolHeading')}
        </Heading>
        <PoolChange comparison={comparison} />
        <ChartSlot height={220}>
          <PoolChart comparison={comparison} />
        </ChartSlot>
        <PoolTable comparison={comparison} />
      </section>
    </>
  );
}

function PoolChange({ comparison }: { comparison: Comparison }) {
  const t = useMessages(revisionMessages);
  const session = useSignedIn();
  const change = comparison.poolChange;
  const sentence =
    change == null
      ? t('poolChangeHidden')
      : change > 0
        ? t('poolGrew', { count: change })
        : change < 0
          ? t('poolShrank', { count: -change })
          : t('poolSame');
  return (
    <>
      <Paragraph mb="s">
        <strong>{sentence}</strong>
      </Paragraph>
      {session.role !== 'counsellor' && <Paragraph mb="m">{t('perturbed')}</Paragraph>}
    </>
  );
}

function PoolTable({ comparison }: { comparison: Comparison }) {
  const t = useMessages(revisionMessages);
  const { number } = useFormat();
  const count = (value: number | null | undefined) => (value == null ? t('hidden') : number(value));
  return (
    <Table
      caption={t('chartCaption')}
      condensed
      columns={[
        { key: 'revision', labelText: t('colRevision') },
        { key: 'pool', labelText: t('colPool'), textAlign: 'right' },
      ]}
      data={[
        {
          id: 'from',
          revision: t('revision', { revision: comparison.from }),
          pool: count(comparison.poolFrom),
        },
        {
          id: 'to',
          revision: t('revision', { revision: comparison.to }),
          pool: count(comparison.poolTo),
        },
      ]}
    />
  );
}
