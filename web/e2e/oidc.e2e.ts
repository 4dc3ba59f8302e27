import http from 'node:http';
import crypto from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { expect, expectAccessible, test, tokenFor } from './support';
import { E2E_ISSUER } from '../playwright.config';

/**
 * The browser round trip of OpenID Connect sign-in against a tiny local issuer (the one the
 * server is configured with in playwright.config.ts): /authorize approves at once, /token
 * checks PKCE and hands out tokens and refresh tokens, /jwks publishes the key.
 */

const CONSOLE_CLIENT = 'osaamo-console';
/** Short on purpose: the console renews a minute before expiry, so within seconds here. */
const ACCESS_TOKEN_SECONDS = 65;

interface IssuerLog {
  authorizations: number;
  pkceExchanges: number;
  refreshes: number;
  logouts: number;
}

async function startLocalIssuer(): Promise<{ log: IssuerLog; close(): Promise<void> }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'e2e', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, string>();
  const log: IssuerLog = { authorizations: 0, pkceExchanges: 0, refreshes: 0, logouts: 0 };
  const sign = (claims: Record<string, unknown>, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'e2e' })
      .setIssuer(E2E_ISSUER)
      .setAudience(audience)
      .setSubject('maija.neuvoja')
      .setIssuedAt()
      .setExpirationTime(`${ACCESS_TOKEN_SECONDS}s`)
      .sign(privateKey);
  const tokens = async () => ({
    access_token: await sign(
      { groups: ['kaikki', 'osaamo-neuvojat'], area: 'kuopio' },
      'osaamo-api',
    ),
    id_token: await sign({}, CONSOLE_CLIENT),
    refresh_token: crypto.randomUUID(),
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', E2E_ISSUER);
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type, accept, authorization');
    const json = (body: unknown) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') return void res.end();
    if (url.pathname === '/.well-known/openid-configuration')
      return json({
        issuer: E2E_ISSUER,
        authorization_endpoint: `${E2E_ISSUER}/authorize`,
        token_endpoint: `${E2E_ISSUER}/token`,
        jwks_uri: `${E2E_ISSUER}/jwks`,
        end_session_endpoint: `${E2E_ISSUER}/logout`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    if (url.pathname === '/jwks') return json({ keys: [jwk] });
    if (url.pathname === '/authorize') {
      // Approves at once, but only a code flow with an S256 challenge from the known client.
      const query = url.searchParams;
      const ok =
        query.get('response_type') === 'code' &&
        query.get('client_id') === CONSOLE_CLIENT &&
        query.get('code_challenge_method') === 'S256' &&
        query.get('code_challenge');
      if (!ok) return void res.writeHead(400).end('not a PKCE code request');
      log.authorizations++;
      const code = crypto.randomUUID();
      codes.set(code, query.get('code_challenge')!);
      const back = new URL(query.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.get('state') ?? '');
      return void res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/logout') {
      log.logouts++;
      const back = url.searchParams.get('post_logout_redirect_uri') ?? '/';
      return void res.writeHead(302, { location: back }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') === 'authorization_code') {
          const challenge = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          const computed = crypto.createHash('sha256').update(verifier).digest('base64url');
          if (!challenge || computed !== challenge)
            return void res.writeHead(400).end('{"error":"invalid_grant"}');
          log.pkceExchanges++;
        } else if (form.get('grant_type') === 'refresh_token' && form.get('refresh_token')) {
          log.refreshes++;
        } else return void res.writeHead(400).end('{"error":"unsupported_grant_type"}');
        void tokens().then(json);
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) =>
    server.listen(Number(new URL(E2E_ISSUER).port), '127.0.0.1', resolve),
  );
  return { log, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('a counsellor signs in through OpenID Connect with PKCE, is renewed and signs out', async ({
  page,
}) => {
  const issuer = await startLocalIssuer();
  try {
    await page.addInitScript(() => {
      if (!localStorage.getItem('osaamo.language')) localStorage.setItem('osaamo.language', 'fi');
    });
    await page.goto('/sign-in');
    const button = page.getByRole('button', { name: 'Kirjaudu: Testitunnistus' });
    await expect(button).toBeVisible();
    await expectAccessible(page, 'the sign-in page with an issuer');

    await button.click();
    await expect(page).toHaveURL(/\/jobseekers$/);
    await expect(page.getByText(/Kirjautunut: maija\.neuvoja/)).toBeVisible();
    expect(issuer.log).toMatchObject({ authorizations: 1, pkceExchanges: 1 });

    // The server accepts the issuer's token and maps it: the same jobseekers as the area's
    // counsellor of the fixtures sees.
    const count = async (token: string) => {
      const response = await page.request.post('/graphql', {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        data: { query: '{ jobseekers(first: 100) { totalCount } }' },
      });
      return ((await response.json()) as { data: { jobseekers: { totalCount: number } } }).data
        .jobseekers.totalCount;
    };
    const sessionToken = () =>
      page.evaluate(
        () => (JSON.parse(sessionStorage.getItem('osaamo.session')!) as { token: string }).token,
      );
    const first = await sessionToken();
    const viaIssuer = await count(first);
    expect(viaIssuer).toBeGreaterThan(0);
    expect(viaIssuer).toBe(await count(await tokenFor(page, 'neuvoja')));

    // Renewal a minute before expiry: a refresh_token grant, no iframe.
    await expect.poll(() => issuer.log.refreshes, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(sessionToken).not.toBe(first);
    expect(await page.locator('iframe').count()).toBe(0);

    // Swedish texts on the sign-in page after signing out at the issuer.
    await page.evaluate(() => localStorage.setItem('osaamo.language', 'sv'));
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect.poll(() => issuer.log.logouts).toBe(1);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Logga in: Testidentifiering' })).toBeVisible();
  } finally {
    await issuer.close();
  }
});
