/**
 * `npm run smoke:national`: the first authorised pull from Job Market Finland's P67 interface,
 * to confirm the contract (fixtures/external/p67-job-posting.contract.ts) that was transcribed
 * without live traffic. Prints how many lines came, how many were usable, why the others were
 * skipped, and how often each mapped field was present; no ad's content is printed (the terms
 * forbid passing the ads on, and they hold contacts' personal data).
 *
 * Needs OSAAMO_NATIONAL_SUBSCRIPTION_KEY (the KIPA-Subscription-Key KEHA issues) and this
 * machine's IP address opened by KEHA; OSAAMO_NATIONAL_URL defaults to the test environment,
 * OSAAMO_NATIONAL_TOKEN is sent as a bearer token when set. SMOKE_DAYS (default 3) limits the
 * pull to ads modified in that many days.
 */
import { P67_BASE_URLS } from '../fixtures/external/p67-job-posting.contract';
import { COVERED_FIELDS, usableShare } from '../src/external/national-coverage';
import { PlaceLocator } from '../src/external/places';
import { NationalProvider } from '../src/external/providers/national-provider';

async function main(): Promise<number> {
  const key = process.env.OSAAMO_NATIONAL_SUBSCRIPTION_KEY;
  const baseUrl = process.env.OSAAMO_NATIONAL_URL || P67_BASE_URLS.test;
  if (!key) {
    console.error(
      'OSAAMO_NATIONAL_SUBSCRIPTION_KEY is not set: the smoke pull needs the KIPA-Subscription-Key ' +
        'KEHA issues (after the activation notification) and this address opened by KEHA. ' +
        `It would ask ${baseUrl}. Set OSAAMO_NATIONAL_TOKEN too if KEHA issued a bearer token.`,
    );
    return 2;
  }
  const days = Number(process.env.SMOKE_DAYS ?? 3);
  const provider = new NationalProvider(
    { baseUrl, subscriptionKey: key, token: process.env.OSAAMO_NATIONAL_TOKEN || undefined },
    new PlaceLocator([]),
  );
  const from = new Date(Date.now() - days * 86_400_000).toISOString();
  console.log(`Pulling ads modified since ${from} from ${baseUrl} …`);
  const started = Date.now();
  const report = await provider
    .pull({ onlyStatus: 'PUBLISHED', modified: { from } }, new AbortController().signal, () => {})
    .catch((error: Error & { report?: Parameters<typeof usableShare>[0] }) => {
      console.error(`The pull failed: ${error.message}`);
      return error.report ?? null;
    });
  if (!report) return 1;
  console.log(
    `${report.lines} lines, ${report.bytes} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `stream ${report.complete ? 'complete' : `cut off (${report.cutOff})`}`,
  );
  console.log(
    `usable ${(usableShare(report) * 100).toFixed(1)} %: ${report.ads} ads, ${report.archived} archived, ` +
      `${report.unusable} without a title or date, ${report.badLines} bad lines ${JSON.stringify(report.badReasons)}`,
  );
  console.log(`largest metadata.lastModified: ${report.maxLastModified?.toISOString() ?? '—'}`);
  console.log('field coverage over the ads (ISCO groups from ISCO URIs only: no database here):');
  for (const field of COVERED_FIELDS) {
    const share = report.ads ? (report.coverage[field] / report.ads) * 100 : 0;
    console.log(`  ${field.padEnd(18)} ${share.toFixed(1).padStart(5)} %`);
  }
  return report.complete && usableShare(report) >= 0.9 ? 0 : 1;
}

void main().then((code) => process.exit(code));
