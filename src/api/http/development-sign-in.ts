import express, { Router } from 'express';
import type { TokenService } from '../../auth/token.service';
import { fixtureActor, loadFixtureUsers } from '../../auth/fixture-users';

/**
 * The console's development sign-in: the fixture users and a token for the one picked. Mounted
 * only in development with the public development secret (http-server.ts), so it issues nothing
 * `npm run token` would not give anyone; absent from production and from the GraphQL schema.
 */
export function developmentSignInRouter(tokens: TokenService): Router {
  const router = Router();
  router.get('/users', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(
      loadFixtureUsers().map(({ user, role, note, employmentArea, employerId }) => ({
        user,
        role,
        note: note ?? null,
        employmentArea: employmentArea ?? null,
        employerId: employerId ?? null,
      })),
    );
  });
  router.post('/sign-in', express.json({ limit: '1kb' }), async (req, res) => {
    const name = (req.body as { user?: unknown } | undefined)?.user;
    const user = loadFixtureUsers().find((candidate) => candidate.user === name);
    if (!user)
      return void res
        .status(400)
        .json({ error: `user: no fixture user is called ${JSON.stringify(name)}` });
    res.set('Cache-Control', 'no-store').json({ token: await tokens.issue(fixtureActor(user)) });
  });
  return router;
}
