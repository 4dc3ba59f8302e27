import type { ClaimMapping } from '../../../src/auth/claim-mapping';

/** An OpenID Connect issuer the console signs in with (src/api/http/console.ts). */
export interface ConsoleIssuer {
  /** The button's text in each language. */
  name: { fi: string; sv: string; en: string };
  issuer: string;
  clientId: string;
  scope: string;
  /** How the access token's claims give the role, area and employer (the server's mapping). */
  claims: ClaimMapping;
}

/** What the server tells the console before sign-in (src/api/http/console.ts). */
export interface ConsoleConfig {
  developmentSignIn: boolean;
  issuers: ConsoleIssuer[];
}

let loaded: Promise<ConsoleConfig> | null = null;

export function consoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch('/console-config.json').then((response) => {
    if (!response.ok) throw new Error(`console-config.json: HTTP ${response.status}`);
    return response.json() as Promise<ConsoleConfig>;
  });
  return loaded;
}
