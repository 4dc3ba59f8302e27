import { ReactNode } from 'react';
import { CombinedError } from 'urql';
import { InlineAlert, LoadingSpinner } from 'suomifi-ui-components';
import { defineMessages, useMessages } from '../i18n/i18n';

const messages = defineMessages(
  {
    loading: 'Loading…',
    failed: 'The data could not be loaded. Try again in a moment.',
    forbidden: 'You have no access to this.',
    notFound: 'Not found.',
    unauthenticated: 'Your sign-in has ended. Sign in again.',
    rateLimited: 'Too many requests in a short time. Wait a moment and try again.',
    unavailable: 'A service this needs does not answer at the moment. Try again later.',
    badInput: 'The request was not accepted: {field}.',
    network: 'The server cannot be reached. Check the connection and try again.',
    code: 'Error code: {code}',
  },
  {
    loading: 'Ladataan…',
    failed: 'Tietoja ei saatu. Yritä hetken kuluttua uudelleen.',
    forbidden: 'Sinulla ei ole oikeutta tähän.',
    notFound: 'Ei löytynyt.',
    unauthenticated: 'Kirjautumisesi on päättynyt. Kirjaudu uudelleen.',
    rateLimited: 'Liikaa pyyntöjä lyhyessä ajassa. Odota hetki ja yritä uudelleen.',
    unavailable: 'Palvelu, jota tämä tarvitsee, ei juuri nyt vastaa. Yritä myöhemmin uudelleen.',
    badInput: 'Pyyntöä ei hyväksytty: {field}.',
    network: 'Palvelimeen ei saada yhteyttä. Tarkista yhteys ja yritä uudelleen.',
    code: 'Virhekoodi: {code}',
  },
  {
    loading: 'Laddar…',
    failed: 'Uppgifterna kunde inte hämtas. Försök igen om en stund.',
    forbidden: 'Du har inte behörighet till detta.',
    notFound: 'Hittades inte.',
    unauthenticated: 'Din inloggning har upphört. Logga in igen.',
    rateLimited: 'För många förfrågningar på kort tid. Vänta en stund och försök igen.',
    unavailable: 'En tjänst som behövs svarar inte just nu. Försök igen senare.',
    badInput: 'Förfrågan godkändes inte: {field}.',
    network: 'Servern kan inte nås. Kontrollera anslutningen och försök igen.',
    code: 'Felkod: {code}',
  },
);

/**
 * A query's three states in one place: a spinner while nothing has come, a clear error in the
 * user's language (by the server's code: its messages are English, for integrators), else the
 * view. Data already shown stays while it refreshes.
 */
export function QueryState({
  fetching,
  error,
  hasData,
  children,
}: {
  fetching: boolean;
  error?: CombinedError;
  hasData: boolean;
  children: ReactNode;
}) {
  const t = useMessages(messages);
  if (error && !hasData) {
    const code = error.graphQLErrors[0]?.extensions?.code as string | undefined;
    return (
      <InlineAlert status="error" labelText={describeError(error, code, t)}>
        {code ? t('code', { code }) : null}
      </InlineAlert>
    );
  }
  if (!hasData && fetching)
    return <LoadingSpinner status="loading" text={t('loading')} textVisibility="hidden" />;
  return <>{children}</>;
}

type Key = keyof (typeof messages)['en'];

function describeError(
  error: CombinedError,
  code: string | undefined,
  t: (key: Key, values?: Record<string, string>) => string,
): string {
  if (!code && error.networkError) return t('network');
  switch (code) {
    case 'FORBIDDEN':
      return t('forbidden');
    case 'NOT_FOUND':
      return t('notFound');
    case 'UNAUTHENTICATED':
      return t('unauthenticated');
    case 'RATE_LIMITED':
    case 'QUERY_TOO_COSTLY':
      return t('rateLimited');
    case 'SERVICE_UNAVAILABLE':
      return t('unavailable');
    case 'BAD_USER_INPUT': {
      // The field's path is the same in every language (input.minScore); its reason is not.
      const field = error.graphQLErrors[0]?.extensions?.field;
      return t('badInput', { field: typeof field === 'string' ? field : '' });
    }
    default:
      return t('failed');
  }
}
