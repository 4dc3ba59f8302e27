import { memo, ReactNode } from 'react';
import { NavLink, Link as RouterDomLink } from 'react-router-dom';
import {
  Block,
  Button,
  LanguageMenu,
  LanguageMenuItem,
  SkipLink,
  Text,
} from 'suomifi-ui-components';
import { LANGUAGES, useLanguage, useMessages } from '../i18n/i18n';
import { useSession } from '../auth/session';
import { layoutMessages } from './messages';
import { useRouteFocusAndTitle } from './route-focus';
import './layout.css';

const LANGUAGE_NAMES = { fi: 'Suomeksi (FI)', sv: 'På svenska (SV)', en: 'In English (EN)' };

/** The page frame: skip link, service name, language, who is signed in, navigation, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useMessages(layoutMessages);
  useRouteFocusAndTitle('Osaamo');
  return (
    <div className="osaamo-page">
      <SkipLink href="#main">{t('skipToContent')}</SkipLink>
      <Header />
      <main id="main" tabIndex={-1} className="osaamo-main">
        {children}
      </main>
      <footer className="osaamo-footer">
        <RouterDomLink to="/accessibility">{t('accessibility')}</RouterDomLink>
      </footer>
    </div>
  );
}

/**
 * The header renders again only when the language or the session changes, not with every move
 * between views (its links follow the address by themselves).
 */
const Header = memo(function Header() {
  const t = useMessages(layoutMessages);
  const { language, setLanguage } = useLanguage();
  const { session, signOut } = useSession();
  const roleName =
    session?.role === 'counsellor'
      ? t('roleCounsellor')
      : session?.role === 'employer'
        ? t('roleEmployer')
        : t('roleOther', { role: session?.role ?? '' });
  return (
    <header className="osaamo-header">
      <Block className="osaamo-header-inner">
        <RouterDomLink to="/" className="osaamo-service-name">
          {t('serviceName')}
        </RouterDomLink>
        <div className="osaamo-header-tools">
          <LanguageMenu
            buttonText={language.toUpperCase()}
            aria-label={`${t('language')}: ${LANGUAGE_NAMES[language]}`}
          >
            {LANGUAGES.map((code) => (
              <LanguageMenuItem
                key={code}
                lang={code}
                selected={code === language}
                onSelect={() => setLanguage(code)}
              >
                {LANGUAGE_NAMES[code]}
              </LanguageMenuItem>
            ))}
          </LanguageMenu>
          {session && (
            <>
              <Text smallScreen>{t('signedInAs', { user: session.user, role: roleName })}</Text>
              <Button variant="secondaryNoBorder" onClick={signOut}>
                {t('signOut')}
              </Button>
            </>
          )}
        </div>
      </Block>
      {session && (
        <nav aria-label={t('navigation')} className="osaamo-nav">
          {session.role === 'counsellor' && (
            <>
              <NavLink to="/jobseekers">{t('navJobseekers')}</NavLink>
              <NavLink to="/vacancies">{t('navVacancies')}</NavLink>
              <NavLink to="/demand">{t('navDemand')}</NavLink>
              <NavLink to="/cohorts">{t('navCohorts')}</NavLink>
            </>
          )}
          {session.role === 'employer' && (
            <>
              <NavLink to="/vacancies">{t('navOwnVacancies')}</NavLink>
              <NavLink to="/demand">{t('navDemand')}</NavLink>
            </>
          )}
        </nav>
      )}
    </header>
  );
});
