import { graphql } from '../../gql';
import { apiLanguage, Language } from '../../i18n/i18n';

const Cohorts = graphql(`
  query Cohorts {
    cohorts(first: 100) {
      id
      name
      source
      members
      createdAt
      employerBusinessId
    }
  }
`);

export const CreateCohort = graphql(`
  mutation CreateCohort($input: CreateCohortInput!) {
    createCohort(input: $input) {
      cohort {
        id
        name
        source
        members
        createdAt
        employerBusinessId
      }
      laidOffElsewhere
      unknownLines {
        line
        customerId
        reason
      }
    }
  }
`);

/** The whole analysis, with the labels of what it names in the console's language. */
const Analysis = graphql(`
  query CohortAnalysis($id: ID!, $language: Language!) {
    cohortAnalysis(cohortId: $id) {
      cohort {
        id
        name
        source
        members
        createdAt
        employerBusinessId
        access
      }
      floor
      includesNational
      withMatch
      withoutMatch
      byMunicipality {
        key
        members
        placed
        positions
        vacancies
        absorbable
      }
      byOccupation {
        key
        members
        placed
        positions
        vacancies
        absorbable
        occupation {
          uri
          preferredLabel(language: $language)
        }
      }
      vacancies {
        title
        employerName
        municipalityCode
        positions
        members
        absorbable
        source
        url
        vacancy {
          id
        }
      }
      assignment {
        assigned
        greedyAssigned
        totalFit
        greedyTotalFit
        pairs {
          jobseekerId
          vacancyId
          title
          fit
        }
      }
      trainings {
        trainingId
        title
        provider
        lifted
        withMatchAfter
      }
      skills {
        skillUri
        holders
        skill {
          uri
          preferredLabel(language: $language)
        }
      }
      nearlyCovered {
        occupationUri
        coverage
        positions
        vacancies
        occupation {
          uri
          preferredLabel(language: $language)
        }
        missing {
          skillUri
          skill {
            uri
            preferredLabel(language: $language)
          }
        }
      }
      unmatched {
        jobseekerId
        nearest {
          vacancyId
          title
          score
          nearMiss
          missingSkillUris
          missingSkills {
            uri
            preferredLabel(language: $language)
          }
        }
      }
    }
    municipalities {
      code
      nameFi
      nameSv
    }
  }
`);

const Report = graphql(`
  query CohortReport($id: ID!, $language: Language!) {
    cohortReport(cohortId: $id, language: $language)
  }
`);

export function cohortsRequest() {
  return { query: Cohorts, variables: {} };
}

export function cohortAnalysisRequest(cohortId: string, language: Language) {
  return { query: Analysis, variables: { id: cohortId, language: apiLanguage(language) } };
}

export function cohortReportRequest(cohortId: string, language: Language) {
  return { query: Report, variables: { id: cohortId, language: apiLanguage(language) } };
}

/** How the members are named in the creation form: exactly one way, as the API asks. */
export type MemberSource = 'employer' | 'file' | 'ids';

/** The API's input for the form's fields; ids pasted one a line, blank lines skipped. */
export function createInput(
  name: string,
  source: MemberSource,
  fields: { businessId: string; jsonl: string; ids: string },
) {
  const input: {
    name: string;
    employerBusinessId?: string;
    customerIdsJsonl?: string;
    jobseekerIds?: string[];
  } = { name: name.trim() };
  if (source === 'employer') input.employerBusinessId = fields.businessId.trim();
  else if (source === 'file') input.customerIdsJsonl = fields.jsonl;
  else
    input.jobseekerIds = fields.ids
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  return input;
}
