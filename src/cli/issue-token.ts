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

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const user = argument('user');
  const fixtures = JSON.parse(
    fs.readFileSync(path.join(PROJECT_ROOT, 'fixtures', 'people', 'users.json'), 'utf8'),
  ) as (Actor & { user: string })[];
  const known = fixtures.find((f) => f.user === user);
  const role = (argument('role') ?? known?.role) as Role | undefined;
  if (!user || !role || !ROLES.includes(role)) {
    console.error(
      `Usage: npm run token -- --user <name> [--role ${ROLES.join('|')}] [--area kuopio] [--employer <id>] [--jobseeker <id>]`,
    );
    console.error(`Fixture users: ${fixtures.map((f) => `${f.user} (${f.role})`).join(', ')}`);
    process.exit(2);
  }
  const actor: Actor = {
    id: user,
    role,
    employmentArea: argument('area') ?? known?.employmentArea,
    employerId: argument('employer') ?? known?.employerId,
    jobseekerId: argument('jobseeker') ?? known?.jobseekerId,
  };
  console.log(
    await new TokenService(config.jwtSecret).issue(actor, Number(argument('hours') ?? 8) * 3600),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
