import {
  ConfigurationError,
  DEVELOPMENT_SECRET,
  developmentSecretNotice,
  loadConfig,
  REQUIRED_SECRETS,
} from '../../src/config';
import { TokenService } from '../../src/auth/token.service';

/**
 * Issue 12, finding 12: an unconfigured deployment is refused, never quietly unsafe.
 * Development (and its public secret) is chosen explicitly with NODE_ENV; otherwise every
 * secret must be set and none falls back to the development secret or to another secret.
 */
describe('configuration of secrets', () => {
  const JWT = 'a-production-jwt-secret-of-enough-length!';
  const PSEUDONYMS = 'a-production-pseudonym-secret-long-enough';

  it('refuses to start without NODE_ENV and secrets, naming every missing one (finding 12)', () => {
    expect(() => loadConfig({})).toThrow(ConfigurationError);
    expect(() => loadConfig({})).toThrow(/OSAAMO_JWT_SECRET.*OSAAMO_PSEUDONYM_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /OSAAMO_JWT_SECRET.*not set.*OSAAMO_PSEUDONYM_SECRET.*not set/,
    );
  });

  it('never lets a secret fall back to the development secret or to another secret (finding 12)', () => {
    const only = { NODE_ENV: 'production', OSAAMO_JWT_SECRET: JWT };
    expect(() => loadConfig(only)).toThrow(/OSAAMO_PSEUDONYM_SECRET/);
    expect(() => loadConfig(only)).not.toThrow(/OSAAMO_JWT_SECRET/);
    expect(() =>
      loadConfig({ OSAAMO_JWT_SECRET: 'short', OSAAMO_PSEUDONYM_SECRET: PSEUDONYMS }),
    ).toThrow(/OSAAMO_JWT_SECRET .*at least 32 characters/);
    const config = loadConfig({ OSAAMO_JWT_SECRET: JWT, OSAAMO_PSEUDONYM_SECRET: PSEUDONYMS });
    expect(config).toMatchObject({
      development: false,
      jwtSecret: JWT,
      pseudonymSecret: PSEUDONYMS,
      developmentSecrets: [],
    });
    expect(developmentSecretNotice(config)).toBeUndefined();
  });

  it('refuses the public development secret and one secret for two purposes outside development (finding 12)', () => {
    expect(() =>
      loadConfig({ OSAAMO_JWT_SECRET: DEVELOPMENT_SECRET, OSAAMO_PSEUDONYM_SECRET: PSEUDONYMS }),
    ).toThrow(/OSAAMO_JWT_SECRET .*public development secret/);
    expect(() =>
      loadConfig({ OSAAMO_JWT_SECRET: JWT, OSAAMO_PSEUDONYM_SECRET: DEVELOPMENT_SECRET }),
    ).toThrow(/OSAAMO_PSEUDONYM_SECRET .*public development secret/);
    expect(() => loadConfig({ OSAAMO_JWT_SECRET: JWT, OSAAMO_PSEUDONYM_SECRET: JWT })).toThrow(
      /must differ/,
    );
    // In development both may be the development secret.
    expect(loadConfig({ NODE_ENV: 'development' }).jwtSecret).toBe(DEVELOPMENT_SECRET);
  });

  it('refuses tokens signed with the development secret when development was not chosen (finding 12)', async () => {
    const token = await new TokenService(DEVELOPMENT_SECRET).issue({ id: 'x', role: 'admin' });
    const config = loadConfig({ OSAAMO_JWT_SECRET: JWT, OSAAMO_PSEUDONYM_SECRET: PSEUDONYMS });
    await expect(new TokenService(config.jwtSecret).verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('trusts the development secret only when development is chosen, and says so (finding 12)', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config).toMatchObject({
      development: true,
      jwtSecret: DEVELOPMENT_SECRET,
      pseudonymSecret: DEVELOPMENT_SECRET,
      developmentSecrets: Object.values(REQUIRED_SECRETS).map((s) => s.env),
    });
    expect(developmentSecretNotice(config)).toEqual({
      secrets: 'OSAAMO_JWT_SECRET, OSAAMO_PSEUDONYM_SECRET',
      reason: expect.stringMatching(/development secret/),
    });
    // A secret that is set is used, also in development.
    expect(
      loadConfig({ NODE_ENV: 'development', OSAAMO_JWT_SECRET: JWT }).developmentSecrets,
    ).toEqual(['OSAAMO_PSEUDONYM_SECRET']);
  });

  it('listens beyond loopback in development only when configured to (finding 12)', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost'])
      expect(loadConfig({ NODE_ENV: 'development', HOST: host }).host).toBe(host);
    for (const host of ['0.0.0.0', '::', '192.168.1.10'])
      expect(() => loadConfig({ NODE_ENV: 'development', HOST: host })).toThrow(
        /OSAAMO_ALLOW_NON_LOOPBACK=true/,
      );
    expect(
      loadConfig({ NODE_ENV: 'development', HOST: '0.0.0.0', OSAAMO_ALLOW_NON_LOOPBACK: 'true' })
        .host,
    ).toBe('0.0.0.0');
    expect(
      loadConfig({ HOST: '0.0.0.0', OSAAMO_JWT_SECRET: JWT, OSAAMO_PSEUDONYM_SECRET: PSEUDONYMS })
        .host,
    ).toBe('0.0.0.0');
  });
});

describe('configuration of numbers', () => {
  const DEV = { NODE_ENV: 'development' };

  it('names the variable that is not a number, with its value, and every such one', () => {
    expect(() => loadConfig({ ...DEV, PORT: 'abc' })).toThrow(ConfigurationError);
    expect(() => loadConfig({ ...DEV, PORT: 'abc' })).toThrow(
      'PORT must be a whole number, not "abc"',
    );
    expect(() =>
      loadConfig({ ...DEV, PORT: '-1', OSAAMO_EXTERNAL_SCORE_THRESHOLD: '1.5' }),
    ).toThrow(
      'PORT must be a whole number, not "-1"; OSAAMO_EXTERNAL_SCORE_THRESHOLD must be a number between 0 and 1, not "1.5"',
    );
    expect(() => loadConfig({ ...DEV, OSAAMO_FEED_POLL_MS: '2.5' })).toThrow(
      /^OSAAMO_FEED_POLL_MS must be a whole number/,
    );
  });

  it('reads numbers, and takes the default for an unset or empty variable', () => {
    const config = loadConfig({ ...DEV, PORT: '8080', OSAAMO_EXTERNAL_SCORE_THRESHOLD: '0.25' });
    expect(config.port).toBe(8080);
    expect(config.external.fallback.scoreThreshold).toBe(0.25);
    expect(loadConfig({ ...DEV, PORT: '' }).port).toBe(4000);
    expect(loadConfig(DEV)).toMatchObject({ port: 4000, bodyLimitBytes: 100 * 1024 });
  });
});

describe('configuration of the national sync', () => {
  const DEV = { NODE_ENV: 'development' };

  it('defaults to every 15 minutes, the full pull from 03:00 Helsinki time, all Finland, the pull limits', () => {
    const config = loadConfig(DEV);
    expect(config.nationalSync).toEqual({
      enabled: true,
      intervalMs: 15 * 60_000,
      nightlyHour: 3,
      municipalityIn: [],
      regionIn: [],
    });
    expect(config.external.national).toMatchObject({
      pullMaxBytes: 512 * 1024 * 1024,
      pullTimeoutMs: 10 * 60_000,
      minUsableShare: 0.9,
    });
  });

  it('schedules the sync unless OSAAMO_NATIONAL_SYNC is false', () => {
    expect(loadConfig(DEV).nationalSync.enabled).toBe(true);
    expect(loadConfig({ ...DEV, OSAAMO_NATIONAL_SYNC: 'false' }).nationalSync.enabled).toBe(false);
  });

  it('reads the interval, the hour, the area, the limits and the unusable share that fails a run', () => {
    const config = loadConfig({
      ...DEV,
      OSAAMO_NATIONAL_SYNC_MINUTES: '5',
      OSAAMO_NATIONAL_SYNC_NIGHTLY_HOUR: '0',
      OSAAMO_NATIONAL_AREA_MUNICIPALITIES: '297, 687,749',
      OSAAMO_NATIONAL_AREA_REGIONS: '11',
      OSAAMO_NATIONAL_PULL_MAX_BYTES: '1000000',
      OSAAMO_NATIONAL_PULL_TIMEOUT_MS: '60000',
      OSAAMO_NATIONAL_MAX_UNUSABLE_SHARE: '0.25',
    });
    expect(config.nationalSync).toEqual({
      enabled: true,
      intervalMs: 5 * 60_000,
      nightlyHour: 0,
      municipalityIn: ['297', '687', '749'],
      regionIn: ['11'],
    });
    expect(config.external.national).toMatchObject({
      pullMaxBytes: 1_000_000,
      pullTimeoutMs: 60_000,
      minUsableShare: 0.75,
    });
  });

  it('names each variable that is wrong', () => {
    expect(() => loadConfig({ ...DEV, OSAAMO_NATIONAL_SYNC_MINUTES: '0' })).toThrow(
      'OSAAMO_NATIONAL_SYNC_MINUTES must be a whole number from 1 to 1440, not "0"',
    );
    expect(() => loadConfig({ ...DEV, OSAAMO_NATIONAL_SYNC_NIGHTLY_HOUR: '24' })).toThrow(
      /^OSAAMO_NATIONAL_SYNC_NIGHTLY_HOUR must be a whole number from 0 to 23/,
    );
    expect(() => loadConfig({ ...DEV, OSAAMO_NATIONAL_MAX_UNUSABLE_SHARE: '2' })).toThrow(
      /^OSAAMO_NATIONAL_MAX_UNUSABLE_SHARE must be a number between 0 and 1/,
    );
    expect(() => loadConfig({ ...DEV, OSAAMO_NATIONAL_AREA_MUNICIPALITIES: '297,Kuopio' })).toThrow(
      /^OSAAMO_NATIONAL_AREA_MUNICIPALITIES must be municipality codes of 3 digits/,
    );
    expect(() => loadConfig({ ...DEV, OSAAMO_NATIONAL_AREA_REGIONS: '1' })).toThrow(
      /^OSAAMO_NATIONAL_AREA_REGIONS must be region codes of 2 digits/,
    );
  });
});

describe("configuration of Job Market Finland's profile service", () => {
  const dev = { NODE_ENV: 'test' };
  const registration = (prefix: string) => ({
    [prefix]: 'true',
    [`${prefix}_API_URL`]: 'https://tmt.example/profile',
    [`${prefix}_TOKEN_URL`]: 'https://tmt.example/v1/request-token',
    [`${prefix}_PERMIT_URL_FI`]: 'https://tmt.example/fi/lupa',
    [`${prefix}_PERMIT_URL_SV`]: 'https://tmt.example/sv/tillstand',
    [`${prefix}_PERMIT_URL_EN`]: 'https://tmt.example/en/permit',
    [`${prefix}_REDIRECT_URI`]: 'https://osaamo.example/job-market-finland/permit',
    [`${prefix}_CLIENT_ID`]: `${prefix}-id`,
    [`${prefix}_CLIENT_SECRET`]: `${prefix}-secret`,
    [`${prefix}_SUBSCRIPTION_KEY`]: `${prefix}-key`,
  });

  it('keeps import and export off unless each is switched on, with no default address', () => {
    expect(loadConfig(dev).tmtProfile).toEqual({ import: null, export: null });
    const onlyImport = loadConfig({ ...dev, ...registration('OSAAMO_TMT_IMPORT') }).tmtProfile;
    expect(onlyImport.export).toBeNull();
    expect(onlyImport.import).toEqual({
      apiUrl: 'https://tmt.example/profile',
      tokenUrl: 'https://tmt.example/v1/request-token',
      permitUrls: {
        fi: 'https://tmt.example/fi/lupa',
        sv: 'https://tmt.example/sv/tillstand',
        en: 'https://tmt.example/en/permit',
      },
      redirectUri: 'https://osaamo.example/job-market-finland/permit',
      clientId: 'OSAAMO_TMT_IMPORT-id',
      clientSecret: 'OSAAMO_TMT_IMPORT-secret',
      subscriptionKey: 'OSAAMO_TMT_IMPORT-key',
      timeoutMs: 10_000,
      maxResponseBytes: 5 * 1024 * 1024,
    });
    const onlyExport = loadConfig({ ...dev, ...registration('OSAAMO_TMT_EXPORT') }).tmtProfile;
    expect(onlyExport.import).toBeNull();
    expect(onlyExport.export?.clientId).toBe('OSAAMO_TMT_EXPORT-id');
    // Configured but switched off: off.
    const off = { ...registration('OSAAMO_TMT_IMPORT'), OSAAMO_TMT_IMPORT: 'false' };
    expect(loadConfig({ ...dev, ...off }).tmtProfile.import).toBeNull();
  });

  it('names every variable missing when a direction is on, never a secret falling back', () => {
    const error = (() => {
      try {
        loadConfig({ ...dev, OSAAMO_TMT_EXPORT: 'true' });
      } catch (e) {
        return e as Error;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    for (const suffix of [
      'API_URL',
      'TOKEN_URL',
      'PERMIT_URL_FI',
      'PERMIT_URL_SV',
      'PERMIT_URL_EN',
      'REDIRECT_URI',
      'CLIENT_ID',
      'CLIENT_SECRET',
      'SUBSCRIPTION_KEY',
    ])
      expect(error.message).toContain(`OSAAMO_TMT_EXPORT_${suffix} is not set`);
    // Also in development: no development value stands in for KEHA's credentials.
    const noSecret = { ...registration('OSAAMO_TMT_IMPORT'), OSAAMO_TMT_IMPORT_CLIENT_SECRET: '' };
    expect(() => loadConfig({ NODE_ENV: 'development', ...noSecret })).toThrow(
      /^OSAAMO_TMT_IMPORT_CLIENT_SECRET is not set/,
    );
  });

  it('refuses a wrong switch, an address that is not https (http only on loopback) and a bad timeout, naming the variable', () => {
    expect(() => loadConfig({ ...dev, OSAAMO_TMT_IMPORT: 'yes' })).toThrow(
      /OSAAMO_TMT_IMPORT must be true or false/,
    );
    const plain = { ...registration('OSAAMO_TMT_IMPORT') };
    plain.OSAAMO_TMT_IMPORT_TOKEN_URL = 'http://tmt.example/token';
    plain.OSAAMO_TMT_IMPORT_PERMIT_URL_SV = 'not a url';
    expect(() => loadConfig({ ...dev, ...plain })).toThrow(
      /OSAAMO_TMT_IMPORT_TOKEN_URL must be an https URL.*OSAAMO_TMT_IMPORT_PERMIT_URL_SV must be an https URL/,
    );
    const loopback = { ...registration('OSAAMO_TMT_IMPORT') };
    loopback.OSAAMO_TMT_IMPORT_API_URL = 'http://127.0.0.1:4103';
    expect(loadConfig({ ...dev, ...loopback }).tmtProfile.import?.apiUrl).toBe(
      'http://127.0.0.1:4103',
    );
    expect(() => loadConfig({ ...dev, OSAAMO_TMT_TIMEOUT_MS: '0' })).toThrow(
      /OSAAMO_TMT_TIMEOUT_MS must be a whole number/,
    );
  });
});
