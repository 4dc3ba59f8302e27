import { useEffect, useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { Block, Heading, InlineAlert, LoadingSpinner, Paragraph } from 'suomifi-ui-components';
import { useMessages } from '../../i18n/i18n';
import { useSession } from '../../auth/session';
import { completeSignIn } from '../../auth/oidc';
import { safeNext } from './SignIn';
import { signInMessages } from './messages';

/** The code is good once: StrictMode's second effect must not exchange it again. */
let exchange: ReturnType<typeof completeSignIn> | null = null;

/** Where the issuer sends the browser back: the code becomes the session. */
export function SignInCallback() {
  const t = useMessages(signInMessages);
  const { session, signIn } = useSession();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    exchange ??= completeSignIn();
    exchange
      .then((result) => {
        signIn(result.session);
        setNext(safeNext(result.next));
      })
      .catch((failure: Error) => setError(failure.message))
      .finally(() => {
        exchange = null;
      });
  }, [signIn]);

  if (session && next) return <Navigate to={next} replace />;
  return (
    <Block data-view="sign-in-callback" data-ready={String(Boolean(error))}>
      <Heading variant="h1">{t('title')}</Heading>
      {error ? (
        <>
          <InlineAlert status="error">{t('failed', { reason: error })}</InlineAlert>
          <Paragraph mt="m">
            <Link to="/sign-in">{t('again')}</Link>
          </Paragraph>
        </>
      ) : (
        <LoadingSpinner status="loading" text={t('completing')} />
      )}
    </Block>
  );
}
