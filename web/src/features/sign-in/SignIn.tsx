import { FormEvent, useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import {
  Block,
  Button,
  Heading,
  InlineAlert,
  Paragraph,
  Dropdown,
  DropdownItem,
} from 'suomifi-ui-components';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { sessionFromToken, useSession } from '../../auth/session';
import { ConsoleConfig, ConsoleIssuer, consoleConfig } from '../../auth/console-config';
import { startSignIn } from '../../auth/oidc';
import { signInMessages } from './messages';

interface FixtureUser {
  user: string;
  role: string;
  note: string | null;
}

/** Development: a picker of the fixture users; elsewhere the configured OpenID Connect issuers. */
export function SignIn() {
  const t = useMessages(signInMessages);
  const { language } = useLanguage();
  const { session, signIn } = useSession();
  const [params] = useSearchParams();
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [users, setUsers] = useState<FixtureUser[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    consoleConfig()
      .then(async (loaded) => {
        setConfig(loaded);
        if (!loaded.developmentSignIn) return;
        const response = await fetch('/dev/users');
        setUsers((await response.json()) as FixtureUser[]);
      })
      .catch((failure: Error) => setError(failure.message));
  }, []);

  if (session) return <Navigate to={safeNext(params.get('next'))} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    const response = await fetch('/dev/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: chosen }),
    });
    const body = (await response.json()) as { token?: string; error?: string };
    if (!body.token) return setError(body.error ?? `HTTP ${response.status}`);
    signIn(sessionFromToken(body.token, 'development'));
  }

  function signInWith(issuer: ConsoleIssuer) {
    startSignIn(issuer, safeNext(params.get('next'))).catch((failure: Error) =>
      setError(failure.message),
    );
  }

  return (
    <Block data-view="sign-in" data-ready={String(Boolean(config))}>
      <Heading variant="h1">{t('title')}</Heading>
      {error && <InlineAlert status="error">{t('failed', { reason: error })}</InlineAlert>}
      {config && !config.developmentSignIn && config.issuers.length === 0 && (
        <Paragraph>{t('noMethods')}</Paragraph>
      )}
      {config && config.issuers.length > 0 && (
        <section aria-labelledby="issuer-sign-in">
          <Heading variant="h2" id="issuer-sign-in" mb="s">
            {t('issuersTitle')}
          </Heading>
          <ul style={ISSUER_LIST}>
            {config.issuers.map((issuer) => (
              <li key={issuer.issuer}>
                <Button onClick={() => signInWith(issuer)}>
                  {t('signInWith', { name: issuer.name[language] })}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {config?.developmentSignIn && (
        <form onSubmit={(event) => void submit(event)} aria-labelledby="development-sign-in">
          <Heading variant="h2" id="development-sign-in">
            {t('developmentTitle')}
          </Heading>
          <Paragraph mb="m">{t('developmentHint')}</Paragraph>
          {users.length > 0 && (
            <Dropdown
              id="fixture-user"
              labelText={t('user')}
              visualPlaceholder={t('choose')}
              value={chosen}
              onChange={(value: string) => setChosen(value)}
              fullWidth
            >
              {users.map((user) => (
                <DropdownItem key={user.user} value={user.user}>
                  {labelOf(user)}
                </DropdownItem>
              ))}
            </Dropdown>
          )}
          <Button type="submit" disabled={!chosen} style={{ marginTop: 16 }}>
            {t('signIn')}
          </Button>
        </form>
      )}
    </Block>
  );
}

const ISSUER_LIST = {
  listStyle: 'none',
  padding: 0,
  margin: '0 0 24px',
  display: 'flex',
  flexDirection: 'column',
  gap: 8,
} as const;

function labelOf(user: FixtureUser | undefined): string {
  return user ? `${user.user} (${user.role})${user.note ? ` – ${user.note}` : ''}` : '';
}

/** Only a path of this console: never an outside address from the query string. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.includes('\\')) return '/';
  // Resolved against this origin it must stay here ("//elsewhere" and the like do not).
  const target = new URL(next, window.location.origin);
  return target.origin === window.location.origin
    ? target.pathname + target.search + target.hash
    : '/';
}
