import { createContext, ReactNode, useContext, useMemo, useState } from 'react';

/**
 * Why a counsellor looks at a person's data: sent as X-Osaamo-Purpose with every request and
 * written to the audit row. Stable codes; the console shows them in the user's language.
 */
export const PURPOSES = [
  'customer-meeting',
  'job-offer',
  'service-need-assessment',
  'training-guidance',
  'employer-service',
] as const;
export type Purpose = (typeof PURPOSES)[number];

interface PurposeContextValue {
  purpose: Purpose | null;
  setPurpose(purpose: Purpose | null): void;
}

const PurposeContext = createContext<PurposeContextValue | null>(null);
const STORAGE_KEY = 'osaamo.purpose';

/** The purpose holds for the tab's session, until the counsellor chooses another. */
export function PurposeProvider({ children }: { children: ReactNode }) {
  const [purpose, setPurposeState] = useState<Purpose | null>(storedPurpose);
  const value = useMemo(
    () => ({
      purpose,
      setPurpose(next: Purpose | null) {
        if (next) sessionStorage.setItem(STORAGE_KEY, next);
        else sessionStorage.removeItem(STORAGE_KEY);
        setPurposeState(next);
      },
    }),
    [purpose],
  );
  return <PurposeContext.Provider value={value}>{children}</PurposeContext.Provider>;
}

/** The purpose chosen earlier in this tab, if any. */
export function storedPurpose(): Purpose | null {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  return (PURPOSES as readonly string[]).includes(stored ?? '') ? (stored as Purpose) : null;
}

export function usePurpose(): PurposeContextValue {
  const value = useContext(PurposeContext);
  if (!value) throw new Error('usePurpose outside PurposeProvider');
  return value;
}
