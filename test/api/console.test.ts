import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { DEVELOPMENT_SECRET } from '../../src/config';
import { consoleRouter } from '../../src/api/http/console';
import { startTestApp, TestApp } from '../support/test-app';

describe('the console route (a built console in a scratch folder)', () => {
  let server: http.Server;
  let url: string;
  let directory: string;
  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'osaamo-console-'));
    fs.mkdirSync(path.join(directory, 'assets'));
    fs.writeFileSync(path.join(directory, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(directory, 'assets', 'index-abc.js'), 'console.log(1);'.repeat(200));
    const app = express();
    app.use(consoleRouter({ developmentSignIn: false, issuers: [] }, directory));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it("answers the app's own paths with index.html, never cached, under a CSP without inline scripts", async () => {
    for (const route of ['/', '/index.html', '/jobseekers/054fb3b6', '/vacancies/1/requirements']) {
      const response = await fetch(`${url}${route}`, { headers: { accept: 'text/html' } });
      expect({ route, status: response.status }).toEqual({ route, status: 200 });
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy');
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      // Calls and form posts to this origin only (no issuers configured here).
      expect(csp).toMatch(/connect-src 'self'(;|$)/);
    }
  });

  it('serves hashed assets compressed and cached for a year; a missing asset is a 404, not the app', async () => {
    const asset = await fetch(`${url}/assets/index-abc.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect((await fetch(`${url}/assets/gone.js`)).status).toBe(404);
  });

  it('leaves the API paths alone and tells the console its sign-in methods', async () => {
    for (const route of ['/graphql', '/explorer/', '/readyz', '/dev/users'])
      expect((await fetch(`${url}${route}`, { headers: { accept: 'text/html' } })).status).toBe(
        404,
      );
    expect(await (await fetch(`${url}/console-config.json`)).json()).toEqual({
      developmentSignIn: false,
      issuers: [],
    });
  });
});

describe('development sign-in', () => {
  it('is absent outside development and where the secret is not the public development one', async () => {
    for (const overrides of [
      { development: false },
      { development: true },
      { development: false, jwtSecret: DEVELOPMENT_SECRET },
    ]) {
      const t = await startTestApp(overrides);
      try {
        expect((await fetch(`${t.url}/dev/users`)).status).toBe(404);
        const signIn = await fetch(`${t.url}/dev/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'neuvoja' }),
        });
        expect(signIn.status).not.toBe(200);
        expect(await (await fetch(`${t.url}/console-config.json`)).json()).toMatchObject({
          developmentSignIn: false,
        });
      } finally {
        await t.stop();
      }
    }
  });

  describe('in development with the public secret', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ development: true, jwtSecret: DEVELOPMENT_SECRET });
    });
    afterAll(() => t.stop());

    it('lists the fixture users and issues a token the API accepts for the one picked', async () => {
      const users = (await (await fetch(`${t.url}/dev/users`)).json()) as { user: string }[];
      expect(users.map((u) => u.user)).toEqual(expect.arrayContaining(['neuvoja', 'tyonantaja-1']));
      const response = await fetch(`${t.url}/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'tyonantaja-1' }),
      });
      const { token } = (await response.json()) as { token: string };
      const actor = await t.app.services.tokens.verify(token);
      expect(actor).toMatchObject({
        id: 'tyonantaja-1',
        role: 'employer',
        employerId: expect.any(String),
      });
      expect(await (await fetch(`${t.url}/console-config.json`)).json()).toMatchObject({
        developmentSignIn: true,
      });
    });

    it('refuses a user that is not a fixture user, naming the field', async () => {
      const response = await fetch(`${t.url}/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'root' }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'user: no fixture user is called "root"' });
    });
  });
});
