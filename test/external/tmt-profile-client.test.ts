import {
  TMT_PROFILE_KEY_HEADER,
  TMT_PROFILE_PATH,
  TmtProfileRead,
  TmtProfileWrite,
} from '../../fixtures/external/tmt-profile.contract';
import {
  createTmtProfileFake,
  sampleProfile,
  TMT_FAKE_CLIENTS,
  TMT_FAKE_TOKEN_PATH,
  TmtFakeClient,
  TmtProfileFake,
} from '../../scripts/fakes/tmt-profile-fake';
import {
  TmtProfileClient,
  TmtProfileError,
  TmtProfileErrorCode,
  TmtRegistration,
} from '../../src/external/tmt-profile/tmt-profile-client';

/** The sample as a writer sends it: no labels on ESCO values, no `meta` (P51). */
function asWritten(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asWritten);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !['prefLabel', 'altLabel', 'meta'].includes(key))
      .map(([key, item]) => [key, asWritten(item)]),
  );
}

const REDIRECT = 'http://127.0.0.1:9/tmt/callback';
const [READER, WRITER] = TMT_FAKE_CLIENTS as [TmtFakeClient, TmtFakeClient];

describe("Job Market Finland's profile client against the fake", () => {
  let fake: TmtProfileFake;
  beforeAll(async () => {
    fake = await createTmtProfileFake().start();
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.clear();
    fake.tmt.reset();
  });

  const registration = (
    client: TmtFakeClient,
    overrides: Partial<TmtRegistration> = {},
  ): TmtRegistration => ({
    apiUrl: fake.url,
    tokenUrl: fake.url + TMT_FAKE_TOKEN_PATH,
    permitUrls: {
      fi: `${fake.url}/fi/authorize`,
      sv: `${fake.url}/sv/authorize`,
      en: `${fake.url}/en/authorize`,
    },
    redirectUri: REDIRECT,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    subscriptionKey: client.subscriptionKey,
    ...overrides,
  });
  const reader = (overrides: Partial<TmtRegistration> = {}) =>
    new TmtProfileClient(registration(READER, overrides));
  const writer = (overrides: Partial<TmtRegistration> = {}) =>
    new TmtProfileClient(registration(WRITER, overrides));

  /** The person grants (or not) on the permit page; the redirect is read, not followed. */
  async function permit(
    client: TmtProfileClient,
    state = 'state-1',
    language: 'fi' | 'sv' | 'en' = 'fi',
  ) {
    const page = await fetch(client.permitUrl(state, language), { redirect: 'manual' });
    expect(page.status).toBe(302);
    const back = new URL(page.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    return TmtProfileClient.readCallback(back.searchParams);
  }

  const failure = async (promise: Promise<unknown>): Promise<TmtProfileError> => {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(TmtProfileError);
      return error as TmtProfileError;
    }
    throw new Error('no error');
  };

  it('builds a localised permit URL with the four parameters and no scope', () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      const url = new URL(reader().permitUrl('s-1', language));
      expect(url.pathname).toBe(`/${language}/authorize`);
      expect(Object.fromEntries(url.searchParams)).toEqual({
        response_type: 'code',
        client_id: READER.clientId,
        redirect_uri: REDIRECT,
        state: 's-1',
      });
    }
  });

  it('exchanges a granted code for a token with client_secret_basic and the key, and reads the profile parsed', async () => {
    const client = reader();
    const { code, state } = await permit(client, 'state-42', 'sv');
    expect(state).toBe('state-42');
    expect(fake.tmt.permitLanguages).toEqual(['sv']);
    const token = await client.exchangeCode(code);
    const tokenRequest = fake.requests.find((r) => r.path === TMT_FAKE_TOKEN_PATH)!;
    expect(tokenRequest.headers.authorization).toBe(
      'Basic ' + Buffer.from(`${READER.clientId}:${READER.clientSecret}`).toString('base64'),
    );
    expect(tokenRequest.headers[TMT_PROFILE_KEY_HEADER.toLowerCase()]).toBe(READER.subscriptionKey);
    expect(Object.fromEntries(new URLSearchParams(tokenRequest.body))).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
    });
    const profile = await client.readProfile(token);
    expect(profile).toEqual(sampleProfile());
    const read = fake.requests.find((r) => r.path === TMT_PROFILE_PATH)!;
    expect(read.headers.authorization).toMatch(/^Bearer [\w-]+$/);
    expect(token.used).toBe(true);
    expect(JSON.stringify({ token })).not.toContain(read.headers.authorization!.slice(7));
    expect(read.headers[TMT_PROFILE_KEY_HEADER.toLowerCase()]).toBe(READER.subscriptionKey);
  });

  it('is refused without the subscription key, the token request included (401)', async () => {
    const { code } = await permit(reader());
    const basic = Buffer.from(`${READER.clientId}:${READER.clientSecret}`).toString('base64');
    const noKey = await fetch(fake.url + TMT_FAKE_TOKEN_PATH, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }),
    });
    expect(noKey.status).toBe(401);
    await noKey.arrayBuffer();
    const noKeyRead = await fetch(fake.url + TMT_PROFILE_PATH, {
      headers: { authorization: 'Bearer whatever' },
    });
    expect(noKeyRead.status).toBe(401);
    await noKeyRead.arrayBuffer();
    // Through the client: a wrong key, and a wrong secret.
    const { code: second } = await permit(reader());
    expect(
      await failure(reader({ subscriptionKey: 'not-issued' }).exchangeCode(second)),
    ).toMatchObject({
      code: TmtProfileErrorCode.TOKEN_REFUSED,
      extra: { status: 401 },
    });
    const { code: third } = await permit(reader());
    expect(await failure(reader({ clientSecret: 'wrong' }).exchangeCode(third))).toMatchObject({
      code: TmtProfileErrorCode.TOKEN_REFUSED,
      extra: { status: 401, oauthError: 'invalid_client' },
    });
  });

  it('exchanges a code once and uses a token once', async () => {
    const client = reader();
    const { code } = await permit(client);
    const token = await client.exchangeCode(code);
    expect(await failure(client.exchangeCode(code))).toMatchObject({
      code: TmtProfileErrorCode.TOKEN_REFUSED,
      extra: { status: 400, oauthError: 'invalid_grant' },
    });
    await client.readProfile(token);
    // The client does not try a spent permit again…
    const reads = fake.requests.length;
    expect(await failure(client.readProfile(token))).toMatchObject({
      code: TmtProfileErrorCode.TOKEN_INVALID,
      detail: 'the permit was used already',
    });
    expect(fake.requests).toHaveLength(reads);
    // …and the service refuses one used twice with 403.
    const basic = Buffer.from(`${READER.clientId}:${READER.clientSecret}`).toString('base64');
    const exchanged = await fetch(fake.url + TMT_FAKE_TOKEN_PATH, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        [TMT_PROFILE_KEY_HEADER]: READER.subscriptionKey,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: (await permit(client)).code,
        redirect_uri: REDIRECT,
      }),
    });
    const { access_token } = (await exchanged.json()) as { access_token: string };
    const get = () =>
      fetch(fake.url + TMT_PROFILE_PATH, {
        headers: {
          authorization: `Bearer ${access_token}`,
          [TMT_PROFILE_KEY_HEADER]: READER.subscriptionKey,
        },
      });
    const first = await get();
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const second = await get();
    expect(second.status).toBe(403);
    expect(await second.json()).toEqual({ error: 'invalid_token' });
    // A code exchanged with another redirect URI is refused, and spent.
    const { code: other } = await permit(client);
    expect(
      await failure(reader({ redirectUri: 'http://127.0.0.1:9/elsewhere' }).exchangeCode(other)),
    ).toMatchObject({
      extra: { oauthError: 'invalid_grant' },
    });
    expect(await failure(client.exchangeCode(other))).toMatchObject({
      extra: { oauthError: 'invalid_grant' },
    });
  });

  it('reports a refused permit with its OAuth error', async () => {
    fake.tmt.decision = 'access_denied';
    expect(await failure(permit(reader()))).toMatchObject({
      code: TmtProfileErrorCode.PERMIT_REFUSED,
      extra: { oauthError: 'access_denied' },
    });
    fake.tmt.decision = 'grant';
    expect(
      await failure(permit(new TmtProfileClient({ ...registration(READER), clientId: 'unknown' }))),
    ).toMatchObject({
      extra: { oauthError: 'invalid_request' },
    });
  });

  it('refuses a profile off the contract whole, as a typed error naming the path', async () => {
    const withLevel = structuredClone(sampleProfile()) as Record<string, unknown>;
    const skills = (withLevel.experienceDescription as { skills: Record<string, unknown>[] })
      .skills;
    skills[0]!.level = 4;
    fake.tmt.setProfile(JSON.stringify(withLevel));
    const client = reader();
    const error = await failure(
      client.readProfile(await client.exchangeCode((await permit(client)).code)),
    );
    expect(error.code).toBe(TmtProfileErrorCode.PROFILE_OFF_CONTRACT);
    expect(error.detail).toMatch(/^experienceDescription\.skills\.0: .*level/);
    // The profile's values are not in the error (personal data).
    expect(error.message).not.toContain(String(skills[0]!.uri));

    fake.tmt.setProfile('{"employments": [');
    const cut = await failure(
      client.readProfile(await client.exchangeCode((await permit(client)).code)),
    );
    expect(cut).toMatchObject({
      code: TmtProfileErrorCode.PROFILE_OFF_CONTRACT,
      detail: 'the answer is not JSON',
    });
  });

  it('stops at the size limit and the timeout, and reports 429 with its Retry-After as a service error', async () => {
    const small = reader({ maxResponseBytes: 1000 });
    const big = await failure(
      small.readProfile(await small.exchangeCode((await permit(small)).code)),
    );
    expect(big.code).toBe(TmtProfileErrorCode.TOO_LARGE);

    const hasty = reader({ timeoutMs: 100 });
    const token = await hasty.exchangeCode((await permit(hasty)).code);
    fake.fail({ kind: 'slow', delayMs: 5_000 }, 1);
    expect(await failure(hasty.readProfile(token))).toMatchObject({
      code: TmtProfileErrorCode.TIMEOUT,
    });

    const client = reader();
    const again = await client.exchangeCode((await permit(client)).code);
    fake.fail({ kind: 'status', status: 429, retryAfterSeconds: 30 }, 1);
    expect(await failure(client.readProfile(again))).toMatchObject({
      code: TmtProfileErrorCode.SERVICE_ERROR,
      extra: { status: 429, retryAfterMs: 30_000 },
    });
  });

  it('writes a profile the contract accepts, which is then the one served', async () => {
    const client = writer();
    const profile = asWritten(sampleProfile()) as TmtProfileWrite;
    await client.writeProfile(await client.exchangeCode((await permit(client)).code), profile);
    expect(fake.tmt.written).toEqual([profile]);
    expect(fake.tmt.profile).toEqual(profile as TmtProfileRead);
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.headers[TMT_PROFILE_KEY_HEADER.toLowerCase()]).toBe(WRITER.subscriptionKey);
    expect(put.headers['content-type']).toBe('application/json');
  });

  it('catches a profile the contract refuses before sending it, and the fake refuses it too', async () => {
    const client = writer();
    const token = await client.exchangeCode((await permit(client)).code);
    // Labels exist only on read: a written ESCO value is its URI alone.
    const labelled = sampleProfile() as unknown as TmtProfileWrite;
    const error = await failure(client.writeProfile(token, labelled));
    expect(error.code).toBe(TmtProfileErrorCode.WRITE_OFF_CONTRACT);
    expect(error.detail).toMatch(/prefLabel|meta/);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    // The token was not spent: the corrected profile goes with it.
    await client.writeProfile(token, asWritten(sampleProfile()) as TmtProfileWrite);

    // The fake, asked directly, names the problem with 400.
    const raw = await fetch(fake.url + TMT_PROFILE_PATH, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer unused',
        [TMT_PROFILE_KEY_HEADER]: WRITER.subscriptionKey,
      },
      body: JSON.stringify({ languageSkills: [{ code: 'fi', level: 'native' }] }),
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({
      problems: [expect.objectContaining({ path: 'languageSkills.0.level' })],
    });
  });

  it('refuses a token in the direction its registration does not allow', async () => {
    const client = reader();
    const token = await client.exchangeCode((await permit(client)).code);
    const asWriter = writer({ subscriptionKey: READER.subscriptionKey });
    expect(
      await failure(asWriter.writeProfile(token, asWritten(sampleProfile()) as TmtProfileWrite)),
    ).toMatchObject({ code: TmtProfileErrorCode.TOKEN_INVALID, extra: { status: 403 } });
    expect(fake.tmt.written).toHaveLength(0);
  });
});
