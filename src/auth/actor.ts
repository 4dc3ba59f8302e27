import { DOMAIN_VALUES } from '../kernel/validation/domain-values';

/**
 * Who is asking: every request carries one (or none, for public operations). The data
 * protection officer reads the audit log, nothing else.
 */
export const ROLES = DOMAIN_VALUES.role;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  role: Role;
  /** A counsellor's employment area, e.g. "kuopio". */
  employmentArea?: string;
  /** An employer user's organisation. */
  employerId?: string;
  /** A jobseeker's own id. */
  jobseekerId?: string;
  /** For an integrator's API key: the only operations it may call. */
  operations?: string[];
}
