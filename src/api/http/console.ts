import compression from 'compression';
import express, { Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config';
import type { ClaimMapping } from '../../auth/claim-mapping';
import type { IssuerName, OidcIssuerConfig } from '../../auth/oidc-issuers';

/** Where `npm run build:web` (Vite) writes the console. */
export const CONSOLE_DIR = path.join(PROJECT_ROOT, 'dist', 'web');

/** What the console needs to know before anyone signs in. */
export interface ConsoleSettings {
  /** Whether the development sign-in (a picker of the fixture users) is offered. */
  developmentSignIn: boolean;
  /** OpenID Connect issuers the console may sign in with (none in development by default). */
  issuers: ConsoleIssuer[];
}

/**
 * An issuer as the console sees it: enough to sign in, and the claim mapping, so that the
 * screens read the access token as the server does (the server still decides access).
 */
export interface ConsoleIssuer {
  name: IssuerName;
  issuer: string;
  clientId: string;
  scope: string;
  claims: ClaimMapping;
}

export function consoleIssuers(issuers: OidcIssuerConfig[]): ConsoleIssuer[] {
  return issuers.map(({ name, issuer, clientId, scope, claims }) => ({
    name,
    issuer,
    clientId,
    scope,
    claims,
  }));
}

/**
 * The console: the built single-page app at `/`, every other path that is not a file answered
 * with its index.html (the app routes in the browser). Hashed assets are cached for a year; the
 * index never, so a new build is picked up at once.
 */
export function consoleRouter(settings: ConsoleSettings, directory = CONSOLE_DIR): Router {
  const router = Router();
  // The console's scripts and styles compress to about a third (the first load's budget is
  // counted compressed); the API's answers are left as they were.
  router.use(compression());
  router.get('/console-config.json', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(settings);
  });
  const index = path.join(directory, 'index.html');
  const csp = consoleCsp(settings.issuers.map(({ issuer }) => new URL(issuer).origin));
  router.use(
    '/assets',
    express.static(path.join(directory, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  const sendIndex = (req: express.Request, res: express.Response) => {
    if (!req.accepts('html')) return void res.status(404).end();
    if (!fs.existsSync(index))
      return void res
        .status(503)
        .type('text')
        .send('The console is not built: run `npm run build:web` (npm start does it).');
    res
      .set('Cache-Control', 'no-cache')
      .set('Content-Security-Policy', csp)
      .set('X-Content-Type-Options', 'nosniff')
      .set('Referrer-Policy', 'no-referrer')
      .sendFile(index);
  };
  // The page itself only ever with its headers (CSP, frame-ancestors), also by its file name.
  router.get('/index.html', sendIndex);
  router.use(express.static(directory, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!graphql|explorer|healthz|readyz|metrics|dev\/).*/, sendIndex);
  return router;
}

/**
 * Scripts only from this origin; styled-components injects <style> elements, hence
 * 'unsafe-inline' for styles only; calls and form posts to this origin and to the configured
 * issuers only (their discovery, token and end-session endpoints), nowhere else.
 */
function consoleCsp(issuerOrigins: string[]): string {
  const issuers = [...new Set(issuerOrigins)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${issuers}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    `form-action 'self' ${issuers}`.trim(),
  ].join('; ');
}
