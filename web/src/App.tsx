import { lazy, ReactNode, Suspense, useRef } from 'react';
import {
  BrowserRouter,
  matchRoutes,
  Navigate,
  Route,
  Routes,
  useLocation,
  useRoutes,
} from 'react-router-dom';
import { Client, Provider as GraphQLProvider } from 'urql';
import { Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { usePurpose } from './api/purpose';
import { useSession } from './auth/session';
import { Layout } from './layout/Layout';
import { lazyView } from './layout/lazy-view';
import { useLanguage, useMessages } from './i18n/i18n';
import { preloadViewData, ViewContext, ViewRequests } from './api/view-data';
import { forgetSessionClient, sessionClient, whenUnauthenticated } from './api/session-client';
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
  DEFAULT_THRESHOLD_PERCENT,
  editorRequest,
  insightsRequest,
  revisionComparisonRequest,
  revisionPair,
  revisionsOfVacancyRequest,
  thresholdFrom,
} from './features/requirements/operations';
import {
  chosenMunicipalities,
  demandMunicipalitiesRequest,
  skillDemandRequest,
} from './features/demand/operations';
import { layoutMessages } from './layout/messages';
import { ErrorBoundary } from './layout/ErrorBoundary';
import { SignIn } from './features/sign-in/SignIn';
import { SignInCallback } from './features/sign-in/SignInCallback';

// Each view loads when first opened, so the first load carries only the frame and sign-in; a
// route starts its view's code and data together at navigation (see SignedIn).
const jobseekerSearch = lazyView(() => import('./features/jobseekers/JobseekerSearch'));
const jobseeker = lazyView(() => import('./features/jobseekers/JobseekerView'));
const matchExplanation = lazyView(() => import('./features/matches/MatchExplanationView'));
const skillGap = lazyView(() => import('./features/guidance/SkillGapView'));
const vacancyList = lazyView(() => import('./features/vacancies/VacancyList'));
const vacancy = lazyView(() => import('./features/vacancies/VacancyView'));
const requirementEditor = lazyView(() => import('./features/requirements/RequirementEditor'));
const revisions = lazyView(() => import('./features/requirements/RevisionComparison'));
const skillDemand = lazyView(() => import('./features/demand/SkillDemandView'));
const AccessibilityStatement = lazy(
  () => import('./features/accessibility/AccessibilityStatement'),
);

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

const SIGNED_IN_ROUTES: ViewRoute[] = [
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
    requests: withPurpose(({ params, search, language }) => [
      ...(gapTarget(search).hasTarget
        ? [skillGapRequest(params.jobseekerId!, search, language)]
        : []),
      trainingsRequest(params.jobseekerId!, language),
    ]),
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
      insightsRequest(params.vacancyId!, thresholdFrom(DEFAULT_THRESHOLD_PERCENT), language),
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
  { path: '*', element: <NotFound /> },
];

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/sign-in"
          element={
            <Framed>
              <SignIn />
            </Framed>
          }
        />
        <Route
          path="/sign-in/callback"
          element={
            <Framed>
              <SignInCallback />
            </Framed>
          }
        />
        <Route
          path="/accessibility"
          element={
            <Framed>
              <AccessibilityStatement />
            </Framed>
          }
        />
        <Route path="*" element={<SignedIn />} />
      </Routes>
    </BrowserRouter>
  );
}

function Framed({ children }: { children: ReactNode }) {
  const t = useMessages(layoutMessages);
  return (
    <Layout>
      <ErrorBoundary>
        <Suspense fallback={<LoadingSpinner status="loading" text={t('loading')} />}>
          {children}
        </Suspense>
      </ErrorBoundary>
    </Layout>
  );
}

/** Every view but sign-in and the accessibility statement needs a session and a client. */
function SignedIn() {
  const { session, signOut } = useSession();
  const location = useLocation();
  const { purpose } = usePurpose();
  const { language } = useLanguage();
  whenUnauthenticated(signOut);
  const client = session ? sessionClient(session, purpose) : null;
  const routes = useRoutes(SIGNED_IN_ROUTES);
  // Each navigation starts the view's code and data here, before the frame renders.
  const started = useRef<string | null>(null);
  const navigation = `${location.key}|${language}|${purpose}`;
  if (session && client && started.current !== navigation) {
    started.current = navigation;
    void startView(client, location, { session, purpose, language });
  }
  if (!session || !client) {
    forgetSessionClient();
    return (
      <Navigate
        to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  }
  return (
    <GraphQLProvider value={client}>
      <Framed>{routes}</Framed>
    </GraphQLProvider>
  );
}

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
