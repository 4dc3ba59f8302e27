import { useState } from 'react';
import type { Params } from 'react-router-dom';
import {
  AnyVariables,
  Client,
  createRequest,
  DocumentInput,
  useClient,
  useQuery,
  UseQueryArgs,
  UseQueryResponse,
} from 'urql';
import type { Language } from '../i18n/i18n';
import type { Session } from '../auth/session';
import type { Purpose } from './purpose';

/**
 * A view's data asked for at navigation, beside its code, instead of after the code has loaded
 * and the view has rendered once: the answer is on its way while the page is still being built.
 *
 * Each view's route names the queries it opens with (`ViewRequests`, built by the same functions
 * the view uses, so the two cannot drift apart); the view reads them with `useViewQuery`, which
 * takes the answer asked for at its navigation from the client's cache (or joins the request in
 * flight) instead of asking again: one request and one audit row per view opened, and each
 * navigation asks afresh.
 */
export interface ViewRequest {
  query: DocumentInput<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  variables: AnyVariables;
}

/** What a route's requests may depend on: the address and who asks, in which language. */
export interface ViewContext {
  params: Params;
  search: URLSearchParams;
  language: Language;
  session: Session;
  purpose: Purpose | null;
}

export type ViewRequests = (context: ViewContext) => ViewRequest[];

/**
 * How long an answer asked for at navigation waits for its view: the view that mounts for it
 * takes it (and the next navigation asks again); one never taken is not used after this.
 */
const FRESH_MS = 10_000;
/** When each request not yet taken was asked for at navigation, per client (one per purpose). */
const askedAt = new WeakMap<Client, Map<number, number>>();

function askedOf(client: Client): Map<number, number> {
  let asked = askedAt.get(client);
  if (!asked) askedAt.set(client, (asked = new Map()));
  return asked;
}

/**
 * Sends the requests not already sent within FRESH_MS; each answer lands in the client's cache.
 * Resolves when the answers sent now have come (whether data or errors).
 */
export function preloadViewData(client: Client, requests: ViewRequest[]): Promise<unknown> {
  const now = Date.now();
  const answers: Promise<unknown>[] = [];
  const asked = askedOf(client);
  for (const { query, variables } of requests) {
    const { key } = createRequest(query, variables);
    if (now - (asked.get(key) ?? -Infinity) < FRESH_MS) continue;
    asked.set(key, now);
    answers.push(client.query(query, variables, { requestPolicy: 'network-only' }).toPromise());
  }
  return Promise.all(answers);
}

/** `useQuery`, except that a request asked for at navigation is not asked again on mount. */
export function useViewQuery<Data, Variables extends AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
): UseQueryResponse<Data, Variables> {
  const client = useClient();
  const { key } = createRequest(args.query, args.variables);
  // Taken once, by the view that mounts for it: its first variables read the answer asked for at
  // navigation (or join it in flight); once they change, the view asks as usual, also if they
  // change back.
  const [preloadedKey, setPreloadedKey] = useState(() => (takePreloaded(client, key) ? key : null));
  if (preloadedKey !== null && preloadedKey !== key) setPreloadedKey(null);
  return useQuery({
    ...args,
    requestPolicy: preloadedKey === key ? 'cache-first' : args.requestPolicy,
  } as UseQueryArgs<Variables, Data>);
}

function takePreloaded(client: Client, key: number): boolean {
  const asked = askedOf(client);
  const at = asked.get(key);
  asked.delete(key);
  return at !== undefined && Date.now() - at < FRESH_MS;
}
