/** What the server tells the console before sign-in (src/api/http/console.ts). */
export interface ConsoleConfig {
  developmentSignIn: boolean;
  issuers: { name: string; issuer: string; clientId: string; scope: string }[];
}

let loaded: Promise<ConsoleConfig> | null = null;

export function consoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch('/console-config.json').then((response) => {
    if (!response.ok) throw new Error(`console-config.json: HTTP ${response.status}`);
    return response.json() as Promise<ConsoleConfig>;
  });
  return loaded;
}
