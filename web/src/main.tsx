import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SuomifiThemeProvider } from 'suomifi-ui-components';
import { LanguageProvider } from './i18n/i18n';
import { SessionProvider } from './auth/session';
import { PurposeProvider } from './api/purpose';
import { App } from './App';

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
);
