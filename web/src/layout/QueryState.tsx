import { ReactNode } from 'react';
import { CombinedError } from 'urql';
import { InlineAlert, LoadingSpinner } from 'suomifi-ui-components';
import { defineMessages, useMessages } from '../i18n/i18n';

const messages = defineMessages(
  {
    loading: 'Loading…',
    failed: 'The data could not be loaded: {reason}',
    forbidden: 'You have no access to this.',
    notFound: 'Not found.',
  },
  {
    loading: 'Ladataan…',
    failed: 'Tietoja ei saatu: {reason}',
    forbidden: 'Sinulla ei ole oikeutta tähän.',
    notFound: 'Ei löytynyt.',
  },
  {
    loading: 'Laddar…',
    failed: 'Uppgifterna kunde inte hämtas: {reason}',
    forbidden: 'Du har inte behörighet till detta.',
    notFound: 'Hittades inte.',
  },
);

/**
 * A query's three states in one place: a spinner while nothing has come, a clear error (by the
 * server's code where it has one), else the view. Data already shown stays while it refreshes.
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
  if (error && !hasData) return <InlineAlert status="error">{describeError(error, t)}</InlineAlert>;
  if (!hasData && fetching)
    return <LoadingSpinner status="loading" text={t('loading')} textVisibility="hidden" />;
  return <>{children}</>;
}

function describeError(
  error: CombinedError,
  t: (key: 'failed' | 'forbidden' | 'notFound', values?: Record<string, string>) => string,
): string {
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  if (code === 'FORBIDDEN') return `${t('forbidden')} ${first?.message ?? ''}`.trim();
  if (code === 'NOT_FOUND') return t('notFound');
  return t('failed', { reason: first?.message ?? error.networkError?.message ?? error.message });
}
