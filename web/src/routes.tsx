import { ReactNode } from 'react';
import { matchRoutes, Navigate } from 'react-router-dom';
import { Client } from 'urql';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { useSession } from './auth/session';
import { lazyView } from './layout/lazy-view';
import { useMessages } from './i18n/i18n';
import { layoutMessages } from './layout/messages';
import { preloadViewData, ViewContext, ViewRequests } from './api/view-data';
import { jobseekerProfileRequest } from './features/jobseekers/operations';
import {
  CANDIDATES_PAGE,
  candidatesRequest,
  explainMatchRequest,
  vacancyMatchesRequest,
} from './features/matches/operations';
import { gapTarget, skillGapRequest, trainingsRequest } from './features/guidance/operations';
import { vacancyListRequests, vacancyViewRequest } from './features/vacancies/operations';
import {
  editorRequest,
  initialInsightsRequest,
  revisionComparisonRequest,
  revisionPair,
  revisionsOfVacancyRequest,
} from './features/requirements/operations';
import {
  chosenMunicipalities,
  demandMunicipalitiesRequest,
  skillDemandRequest,
} from './features/demand/operations';
import { cohortAnalysisRequest, cohortsRequest } from './features/cohorts/operations';

// Each view loads when first opened, so the first load carries only the frame and sign-in; a
// route starts its view's code and data together at navigation (startView).
const jobseekerSearch = lazyView(() => import('./features/jobseekers/JobseekerSearch'));
const jobseeker = lazyView(() => import('./features/jobseekers/JobseekerView'));
const matchExplanation = lazyView(() => import('./features/matches/MatchExplanationView'));
const skillGap = lazyView(() => import('./features/guidance/SkillGapView'));
const vacancyList = lazyView(() => import('./features/vacancies/VacancyList'));
const vacancy = lazyView(() => import('./features/vacancies/VacancyView'));
const requirementEditor = lazyView(() => import('./features/requirements/RequirementEditor'));
const revisions = lazyView(() => import('./features/requirements/RevisionComparison'));
const skillDemand = lazyView(() => import('./features/demand/SkillDemandView'));
const cohortList = lazyView(() => import('./features/cohorts/CohortList'));
const cohort = lazyView(() => import('./features/cohorts/CohortView'));

/** A signed-in route: its view, the view's code, and the queries the view opens with. */
interface ViewRoute {
  path: string;
  element: ReactNode;
  code?: () => Promise<unknown>;
  requests?: ViewRequests;
}

/** Personal data is read only with a purpose: without one the view asks for it first. */
const withPurpose =
  (requests: ViewRequests): ViewRequests =>
  (context) =>
    context.purpose ? requests(context) : [];

export const SIGNED_IN_ROUTES: ViewRoute[] = [
  { path: '/', element: <Home /> },
  { path: '/jobseekers', element: <jobseekerSearch.View />, code: jobseekerSearch.load },
  {
    path: '/jobseekers/:jobseekerId',
    element: <jobseeker.View />,
    code: jobseeker.load,
    requests: withPurpose(({ params, search, language }) => [
      jobseekerProfileRequest(params.jobseekerId!, language),
      vacancyMatchesRequest(params.jobseekerId!, search, language),
    ]),
  },
  {
    path: '/jobseekers/:jobseekerId/vacancies/:vacancyId',
    element: <matchExplanation.View direction="forJobseeker" />,
    code: matchExplanation.load,
    requests: withPurpose(({ params, language }) => [
      explainMatchRequest(params.jobseekerId!, params.vacancyId!, language),
    ]),
  },
  {
    path: '/jobseekers/:jobseekerId/gap',
    element: <skillGap.View />,
    code: skillGap.load,
    // Without a target the view asks for one first and shows neither the gap nor the trainings.
    requests: withPurpose(({ params, search, language }) =>
      gapTarget(search).hasTarget
        ? [
            skillGapRequest(params.jobseekerId!, search, language),
            trainingsRequest(params.jobseekerId!, language),
          ]
        : [],
    ),
  },
  {
    path: '/vacancies',
    element: <vacancyList.View />,
    code: vacancyList.load,
    requests: ({ session, search }) => vacancyListRequests(session, search),
  },
  {
    path: '/vacancies/:vacancyId',
    element: <vacancy.View />,
    code: vacancy.load,
    requests: ({ params, language, session }) => [
      vacancyViewRequest(params.vacancyId!, language),
      candidatesRequest(params.vacancyId!, language, CANDIDATES_PAGE, session.role === 'employer'),
    ],
  },
  {
    path: '/vacancies/:vacancyId/candidates/:jobseekerId',
    element: <matchExplanation.View direction="forVacancy" />,
    code: matchExplanation.load,
  },
  {
    path: '/vacancies/:vacancyId/requirements',
    element: <requirementEditor.View />,
    code: requirementEditor.load,
    requests: ({ params, language }) => [
      editorRequest(params.vacancyId!, language),
      initialInsightsRequest(params.vacancyId!, language),
    ],
  },
  {
    path: '/vacancies/:vacancyId/revisions',
    element: <revisions.View />,
    code: revisions.load,
    requests: ({ params, search, language }) => {
      const { from, to, validPair } = revisionPair(search, undefined);
      return [
        revisionsOfVacancyRequest(params.vacancyId!),
        ...(validPair ? [revisionComparisonRequest(params.vacancyId!, from!, to!, language)] : []),
      ];
    },
  },
  {
    path: '/demand',
    element: <skillDemand.View />,
    code: skillDemand.load,
    requests: ({ search, language }) => [
      demandMunicipalitiesRequest(),
      skillDemandRequest(chosenMunicipalities(search), language),
    ],
  },
  {
    path: '/cohorts',
    element: <cohortList.View />,
    code: cohortList.load,
    requests: () => [cohortsRequest()],
  },
  {
    path: '/cohorts/:cohortId',
    element: <cohort.View />,
    code: cohort.load,
    // The analysis lists persons: read only with a purpose.
    requests: withPurpose(({ params, language }) => [
      cohortAnalysisRequest(params.cohortId!, language),
    ]),
  },
  { path: '*', element: <NotFound /> },
];

/**
 * Starts the view at `location`: its code and the queries it opens with, at once, rather than
 * after its code has loaded and it has rendered. Both are idempotent (a module loads once; a
 * request asked for again within seconds is not sent again), so start-up (main.tsx) and each
 * navigation may call it. Resolves when the code has loaded and the answers have come.
 */
export function startView(
  client: Client,
  location: { pathname: string; search: string },
  who: Pick<ViewContext, 'session' | 'purpose' | 'language'>,
): Promise<unknown> {
  const route = matchRoutes(SIGNED_IN_ROUTES, location.pathname)?.at(-1);
  if (!route) return Promise.resolve();
  const code = route.route.code?.() ?? Promise.resolve();
  const requests = route.route.requests?.({
    ...who,
    params: route.params,
    search: new URLSearchParams(location.search),
  });
  return Promise.all([code, requests ? preloadViewData(client, requests) : undefined]);
}

function Home() {
  const t = useMessages(layoutMessages);
  const { session } = useSession();
  const home =
    session?.role === 'counsellor'
      ? '/jobseekers'
      : session?.role === 'employer'
        ? '/vacancies'
        : null;
  if (home) return <Navigate to={home} replace />;
  return (
    <>
      <Heading variant="h1">{t('serviceName')}</Heading>
      <Paragraph>{t('unsupportedRole', { role: session?.role ?? '' })}</Paragraph>
    </>
  );
}

function NotFound() {
  const t = useMessages(layoutMessages);
  return (
    <>
      <Heading variant="h1">{t('notFoundTitle')}</Heading>
      <Paragraph>{t('notFound')}</Paragraph>
    </>
  );
}
