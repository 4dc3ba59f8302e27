import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { TokenService } from '../../src/auth/token.service';
import { readOidcIssuers, OidcIssuerConfig } from '../../src/auth/oidc-issuers';
import { ConfigurationError, loadConfig } from '../../src/config';
import { consoleIssuers, consoleRouter } from '../../src/api/http/console';

/**
 * Issue 16, sign-in: access tokens of configured OpenID Connect issuers are verified with the
 * keys the issuer publishes (discovery → jwks_uri) and mapped to an actor by configuration; the
 * server's own HS256 tokens keep working. The issuer is a small local one started here.
 */

interface LocalIssuer {
  url: string;
  sign(
    claims: Record<string, unknown>,
    options?: { key?: KeyLike; kid?: string; expiresIn?: string | number },
  ): Promise<string>;
  close(): Promise<void>;
}

async function startIssuer(): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
  let url = '';
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration')
      return void res.end(JSON.stringify({ issuer: url, jwks_uri: `${url}/jwks` }));
    if (req.url === '/jwks') return void res.end(JSON.stringify({ keys: [jwk] }));
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    sign: (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'key-1' })
        .setIssuer(url)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(options.key ?? privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('OpenID Connect access tokens', () => {
  let staff: LocalIssuer;
  let issuers: OidcIssuerConfig[];
  let tokens: TokenService;
  const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
  const EMPLOYER_ISSUER = 'https://tunnistautuminen.suomi.fi/oidc';

  beforeAll(async () => {
    staff = await startIssuer();
    issuers = readOidcIssuers(
      JSON.stringify([
        {
          issuer: staff.url,
          clientId: 'osaamo-console',
          audience: 'osaamo-api',
          name: { fi: 'KEHA-keskus', sv: 'KEHA-centret', en: 'KEHA Centre' },
          claims: {
            subject: 'sub',
            role: {
              claim: 'groups',
              values: { 'osaamo-neuvojat': 'counsellor', 'osaamo-yllapito': 'admin' },
            },
            employmentArea: { claim: 'org.area', values: { '0297': 'kuopio', '0167': 'joensuu' } },
          },
        },
        {
          issuer: EMPLOYER_ISSUER,
          clientId: 'osaamo',
          audience: 'osaamo-api',
          name: 'Suomi.fi',
          claims: { role: { value: 'employer' }, employerId: { claim: 'businessId' } },
        },
      ]),
      'osaamo',
    );
    tokens = new TokenService(SECRET, issuers);
  });
  afterAll(() => staff.close());

  const counsellorClaims = {
    sub: 'staff-42',
    aud: 'osaamo-api',
    groups: ['everyone', 'osaamo-neuvojat'],
    org: { area: '0297' },
  };

  it('accepts a token of a configured issuer and maps its claims to the actor', async () => {
    await expect(tokens.verify(await staff.sign(counsellorClaims))).resolves.toEqual({
      id: `${staff.url}#staff-42`,
      role: 'counsellor',
      employmentArea: 'kuopio',
    });
    // The first group the map knows gives the role; no area is needed for an administrator.
    await expect(
      tokens.verify(
        await staff.sign({ sub: 'a-1', aud: 'osaamo-api', groups: ['osaamo-yllapito'] }),
      ),
    ).resolves.toEqual({ id: `${staff.url}#a-1`, role: 'admin' });
  });

  it("names the issuer in the actor's id: a subject is unique within its issuer only", async () => {
    const actor = await tokens.verify(await staff.sign({ ...counsellorClaims, sub: 'neuvoja' }));
    expect(actor.id).not.toBe('neuvoja');
    expect(actor.id).toBe(`${staff.url}#neuvoja`);
  });

  it('refuses an ID token sent as an access token', async () => {
    for (const claim of ['nonce', 'at_hash', 'c_hash'])
      await expect(
        tokens.verify(await staff.sign({ ...counsellorClaims, [claim]: 'x' })),
      ).rejects.toThrow(/an ID token is not an access token/);
  });

  it('refuses groups that map to more than one role', async () => {
    await expect(
      tokens.verify(
        await staff.sign({ ...counsellorClaims, groups: ['osaamo-neuvojat', 'osaamo-yllapito'] }),
      ),
    ).rejects.toThrow(/more than one role/);
  });

  it("keeps the server's own HS256 tokens working beside the issuers", async () => {
    const own = await tokens.issue({ id: 'neuvoja', role: 'counsellor', employmentArea: 'kuopio' });
    await expect(tokens.verify(own)).resolves.toMatchObject({ id: 'neuvoja', role: 'counsellor' });
  });

  it.each([
    ['another audience', { ...counsellorClaims, aud: 'someone-else' }, {}, /another audience/],
    [
      'an expired token',
      counsellorClaims,
      { expiresIn: Math.floor(Date.now() / 1000) - 120 },
      /expired/,
    ],
    [
      'an unknown role value',
      { ...counsellorClaims, groups: ['osaamo-johto'] },
      {},
      /"groups" gives no known role/,
    ],
    [
      'a counsellor without an area',
      { ...counsellorClaims, org: { area: '9999' } },
      {},
      /"org.area" gives no employmentArea/,
    ],
    [
      'a token without a subject',
      { aud: 'osaamo-api', groups: ['osaamo-yllapito'] },
      {},
      /no "sub" claim/,
    ],
  ])('refuses %s', async (_case, claims, options, reason) => {
    await expect(tokens.verify(await staff.sign(claims, options))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(reason),
    });
  });

  it('refuses a token signed with a key the issuer does not publish', async () => {
    const { privateKey: rogue } = await generateKeyPair('RS256');
    await expect(
      tokens.verify(await staff.sign(counsellorClaims, { key: rogue, kid: 'rogue' })),
    ).rejects.toMatchObject({ message: expect.stringMatching(/key its issuer does not publish/) });
    // The published key id, another key: the signature does not hold.
    await expect(
      tokens.verify(await staff.sign(counsellorClaims, { key: rogue })),
    ).rejects.toMatchObject({ message: expect.stringMatching(/signature is not valid/) });
  });

  it('refuses a token of an issuer that is not configured, naming it', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT(counsellorClaims)
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('https://idp.example.com')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(tokens.verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(
        /issuer "https:\/\/idp.example.com" is not one this server trusts/,
      ),
    });
  });

  it('refuses a token with an HS256 signature claiming to come from an issuer', async () => {
    const forged = await new SignJWT(counsellorClaims)
      .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
      .setIssuer(staff.url)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    await expect(tokens.verify(forged)).rejects.toMatchObject({
      message: expect.stringMatching(/algorithm that is not accepted/),
    });
  });

  it('gives the console the issuers and their mapping at /console-config.json', async () => {
    const app = express().use(
      consoleRouter({ developmentSignIn: false, issuers: consoleIssuers(issuers) }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/console-config.json`,
      );
      expect(await response.json()).toEqual({
        developmentSignIn: false,
        issuers: [
          {
            name: { fi: 'KEHA-keskus', sv: 'KEHA-centret', en: 'KEHA Centre' },
            issuer: staff.url,
            clientId: 'osaamo-console',
            scope: 'openid profile offline_access',
            claims: issuers[0]!.claims,
          },
          {
            name: { fi: 'Suomi.fi', sv: 'Suomi.fi', en: 'Suomi.fi' },
            issuer: EMPLOYER_ISSUER,
            clientId: 'osaamo',
            scope: 'openid profile offline_access',
            claims: { role: { value: 'employer' }, employerId: { claim: 'businessId' } },
          },
        ],
      });
    } finally {
      server.close();
    }
  });
});

describe('configuration of OpenID Connect issuers (OSAAMO_OIDC_ISSUERS)', () => {
  const env = (issuers: unknown) => ({
    NODE_ENV: 'test',
    OSAAMO_OIDC_ISSUERS: typeof issuers === 'string' ? issuers : JSON.stringify(issuers),
  });
  const valid = {
    issuer: 'https://login.example.fi',
    clientId: 'osaamo',
    audience: 'osaamo-api',
    name: 'Example',
    claims: { role: { value: 'counsellor' }, employmentArea: { claim: 'area' } },
  };

  it('reads none when unset, and fills in the defaults', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).oidcIssuers).toEqual([]);
    expect(loadConfig(env([valid])).oidcIssuers).toEqual([
      expect.objectContaining({
        audience: 'osaamo-api',
        scope: 'openid profile offline_access',
        algorithms: ['RS256', 'PS256', 'ES256'],
      }),
    ]);
  });

  it.each([
    ['not JSON', '[{', /OSAAMO_OIDC_ISSUERS must be JSON/],
    ['no client id', [{ ...valid, clientId: undefined }], /OSAAMO_OIDC_ISSUERS\[0\]\.clientId/],
    ['no audience', [{ ...valid, audience: undefined }], /OSAAMO_OIDC_ISSUERS\[0\]\.audience/],
    [
      'a role read from a claim without a map',
      [{ ...valid, claims: { role: { claim: 'role' } } }],
      /OSAAMO_OIDC_ISSUERS\[0\]\.claims\.role/,
    ],
    [
      'plain http elsewhere',
      [{ ...valid, issuer: 'http://login.example.fi' }],
      /OSAAMO_OIDC_ISSUERS\[0\]\.issuer must be an https URL/,
    ],
    [
      'a role that does not exist',
      [{ ...valid, claims: { role: { claim: 'g', values: { x: 'boss' } } } }],
      /OSAAMO_OIDC_ISSUERS\[0\]\.claims\.role/,
    ],
    [
      'a symmetric algorithm',
      [{ ...valid, algorithms: ['HS256'] }],
      /OSAAMO_OIDC_ISSUERS\[0\]\.algorithms\[0\]/,
    ],
    ['the same issuer twice', [valid, valid], /OSAAMO_OIDC_ISSUERS\[1\]\.issuer is listed twice/],
    [
      'the server’s own issuer',
      [{ ...valid, issuer: 'osaamo' }],
      /OSAAMO_OIDC_ISSUERS\[0\]\.issuer/,
    ],
    ['an unknown field', [{ ...valid, clientSecret: 'x' }], /OSAAMO_OIDC_ISSUERS\[0\]/],
  ])('refuses %s at start, naming the variable', (_case, issuers, message) => {
    expect(() => loadConfig(env(issuers))).toThrow(ConfigurationError);
    expect(() => loadConfig(env(issuers))).toThrow(message);
  });
});
