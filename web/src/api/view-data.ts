import { useEffect, useState } from 'react';
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
  // change back. Taken on mount, not while rendering: a render React throws away (an interrupted
  // concurrent render) would take it from the render that commits, which then asked again.
  const [preloaded, setPreloaded] = useState(() => {
    const at = preloadedAt(client, key);
    return at === undefined ? null : { key, at };
  });
  if (preloaded !== null && preloaded.key !== key) setPreloaded(null);
  useEffect(() => {
    if (preloaded) forgetPreloaded(client, preloaded.key, preloaded.at);
  }, [client, preloaded]);
  const preloadedKey = preloaded?.key ?? null;
  return useQuery({
    ...args,
    requestPolicy: preloadedKey === key ? 'cache-first' : args.requestPolicy,
  } as UseQueryArgs<Variables, Data>);
}

/** When the request was asked for at navigation, if its answer is still waiting for its view. */
function preloadedAt(client: Client, key: number): number | undefined {
  const at = askedOf(client).get(key);
  return at !== undefined && Date.now() - at < FRESH_MS ? at : undefined;
}

/** The answer is taken: the next navigation asks afresh (unless it already has, since). */
function forgetPreloaded(client: Client, key: number, at: number): void {
  const asked = askedOf(client);
  if (asked.get(key) === at) asked.delete(key);
}
