import { lazy, ReactNode, Suspense, useRef } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useRoutes } from 'react-router-dom';
import { Provider as GraphQLProvider } from 'urql';
import { LoadingSpinner } from 'suomifi-ui-components';
import { usePurpose } from './api/purpose';
import { useSession } from './auth/session';
import { Layout } from './layout/Layout';
import { useLanguage, useMessages } from './i18n/i18n';
import { sessionClient, whenUnauthenticated } from './api/session-client';
import { layoutMessages } from './layout/messages';
import { ErrorBoundary } from './layout/ErrorBoundary';
import { SignIn } from './features/sign-in/SignIn';
import { SignInCallback } from './features/sign-in/SignInCallback';
import { SIGNED_IN_ROUTES, startView } from './routes';

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
  if (!session || !client)
    return (
      <Navigate
        to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  return (
    <GraphQLProvider value={client}>
      <Framed>{routes}</Framed>
    </GraphQLProvider>
  );
}
