/**
 * The one plain HTTP route outside GraphQL: where Job Market Finland's permit page sends the
 * person back (the redirect URI registered with KEHA points here). It hands the query to the
 * transfer service and answers with a short page in the person's language that says what
 * happened and what happens next. The page shows no personal data; it is not cached, not
 * framed, and sends no referrer (the address carries the code and state).
 */
import { Request, RequestHandler, Response } from 'express';
import { log } from '../kernel/logger';
import { message } from '../kernel/messages/messages';
import {
  CallbackOutcome,
  CallbackResult,
  ProfileTransferService,
} from './profile-transfer.service';

export { TMT_CALLBACK_PATH } from './callback-path';

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

/** The page: fixed texts of the catalogue only, so nothing needs escaping. */
export function page(result: CallbackResult): string {
  const language = result.language === 'sv' || result.language === 'en' ? result.language : 'fi';
  const key =
    result.outcome !== 'completed'
      ? result.outcome
      : result.direction === 'export'
        ? 'exported'
        : result.draftMade === false
          ? 'completedNoDraft'
          : 'completed';
  const text = {
    title: message(language, `transfer.${key}.title`),
    body: message(language, `transfer.${key}.body`),
  };
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title} – Osaamo</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body><h1>${text.title}</h1><p>${text.body}</p></body></html>
`;
}
