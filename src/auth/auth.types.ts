import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { domainEnum } from '../api/domain-enum.types';

export const RoleEnum = domainEnum(DOMAIN_VALUES.role, 'Role', 'The role a user or key acts in.', {
  COUNSELLOR: 'An employment services counsellor, for the jobseekers and vacancies of their area.',
  EMPLOYER: "An employer's user, for their own organisation's vacancies.",
  JOBSEEKER: 'A jobseeker, for their own data.',
  LEARNING_ENVIRONMENT: 'A learning environment, reading skill gaps the jobseeker consented to.',
  INTEGRATOR: "Another service's API key, limited to the operations named on the key.",
  ADMIN: 'An administrator: employers, trainings, API keys.',
  DATA_PROTECTION_OFFICER: 'The data protection officer: reads the audit log, nothing else.',
});
export type RoleEnum = (typeof RoleEnum)[keyof typeof RoleEnum];

export const ApiOperationEnum = domainEnum(
  DOMAIN_VALUES.apiOperation,
  'ApiOperation',
  "A root operation an integrator's API key may be limited to: every operation open to integrators, and no other.",
  {
    EMPLOYERS: 'The employers query: employers, a page at a time.',
    EMPLOYER: 'The employer query: one employer by id.',
    MUNICIPALITIES: 'The municipalities query: Finnish municipalities and their centres.',
    VACANCIES: 'The vacancies query: vacancies, a page at a time.',
    VACANCY: 'The vacancy query: one vacancy by id.',
    TRAININGS: 'The trainings query: trainings, a page at a time.',
    TRAINING: 'The training query: one training by id.',
    EXTRACT_SKILLS: 'The extractSkills query: ESCO skills found in a free text.',
    LINK_SKILLS: 'The linkSkills query: each sentence of a free text with its likely ESCO skills.',
    COHORTS: 'The cohorts query: structural-change cohorts, in aggregate.',
    COHORT_ANALYSIS: 'The cohortAnalysis query: a cohort analysed, in aggregate.',
    COHORT_REPORT: 'The cohortReport query: a cohort’s one-page report, in aggregate.',
  },
);
export type ApiOperationEnum = (typeof ApiOperationEnum)[keyof typeof ApiOperationEnum];
