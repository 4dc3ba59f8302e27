import { lazy, ReactNode, Suspense, useMemo, useRef } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Provider as GraphQLProvider } from 'urql';
import { Heading, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { usePurpose } from './api/purpose';
import { useSession } from './auth/session';
import { createClient } from './api/client';
import { Layout } from './layout/Layout';
import { useMessages } from './i18n/i18n';
import { layoutMessages } from './layout/messages';
import { ErrorBoundary } from './layout/ErrorBoundary';
import { SignIn } from './features/sign-in/SignIn';
import { SignInCallback } from './features/sign-in/SignInCallback';

// Each view loads when first opened, so the first load carries only the frame and sign-in.
const JobseekerSearch = lazy(() => import('./features/jobseekers/JobseekerSearch'));
const JobseekerView = lazy(() => import('./features/jobseekers/JobseekerView'));
const MatchExplanationView = lazy(() => import('./features/matches/MatchExplanationView'));
const SkillGapView = lazy(() => import('./features/guidance/SkillGapView'));
const VacancyList = lazy(() => import('./features/vacancies/VacancyList'));
const VacancyView = lazy(() => import('./features/vacancies/VacancyView'));
const RequirementEditor = lazy(() => import('./features/requirements/RequirementEditor'));
const RevisionComparison = lazy(() => import('./features/requirements/RevisionComparison'));
const SkillDemandView = lazy(() => import('./features/demand/SkillDemandView'));
const AccessibilityStatement = lazy(
  () => import('./features/accessibility/AccessibilityStatement'),
);

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
  const t = useMessages(layoutMessages);
  const { purpose } = usePurpose();
  // The client reads the token when it sends, so a renewed token keeps the cache; a new purpose
  // (or user) gets a new client and an empty cache, so every view asks again under the new
  // purpose and each read is audited with it.
  const token = useRef(session?.token);
  token.current = session?.token;
  const signedInAs = session ? `${session.via}:${session.user}` : null;
  const client = useMemo(
    () => (signedInAs ? createClient(() => token.current ?? '', signOut) : null),
    [signedInAs, purpose, signOut],
  );
  if (!session || !client)
    return (
      <Navigate
        to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  const home =
    session.role === 'counsellor'
      ? '/jobseekers'
      : session.role === 'employer'
        ? '/vacancies'
        : null;
  return (
    <GraphQLProvider value={client}>
      <Framed>
        <Routes>
          <Route
            path="/"
            element={
              home ? (
                <Navigate to={home} replace />
              ) : (
                <>
                  <Heading variant="h1">{t('serviceName')}</Heading>
                  <Paragraph>{t('unsupportedRole', { role: session.role })}</Paragraph>
                </>
              )
            }
          />
          <Route path="/jobseekers" element={<JobseekerSearch />} />
          <Route path="/jobseekers/:jobseekerId" element={<JobseekerView />} />
          <Route
            path="/jobseekers/:jobseekerId/vacancies/:vacancyId"
            element={<MatchExplanationView direction="forJobseeker" />}
          />
          <Route path="/jobseekers/:jobseekerId/gap" element={<SkillGapView />} />
          <Route path="/vacancies" element={<VacancyList />} />
          <Route path="/vacancies/:vacancyId" element={<VacancyView />} />
          <Route
            path="/vacancies/:vacancyId/candidates/:jobseekerId"
            element={<MatchExplanationView direction="forVacancy" />}
          />
          <Route path="/vacancies/:vacancyId/requirements" element={<RequirementEditor />} />
          <Route path="/vacancies/:vacancyId/revisions" element={<RevisionComparison />} />
          <Route path="/demand" element={<SkillDemandView />} />
          <Route
            path="*"
            element={
              <>
                <Heading variant="h1">{t('notFoundTitle')}</Heading>
                <Paragraph>{t('notFound')}</Paragraph>
              </>
            }
          />
        </Routes>
      </Framed>
    </GraphQLProvider>
  );
}
