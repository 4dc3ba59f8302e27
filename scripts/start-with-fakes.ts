/**
 * `npm run start:with-fakes`: the server as `npm start` runs it, with the fake Job Market
 * Finland (job postings, and the competence-profile service with its permit page) and EURES
 * services on loopback ports and the server configured to use them, so that the fallback and
 * the profile import and export can be tried on the fixtures without credentials (or the
 * internet). The fake permit page asks the person (grant or refuse) instead of signing in.
 */
import { createEuresFake } from './fakes/eures-fake';
import { createNationalFake } from './fakes/national-fake';
import {
  createTmtProfileFake,
  TMT_FAKE_CLIENTS,
  TMT_FAKE_TOKEN_PATH,
  tmtFakePermitPath,
} from './fakes/tmt-profile-fake';
import { TMT_CALLBACK_PATH } from '../src/profile-transfers/callback-path';

async function main(): Promise<void> {
  const eures = await createEuresFake().start(Number(process.env.FAKE_EURES_PORT ?? 4101));
  const national = await createNationalFake().start(Number(process.env.FAKE_NATIONAL_PORT ?? 4102));
  const tmt = createTmtProfileFake();
  tmt.tmt.decision = 'ask';
  await tmt.start(Number(process.env.FAKE_TMT_PROFILE_PORT ?? 4103));
  process.env.OSAAMO_EURES_URL = eures.url;
  process.env.OSAAMO_NATIONAL_URL = national.url;
  process.env.OSAAMO_NATIONAL_TOKEN ??= 'fake-token';
  process.env.OSAAMO_NATIONAL_SUBSCRIPTION_KEY ??= 'fake-key';
  const port = process.env.PORT ?? '4000';
  for (const [direction, client] of [
    ['IMPORT', TMT_FAKE_CLIENTS.find((c) => c.direction === 'read')!],
    ['EXPORT', TMT_FAKE_CLIENTS.find((c) => c.direction === 'write')!],
  ] as const) {
    const prefix = `OSAAMO_TMT_${direction}`;
    process.env[prefix] ??= 'true';
    process.env[`${prefix}_API_URL`] ??= tmt.url;
    process.env[`${prefix}_TOKEN_URL`] ??= tmt.url + TMT_FAKE_TOKEN_PATH;
    for (const language of ['fi', 'sv', 'en'])
      process.env[`${prefix}_PERMIT_URL_${language.toUpperCase()}`] ??=
        tmt.url + tmtFakePermitPath(language);
    process.env[`${prefix}_REDIRECT_URI`] ??= `http://127.0.0.1:${port}${TMT_CALLBACK_PATH}`;
    process.env[`${prefix}_CLIENT_ID`] ??= client.clientId;
    process.env[`${prefix}_CLIENT_SECRET`] ??= client.clientSecret;
    process.env[`${prefix}_SUBSCRIPTION_KEY`] ??= client.subscriptionKey;
  }
  console.log(
    `fakes: EURES ${eures.url}, Job Market Finland ${national.url}, Job Market Finland profiles ${tmt.url}`,
  );
  // The server's own entry point: configuration is read from the environment set above.
  await import('../src/server');
}

void main();
