import type { Client } from 'urql';
import type { Session } from '../auth/session';
import { createClient } from './client';
import type { Purpose } from './purpose';

/**
 * The GraphQL client of the signed-in user and purpose: one at a time, made where it is first
 * needed (at start-up, to ask for the first view's data before React renders, or by the app).
 * It reads the token when it sends, so a renewed token keeps the cache; a new purpose (or user)
 * gets a new client and an empty cache, so every view asks again and each read is audited with
 * the new purpose.
 */
let current: { key: string; client: Client } | null = null;
let token = '';
let onUnauthenticated = () => {};

export function sessionClient(session: Session, purpose: Purpose | null): Client {
  token = session.token;
  const key = `${session.via}:${session.user}|${purpose ?? ''}`;
  if (current?.key !== key)
    current = {
      key,
      client: createClient(
        () => token,
        purpose,
        () => onUnauthenticated(),
      ),
    };
  return current.client;
}

/** At sign-out (auth/session.tsx): the next sign-in, even by the same user, starts afresh. */
export function forgetSessionClient(): void {
  current = null;
  token = '';
}

/** What a refused token (401) does: the app signs the user out. */
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}
