import { createHash, timingSafeEqual } from 'node:crypto';
import { Request, Response } from 'express';
import { log } from '../kernel/logger';
import { Metrics } from './metrics';

/**
 * GET /metrics in Prometheus' text format. With a token, only a scrape sending it as a bearer
 * token gets an answer (compared in constant time); without one, whoever reaches the port does,
 * so it is served that way only when configured so (see README, Configuration).
 */
export function metricsRoute(metrics: Metrics, token: string | undefined) {
  const expected = token ? digest(`Bearer ${token}`) : undefined;
  return async (req: Request, res: Response): Promise<void> => {
    if (expected) {
      const given = digest(req.headers.authorization ?? '');
      if (!timingSafeEqual(given, expected)) {
        res.status(401).set('www-authenticate', 'Bearer realm="metrics"').end();
        return;
      }
    }
    try {
      const { contentType, body } = await metrics.render();
      res.status(200).type(contentType).send(body);
    } catch (error) {
      log.error('metrics_failed', { error: `${error}` });
      res.status(500).end();
    }
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
