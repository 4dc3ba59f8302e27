import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { renewSession, signOutAt } from './oidc';
import { forgetSessionClient } from '../api/session-client';

/** The roles of the API (src/auth/auth.types.ts) that the console serves or names. */
export type Role =
  | 'counsellor'
  | 'employer'
  | 'admin'
  | 'jobseeker'
  | 'learning_environment'
  | 'integrator'
  | 'data_protection_officer';

/** Who is signed in, read from the token's claims for the screens; the server decides access. */
export interface Session {
  token: string;
  user: string;
  role: Role;
  employmentArea: string | null;
  employerId: string | null;
  jobseekerId: string | null;
  expiresAt: number;
  /** How the session began: the development picker or an OpenID Connect issuer. */
  via: 'development' | 'oidc';
  /** The OpenID Connect issuer of the session (renewal and sign-out go there). */
  issuer?: string;
}

/** How long before the access token expires the console renews it with the refresh token. */
const RENEW_BEFORE_MS = 60_000;

const STORAGE_KEY = 'osaamo.session';

/** The claims of a token the server issued (src/auth/token.service.ts). */
export function sessionFromToken(token: string, via: Session['via']): Session {
  const payload = JSON.parse(
    atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')),
  ) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    token,
    user: String(payload.sub),
    role: payload.role as Role,
    employmentArea: text(payload.area),
    employerId: text(payload.employer),
    jobseekerId: text(payload.jobseeker),
    expiresAt: Number(payload.exp) * 1000,
    via,
  };
}

/** The tab's session, if it has one that has not expired. */
export function storedSession(): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return session && session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

interface SessionContextValue {
  session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** The session lives in sessionStorage: one browser tab, gone when it closes. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(storedSession);
  const signIn = useCallback((next: Session) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    const issuer = session?.via === 'oidc' ? session.issuer : undefined;
    sessionStorage.removeItem(STORAGE_KEY);
    forgetSessionClient(); // the next sign-in, even by the same user, starts with an empty cache
    setSession(null);
    if (issuer) signOutAt(issuer).catch(() => {});
  }, [session]);
  useRenewal(session, signIn, signOut);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * An OpenID Connect session is renewed shortly before its access token expires, with the
 * refresh token; without one (or when the issuer refuses) the session ends at expiry.
 */
function useRenewal(
  session: Session | null,
  signIn: (session: Session) => void,
  signOut: () => void,
) {
  useEffect(() => {
    if (session?.via !== 'oidc' || !session.issuer) return;
    const issuer = session.issuer;
    const timer = window.setTimeout(
      () => {
        renewSession(issuer)
          .then((renewed) => (renewed ? signIn(renewed) : signOut()))
          .catch(() => signOut());
      },
      Math.max(0, session.expiresAt - Date.now() - RENEW_BEFORE_MS),
    );
    return () => window.clearTimeout(timer);
  }, [session, signIn, signOut]);
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session, where a view cannot be reached without one. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}
