import fs from 'node:fs';
import path from 'node:path';
import {
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isIntrospectionType,
  isScalarType,
  isSpecifiedScalarType,
} from 'graphql';
import { PROJECT_ROOT } from '../../src/config';
import { buildAppSchema, printSortedSchema } from '../../src/api/schema';
import { DOMAIN_VALUES, enumName } from '../../src/kernel/validation/domain-values';
import { ACCESS_RULES } from '../../src/auth/access-policy';

describe('the GraphQL schema as a contract', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('matches the committed schema/schema.graphql (run npm run schema:emit after a deliberate change)', () => {
    const committed = fs.readFileSync(path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(printSortedSchema(schema)).toBe(committed);
  });

  it('describes every type, field and argument', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) undescribed.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isScalarType(type) && !type.description) undescribed.push(type.name);
    }
    expect(undescribed).toEqual([]);
  });

  it('describes every enum value', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || !isEnumType(type)) continue;
      for (const value of type.getValues())
        if (!value.description) undescribed.push(`${type.name}.${value.name}`);
    }
    expect(undescribed).toEqual([]);
  });

  it('lists as ApiOperation exactly the root operations open to integrators', () => {
    const open = [...ACCESS_RULES]
      .filter(([, rule]) => 'roles' in rule && rule.roles.includes('integrator'))
      .map(([operation]) => operation);
    expect([...DOMAIN_VALUES.apiOperation].sort()).toEqual(open.sort());
  });

  it('lets no input set what the server owns (no mass assignment, checklist 18)', () => {
    // Ids, revisions, authors, times, areas, pseudonyms and consent state are the server's.
    const serverOwned =
      /^(id|revision|version|createdAt|updatedAt|updatedBy|recordedBy|author|employmentArea|areaId|pseudonym|grantedAt|revokedAt|consents?|source|status|keyHash)$/;
    const found: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type)) continue;
      for (const field of Object.keys(type.getFields()))
        if (serverOwned.test(field)) found.push(`${type.name}.${field}`);
    }
    // These two are the client's to say, and checked: an assessment's source against the role
    // (a jobseeker records self-assessments only), an outcome's status against its values.
    expect(found.sort()).toEqual(['CompetenceAssessmentInput.source', 'MatchOutcomeInput.status']);
  });

  it('builds every enum from a value set of DOMAIN_VALUES, in its order', () => {
    const sets = Object.values(DOMAIN_VALUES).map((values) => JSON.stringify(values));
    const spelledOut: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || !isEnumType(type)) continue;
      const values = type.getValues();
      if (values.some((v) => v.name !== enumName(String(v.value)))) spelledOut.push(type.name);
      if (!sets.includes(JSON.stringify(values.map((v) => v.value)))) spelledOut.push(type.name);
    }
    expect(spelledOut).toEqual([]);
  });

  it('has no field for health, work ability or other protected attributes (checklist 19)', () => {
    const protectedName = /health|workAbility|disabilit|nationality|gender|birth|ethnic|religio/i;
    const found: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || !(isObjectType(type) || isInputObjectType(type))) continue;
      for (const [name, field] of Object.entries(type.getFields())) {
        if (protectedName.test(name)) found.push(`${type.name}.${name}`);
        for (const arg of 'args' in field ? field.args : [])
          if (protectedName.test(arg.name)) found.push(`${type.name}.${name}(${arg.name})`);
      }
    }
    // Birth year is taken in for statistics only: never returned, never scored (tested with the matches).
    expect(found.sort()).toEqual(['CreateJobseekerInput.birthYear', 'JobseekerInput.birthYear']);
  });
});
