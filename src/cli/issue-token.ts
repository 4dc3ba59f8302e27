/**
 * npm run token -- --user neuvoja           (a fixture user from fixtures/people/users.json)
 * npm run token -- --role counsellor --user some-id --area kuopio [--employer <id>] [--jobseeker <id>]
 * Prints a bearer token signed with OSAAMO_JWT_SECRET (in development, the development secret).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Actor, Role, ROLES } from '../auth/actor';
import { TokenService } from '../auth/token.service';
import { loadConfig, PROJECT_ROOT } from '../config';
import { parseCommandLine, runCommand, UsageError } from './arguments';

const USAGE = `Usage: npm run token -- --user <name> [--role ${ROLES.join('|')}] [--area kuopio] [--employer <id>] [--jobseeker <id>] [--hours 8]`;

export interface TokenArgs {
  user: string;
  role?: string;
  area?: string;
  employer?: string;
  jobseeker?: string;
  hours: number;
}

/** `--user <name>` and the optional claims; the role may come from the fixture user instead. */
export function parseIssueTokenArgs(argv: string[]): TokenArgs {
  const { values } = parseCommandLine(
    argv,
    {
      user: { type: 'string' },
      role: { type: 'string' },
      area: { type: 'string' },
      employer: { type: 'string' },
      jobseeker: { type: 'string' },
      hours: { type: 'string' },
    },
    USAGE,
    { min: 0, max: 0, names: '' },
  );
  if (!values.user) throw new UsageError('Missing --user.', USAGE);
  const hours = values.hours === undefined ? 8 : Number(values.hours);
  if (!(hours > 0))
    throw new UsageError(`--hours must be a positive number, not "${values.hours}".`, USAGE);
  const { user, role, area, employer, jobseeker } = values;
  return { user, role, area, employer, jobseeker, hours };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const fixtures = JSON.parse(
    fs.readFileSync(path.join(PROJECT_ROOT, 'fixtures', 'people', 'users.json'), 'utf8'),
  ) as (Actor & { user: string })[];
  const fixtureUsers = `Fixture users: ${fixtures.map((f) => `${f.user} (${f.role})`).join(', ')}`;
  let args: TokenArgs;
  try {
    args = parseIssueTokenArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError)
      throw new UsageError(error.message, fixtureUsers, error.exitCode);
    throw error;
  }
  const known = fixtures.find((f) => f.user === args.user);
  const role = (args.role ?? known?.role) as Role | undefined;
  if (!role || !ROLES.includes(role))
    throw new UsageError(
      role
        ? `Unknown role '${role}'.`
        : `No role: ${args.user} is not a fixture user; give --role.`,
      `${USAGE}\n${fixtureUsers}`,
    );
  const actor: Actor = {
    id: args.user,
    role,
    employmentArea: args.area ?? known?.employmentArea,
    employerId: args.employer ?? known?.employerId,
    jobseekerId: args.jobseeker ?? known?.jobseekerId,
  };
  console.log(await new TokenService(config.jwtSecret).issue(actor, args.hours * 3600));
}

if (require.main === module) runCommand(main, '');
