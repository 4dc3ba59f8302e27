/**
 * `npm run start:with-fakes`: the server as `npm start` runs it, with the fake Job Market
 * Finland and EURES services on loopback ports and the server configured to use them, so that
 * the fallback can be tried on the fixtures without credentials (or the internet).
 */
import { createEuresFake } from './fakes/eures-fake';
import { createNationalFake } from './fakes/national-fake';

async function main(): Promise<void> {
  const eures = await createEuresFake().start(Number(process.env.FAKE_EURES_PORT ?? 4101));
  const national = await createNationalFake().start(Number(process.env.FAKE_NATIONAL_PORT ?? 4102));
  process.env.OSAAMO_EURES_URL = eures.url;
  process.env.OSAAMO_NATIONAL_URL = national.url;
  process.env.OSAAMO_NATIONAL_TOKEN ??= 'fake-token';
  process.env.OSAAMO_NATIONAL_SUBSCRIPTION_KEY ??= 'fake-key';
  console.log(`fakes: EURES ${eures.url}, Job Market Finland ${national.url}`);
  // The server's own entry point: configuration is read from the environment set above.
  await import('../src/server');
}

void main();
