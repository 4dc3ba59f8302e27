import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SuomifiThemeProvider } from 'suomifi-ui-components';
import { initialLanguage, LanguageProvider } from './i18n/i18n';
import { SessionProvider, storedSession } from './auth/session';
import { PurposeProvider, storedPurpose } from './api/purpose';
import { sessionClient } from './api/session-client';
import { App } from './App';
import { startView } from './routes';

// The first view's code and data are asked for before React renders, and the page waits for
// them, up to FIRST_RENDER_WAIT_MS: it then renders once, frame and view with its data, instead
// of a frame, a spinner and the view in three passes. A slower answer arrives into the view.
const FIRST_RENDER_WAIT_MS = 200;
const session = storedSession();
const purpose = storedPurpose();
const firstView = session
  ? startView(sessionClient(session, purpose), window.location, {
      session,
      purpose,
      language: initialLanguage(),
    })
  : Promise.resolve();
const waited = new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));

// A view that fails to load renders its error in the page (ErrorBoundary) rather than none at all.
void Promise.race([firstView.catch(() => undefined), waited]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SuomifiThemeProvider theme={{}}>
        <LanguageProvider>
          <SessionProvider>
            <PurposeProvider>
              <App />
            </PurposeProvider>
          </SessionProvider>
        </LanguageProvider>
      </SuomifiThemeProvider>
    </StrictMode>,
  ),
);
