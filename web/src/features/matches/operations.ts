import { graphql } from '../../gql';
import { apiLanguage, Language } from '../../i18n/i18n';
import { filterFromParams } from './filter-params';

/** What "Why this match" shows of a pair, whichever query found it. */
export const MatchExplanationFields = graphql(`
  fragment MatchExplanationFields on Match {
    vacancyId
    source
    score
    nearMiss
    hardFailures
    missingData
    summary(language: $language)
    skillsMet {
      met
      required
    }
    components {
      name
      value
      weight
      exactContribution
    }
    matchedSkills {
      skillUri
      skill {
        preferredLabel(language: $language)
      }
      importance
      level
      requiredLevel
      credit
    }
    relatedSkills {
      skillUri
      skill {
        preferredLabel(language: $language)
      }
      viaSkill {
        preferredLabel(language: $language)
      }
      relation
      importance
      level
      requiredLevel
    }
    missingSkills {
      skillUri
      skill {
        preferredLabel(language: $language)
      }
      importance
      requiredLevel
    }
    vacancy {
      id
      title
      remote
      employer {
        name
      }
      municipality {
        nameFi
        nameSv
      }
      requirements {
        licences
        languages {
          language
          minLevel
          essential
        }
      }
    }
    externalVacancy {
      title
      employerName
      url
    }
  }
`);

/** A counsellor's view of one pair, with who the jobseeker is (personal data: a purpose). */
const ExplainMatchQuery = graphql(`
  query ExplainMatch($jobseekerId: ID!, $vacancyId: ID!, $language: Language!) {
    explainMatch(jobseekerId: $jobseekerId, vacancyId: $vacancyId) {
      ...MatchExplanationFields
      jobseeker {
        id
        customerId
        personalData {
          firstName
          lastName
        }
      }
    }
  }
`);

/**
 * An employer may not call explainMatch: their candidate's explanation is found by pseudonym in
 * the vacancy's ranking, 50 at a time (the cost limit allows no more with every list). Only the
 * pseudonym is asked of the jobseeker.
 */
export const CandidateByPseudonymQuery = graphql(`
  query CandidateByPseudonym(
    $vacancyId: ID!
    $language: Language!
    $after: String
    $filter: MatchFilterInput
  ) {
    matchesForVacancy(vacancyId: $vacancyId, first: 50, after: $after, filter: $filter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...MatchExplanationFields
          jobseeker {
            pseudonym
          }
        }
      }
    }
  }
`);

export const RecordOutcomeMutation = graphql(`
  mutation RecordMatchOutcome($input: MatchOutcomeInput!) {
    recordMatchOutcome(input: $input) {
      id
      status
      reason
      recordedAt
    }
  }
`);

/** A vacancy's ranked candidates; the id only for counsellors (employers get pseudonyms). */
export const CandidatesQuery = graphql(`
  query VacancyCandidates(
    $vacancyId: ID!
    $language: Language!
    $first: Int!
    $withId: Boolean!
    $filter: MatchFilterInput
  ) {
    matchesForVacancy(vacancyId: $vacancyId, first: $first, filter: $filter) {
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          score
          nearMiss
          summary(language: $language)
          jobseeker {
            id @include(if: $withId)
            pseudonym
          }
        }
      }
    }
  }
`);

/** A jobseeker's near misses: vacancies failing exactly one hard requirement. */
export const JobseekerNearMissesQuery = graphql(`
  query JobseekerNearMisses($jobseekerId: ID!, $language: Language!) {
    matchesForJobseeker(
      jobseekerId: $jobseekerId
      first: 100
      filter: { includeNearMisses: true, minScore: 0.2 }
    ) {
      edges {
        node {
          vacancyId
          score
          nearMiss
          summary(language: $language)
          vacancy {
            title
          }
          externalVacancy {
            title
          }
        }
      }
    }
  }
`);

/** A page of a jobseeker's ranked vacancies. */
const VACANCY_MATCHES_PAGE = 20;

// One query: the ranked page (each match with the distance the matcher judged), the outside
// sources' states and the municipalities (names, for the places and the filter).
const VacancyMatchesDocument = graphql(`
  query VacancyMatches(
    $jobseekerId: ID!
    $filter: MatchFilterInput
    $first: Int!
    $after: String
    $language: Language!
  ) {
    municipalities {
      code
      nameFi
      nameSv
    }
    matchesForJobseeker(jobseekerId: $jobseekerId, filter: $filter, first: $first, after: $after) {
      edges {
        node {
          vacancyId
          score
          source
          summary(language: $language)
          distanceKm
          vacancy {
            id
            title
            applicationDeadline
            municipalityCode
            employer {
              id
              name
            }
          }
          externalVacancy {
            title
            url
            expiresAt
            locationCode
            country
            employerName
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      sources {
        source
        status
      }
    }
  }
`);

/** The ranked page the address asks for: its filters and the page's cursor. */
export function vacancyMatchesRequest(
  jobseekerId: string,
  params: URLSearchParams,
  language: Language,
) {
  return {
    query: VacancyMatchesDocument,
    variables: {
      jobseekerId,
      filter: filterFromParams(params),
      first: VACANCY_MATCHES_PAGE,
      after: params.get('after'),
      language: apiLanguage(language),
    },
  };
}

/** A counsellor's explanation of one pair. */
export function explainMatchRequest(jobseekerId: string, vacancyId: string, language: Language) {
  return {
    query: ExplainMatchQuery,
    variables: { jobseekerId, vacancyId, language: apiLanguage(language) },
  };
}

/** The first page of a vacancy's candidates; ids only for those who may see them. */
export const CANDIDATES_PAGE = 20;
export function candidatesRequest(
  vacancyId: string,
  language: Language,
  first: number,
  pseudonymised: boolean,
) {
  return {
    query: CandidatesQuery,
    variables: { vacancyId, language: apiLanguage(language), first, withId: !pseudonymised },
  };
}
