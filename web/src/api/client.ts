import { Client, fetchExchange, cacheExchange } from 'urql';
import type { Purpose } from './purpose';

/**
 * The console's GraphQL client: the public endpoint, the session's bearer token and the chosen
 * purpose on every request (one purpose per client). The document cache is per client.
 */
export function createClient(
  token: () => string,
  purpose: Purpose | null,
  onUnauthenticated: () => void,
): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'cache-and-network',
    // POST always: the server's CSRF prevention refuses a GET without a preflighted header,
    // and a query's variables (names, customer ids) do not belong in URLs and their logs.
    preferGetMethod: false,
    fetchOptions: () => {
      const headers: Record<string, string> = { authorization: `Bearer ${token()}` };
      if (purpose) headers['x-osaamo-purpose'] = purpose;
      return { headers };
    },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) onUnauthenticated();
      return response;
    },
  });
}

/** The first error's code and message, as the server formats it (src/api/format-error.ts). */
export function errorCode(error: { graphQLErrors?: { extensions?: Record<string, unknown> }[] }) {
  return error.graphQLErrors?.[0]?.extensions?.code as string | undefined;
}
