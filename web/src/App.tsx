import { lazy, ReactNode, Suspense, useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Provider as GraphQLProvider } from 'urql';
import { LoadingSpinner } from 'suomifi-ui-components';
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
  const client = useMemo(
    () => (session ? createClient(session.token, signOut) : null),
    [session, signOut],
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
                <p>{t('unsupportedRole', { role: session.role })}</p>
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
          <Route path="*" element={<p>{t('notFound')}</p>} />
        </Routes>
      </Framed>
    </GraphQLProvider>
  );
}
