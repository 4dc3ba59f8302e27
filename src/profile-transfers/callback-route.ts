/**
 * The one plain HTTP route outside GraphQL: where Job Market Finland's permit page sends the
 * person back (the redirect URI registered with KEHA points here). It hands the query to the
 * transfer service and answers with a short page in the person's language that says what
 * happened and what happens next. The page shows no personal data; it is not cached, not
 * framed, and sends no referrer (the address carries the code and state).
 */
import { Request, RequestHandler, Response } from 'express';
import { TmtLanguage } from '../../fixtures/external/tmt-profile.contract';
import { log } from '../kernel/logger';
import {
  CallbackOutcome,
  CallbackResult,
  ProfileTransferService,
} from './profile-transfer.service';

export { TMT_CALLBACK_PATH } from './callback-path';

type PageText = { title: string; body: string };
type Pages = Record<CallbackOutcome | 'completedNoDraft' | 'exported', PageText>;

const PAGES: Record<TmtLanguage, Pages> = {
  fi: {
    completed: {
      title: 'Profiili tuotiin',
      body: 'Työmarkkinatorin profiilisi on tuotu Osaamoon luonnokseksi. Se ei vaikuta mihinkään ennen kuin sinä tai ohjaajasi vahvistatte sen. Voit sulkea tämän ikkunan.',
    },
    completedNoDraft: {
      title: 'Profiili luettiin',
      body: 'Työmarkkinatorin profiilissasi ei ollut osaamisia, jotka Osaamo tunnistaa, joten luonnosta ei tehty. Ohjaajasi näkee, mitä profiilissa oli. Voit sulkea tämän ikkunan.',
    },
    exported: {
      title: 'Profiili vietiin',
      body: 'Vahvistettu osaamisesi on viety Työmarkkinatorin profiiliisi. Voit sulkea tämän ikkunan.',
    },
    refused: {
      title: 'Lupaa ei annettu',
      body: 'Et antanut lupaa, joten mitään ei siirretty. Voit sulkea tämän ikkunan.',
    },
    failed: {
      title: 'Siirto ei onnistunut',
      body: 'Työmarkkinatori ei vastannut odotetusti, eikä mitään tallennettu. Siirto pitää aloittaa uudelleen Osaamosta.',
    },
    expired: {
      title: 'Pyyntö vanhentui',
      body: 'Lupa pitää antaa 10 minuutin kuluessa. Siirto pitää aloittaa uudelleen Osaamosta.',
    },
    used: {
      title: 'Pyyntö on jo käytetty',
      body: 'Tämä lupa on jo käsitelty. Uusi siirto pitää aloittaa Osaamosta.',
    },
    unknown: {
      title: 'Tuntematon pyyntö',
      body: 'Osaamo ei tunne tätä pyyntöä. Siirto pitää aloittaa Osaamosta.',
    },
  },
  sv: {
    completed: {
      title: 'Profilen har hämtats',
      body: 'Din profil i Jobbmarknaden har hämtats till Osaamo som ett utkast. Den påverkar ingenting förrän du eller din handledare bekräftar den. Du kan stänga fönstret.',
    },
    completedNoDraft: {
      title: 'Profilen har lästs',
      body: 'Din profil i Jobbmarknaden innehöll ingen kompetens som Osaamo känner igen, så inget utkast gjordes. Din handledare ser vad profilen innehöll. Du kan stänga fönstret.',
    },
    exported: {
      title: 'Profilen har skickats',
      body: 'Din bekräftade kompetens har skickats till din profil i Jobbmarknaden. Du kan stänga fönstret.',
    },
    refused: {
      title: 'Inget tillstånd gavs',
      body: 'Du gav inget tillstånd, så ingenting överfördes. Du kan stänga fönstret.',
    },
    failed: {
      title: 'Överföringen misslyckades',
      body: 'Jobbmarknaden svarade inte som väntat och ingenting sparades. Överföringen måste startas på nytt i Osaamo.',
    },
    expired: {
      title: 'Begäran har gått ut',
      body: 'Tillståndet ska ges inom 10 minuter. Överföringen måste startas på nytt i Osaamo.',
    },
    used: {
      title: 'Begäran har redan använts',
      body: 'Det här tillståndet har redan behandlats. En ny överföring startas i Osaamo.',
    },
    unknown: {
      title: 'Okänd begäran',
      body: 'Osaamo känner inte till den här begäran. Överföringen startas i Osaamo.',
    },
  },
  en: {
    completed: {
      title: 'Profile imported',
      body: 'Your Job Market Finland profile is in Osaamo as a draft. It changes nothing until you or your counsellor confirm it. You can close this window.',
    },
    completedNoDraft: {
      title: 'Profile read',
      body: 'Your Job Market Finland profile named no competence Osaamo recognises, so no draft was made. Your counsellor can see what the profile held. You can close this window.',
    },
    exported: {
      title: 'Profile exported',
      body: 'Your confirmed competences were sent to your Job Market Finland profile. You can close this window.',
    },
    refused: {
      title: 'No permission given',
      body: 'You did not give permission, so nothing was transferred. You can close this window.',
    },
    failed: {
      title: 'The transfer did not succeed',
      body: 'Job Market Finland did not answer as expected and nothing was saved. The transfer must be started again from Osaamo.',
    },
    expired: {
      title: 'The request expired',
      body: 'Permission must be given within 10 minutes. The transfer must be started again from Osaamo.',
    },
    used: {
      title: 'The request was used already',
      body: 'This permission has been handled already. A new transfer is started from Osaamo.',
    },
    unknown: {
      title: 'Unknown request',
      body: 'Osaamo does not know this request. Transfers are started from Osaamo.',
    },
  },
};

/** The page's HTTP status: the person's refusal is a normal end; an unknown state is a bad request. */
const STATUS: Record<CallbackOutcome, number> = {
  completed: 200,
  refused: 200,
  failed: 502,
  expired: 410,
  used: 409,
  unknown: 400,
};

export function profileTransferCallback(transfers: ProfileTransferService): RequestHandler {
  return async (req: Request, res: Response) => {
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    let result: CallbackResult;
    try {
      result = await transfers.complete(query);
    } catch (error) {
      // The database failed: the transfer stays as it was and expires; nothing was stored.
      log.error('profile_transfer_callback_failed', { error: (error as Error)?.name ?? 'unknown' });
      result = { outcome: 'failed', direction: null, language: 'fi' };
    }
    log.info('profile_transfer_callback', {
      outcome: result.outcome,
      direction: result.direction ?? undefined,
    });
    res
      .status(STATUS[result.outcome])
      .set({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .send(page(result));
  };
}

/** The page: fixed texts only, so nothing needs escaping. */
export function page(result: CallbackResult): string {
  const pages = PAGES[result.language] ?? PAGES.fi;
  const key =
    result.outcome !== 'completed'
      ? result.outcome
      : result.direction === 'export'
        ? 'exported'
        : result.draftMade === false
          ? 'completedNoDraft'
          : 'completed';
  const text = pages[key];
  return `<!doctype html>
<html lang="${result.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title} – Osaamo</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body><h1>${text.title}</h1><p>${text.body}</p></body></html>
`;
}
