/**
 * The example operations of the first ten minutes, one per user task: the explorer's tabs and
 * the README's "First steps" are both made from this list, and test/api/examples.test.ts runs
 * every one against a test app, so none can drift from the schema. Pure: no database, no GraphQL.
 */
import type { FixtureUser } from '../../auth/fixture-users';

export interface Example {
  title: string;
  /** The fixture user (fixtures/people/users.json) whose token runs it; none for public reads. */
  user?: string;
  /** The X-Osaamo-Purpose header: a counsellor reading personal data states why. */
  purpose?: string;
  query: string;
  variables?: Record<string, unknown>;
  /**
   * Takes `vacancyId` from FIRST_OPEN_VACANCY asked as the same user: vacancy ids are made when
   * the fixtures are imported, so no example can name one.
   */
  needsVacancy?: boolean;
  /** An integrator's operation: it may be sent with an API key (X-Api-Key) instead of a token. */
  alsoWithApiKey?: boolean;
}

/** The jobseeker `tyonhakija-1` is (Kuopio area, so `neuvoja` sees them too). */
export const EXAMPLE_JOBSEEKER_ID = '67356e0e-10e8-4500-a238-bd2af5a1b153';
/** A sheet metal worker in Rautavaara willing to work abroad: EURES is asked for them. */
export const EXAMPLE_ABROAD_JOBSEEKER_ID = '4ca8953c-55cc-4f40-a4f3-bbbedcc7ef03';
/** Nurse (ESCO), in the sample taxonomy. */
const NURSE_URI = 'http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50';

export const FIRST_OPEN_VACANCY = `query FirstOpenVacancy {
  vacancies(first: 1, filter: { statuses: [OPEN] }) {
    edges { node { id title } }
  }
}`;

export const EXAMPLES: Example[] = [
  {
    title: 'Anyone: skills and job titles in Finnish',
    query: `query FindSkills {
  searchSkills(text: "hitsauksen", language: FI, first: 3) {
    score
    skill { uri preferredLabel(language: FI) }
  }
  searchOccupations(text: "Lähihoitaja, vakituinen", language: FI, first: 3) {
    score
    occupation { uri preferredLabel(language: FI) }
  }
}`,
  },
  {
    title: "Counsellor: a jobseeker's vacancies and a vacancy's jobseekers, explained",
    user: 'neuvoja',
    purpose: 'guidance meeting',
    needsVacancy: true,
    query: `query CounsellorMatches($jobseekerId: ID!, $vacancyId: ID!) {
  matchesForJobseeker(jobseekerId: $jobseekerId, first: 3, includeExternal: false) {
    edges {
      node {
        score
        summary(language: EN)
        vacancy { id title }
        matchedSkills { skill { uri preferredLabel(language: EN) } level requiredLevel }
        missingSkills { skill { uri preferredLabel(language: EN) } importance }
      }
    }
  }
  matchesForVacancy(vacancyId: $vacancyId, first: 3) {
    edges {
      node {
        score
        summary(language: EN)
        jobseeker { id pseudonym }
        components { name value contribution }
      }
    }
  }
}`,
    variables: { jobseekerId: EXAMPLE_JOBSEEKER_ID },
  },
  {
    title: 'Employer: a draft requirement profile and its candidate pool',
    user: 'tyonantaja-1',
    needsVacancy: true,
    query: `query EmployerDraft($vacancyId: ID!) {
  suggestRequirements(vacancyId: $vacancyId, language: EN) {
    label
    importance
    requiredLevel
    reason
  }
  requirementInsights(vacancyId: $vacancyId, language: EN) {
    pool
    explanation
    requirements { label ifDropped ifOptional }
  }
}`,
  },
  {
    title: 'Jobseeker: my skill gap to nursing and the trainings that close it',
    user: 'tyonhakija-1',
    query: `query SkillGapAndTrainings($jobseekerId: ID!, $occupationUri: ID!) {
  skillGap(jobseekerId: $jobseekerId, occupationUri: $occupationUri, language: EN) {
    target
    met
    explanation
    missing { label importance requiredLevel }
  }
  trainingSuggestions(jobseekerId: $jobseekerId, first: 3, language: EN) {
    title
    provider
    nextStart
    reason
    occupation { preferredLabel(language: EN) }
    closes { skill { preferredLabel(language: EN) } }
  }
}`,
    variables: { jobseekerId: EXAMPLE_JOBSEEKER_ID, occupationUri: NURSE_URI },
  },
  {
    title: 'Counsellor: a search outside, in Job Market Finland and EURES',
    user: 'neuvoja',
    purpose: 'guidance meeting',
    query: `query OutsideSearch($jobseekerId: ID!) {
  matchesForJobseeker(jobseekerId: $jobseekerId, first: 5, includeExternal: true, filter: { includeNearMisses: true }) {
    sources { source asked status returned }
    edges {
      node {
        source
        score
        externalVacancy { title country url }
        vacancy { title }
      }
    }
  }
}`,
    variables: { jobseekerId: EXAMPLE_ABROAD_JOBSEEKER_ID },
  },
  {
    title: 'Administrator: an API key for an integrator',
    user: 'yllapito',
    query: `mutation CreateApiKey {
  createApiKey(name: "Example integration", operations: [VACANCIES]) {
    key
    apiKey { id prefix operations }
  }
}`,
  },
  {
    title: 'Integrator: open vacancies (also with the API key, as X-Api-Key)',
    user: 'integraatio',
    alsoWithApiKey: true,
    query: `query OpenVacancies {
  vacancies(first: 5) {
    edges { node { id title municipalityCode occupationUri } }
  }
}`,
  },
  {
    title: 'Learning environment: skills in demand and trainings',
    user: 'oppimisymparisto',
    query: `query SkillDemand {
  demandForSkills(first: 5, language: EN) {
    label
    vacancies
    positions
    jobseekers
  }
  trainings(first: 5) {
    edges { node { title provider mode startDates } }
  }
}`,
  },
  {
    title: 'Data protection officer: who read personal data, and why',
    user: 'tietosuojavastaava',
    query: `query AuditLog {
  auditLog(first: 10) {
    edges { node { at actorId actorRole operation purpose outcome } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  },
];

export const README_START =
  '<!-- first-steps:start (npm run readme:examples writes this block) -->';
export const README_END = '<!-- first-steps:end -->';

const URL = 'http://127.0.0.1:4000/graphql';

/** One line of GraphQL: a shell argument cannot hold the newlines JSON would escape. */
function oneLine(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}

function curl(example: Pick<Example, 'user' | 'purpose'>): string {
  const headers = [`-H 'Content-Type: application/json'`];
  if (example.user) headers.push(`-H "Authorization: Bearer $TOKEN"`);
  if (example.purpose) headers.push(`-H 'X-Osaamo-Purpose: ${example.purpose}'`);
  return `curl -s ${URL} ${headers.join(' ')}`;
}

function exampleBlock(example: Example): string {
  const lines: string[] = [];
  if (example.user) lines.push(`TOKEN=$(npm run token --silent -- --user ${example.user})`);
  if (example.needsVacancy) {
    lines.push(
      `VACANCY=$(${curl({ user: example.user })} -d '${JSON.stringify({ query: oneLine(FIRST_OPEN_VACANCY) })}' \\`,
      `  | node -pe 'JSON.parse(require("fs").readFileSync(0)).data.vacancies.edges[0].node.id')`,
    );
  }
  const variables = example.needsVacancy
    ? { ...example.variables, vacancyId: '$VACANCY' }
    : example.variables;
  const body = JSON.stringify({ query: oneLine(example.query), variables });
  if (example.needsVacancy) {
    // An unquoted here-document, so that $VACANCY expands: GraphQL's own $ are escaped.
    const escaped = body.replace(/\$/g, '\\$').replace(/\\\$VACANCY/g, '$VACANCY');
    lines.push(`${curl(example)} --data-binary @- <<EOF`, escaped, 'EOF');
  } else {
    lines.push(`${curl(example)} --data-binary @- <<'EOF'`, body, `EOF`);
  }
  return ['```sh', ...lines, '```'].join('\n');
}

/**
 * The README's "First steps" block: a token command for every fixture user, then every example
 * as a command to copy (curl against a local `npm start`).
 */
export function readmeFirstSteps(users: FixtureUser[]): string {
  const tokenLines = users.map(
    (u) =>
      `npm run token --silent -- --user ${u.user.padEnd(20)} # ${u.role}${u.note ? `: ${u.note}` : ''}`,
  );
  const parts = [
    README_START,
    '',
    'A token for each fixture user (development secret, valid 8 hours):',
    '',
    ['```sh', ...tokenLines, '```'].join('\n'),
  ];
  for (const example of EXAMPLES) {
    const who = example.user ? ` (\`${example.user}\`)` : ' (no token)';
    parts.push('', `**${example.title}**${who}:`, '', exampleBlock(example));
    if (example.alsoWithApiKey)
      parts.push(
        '',
        'The same with the `key` that `CreateApiKey` returned, instead of a token: replace the `Authorization` header with `-H "X-Api-Key: <key>"`.',
      );
  }
  parts.push('', README_END);
  return parts.join('\n');
}
