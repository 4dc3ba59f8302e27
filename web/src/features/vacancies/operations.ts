import { graphql } from '../../gql';
import { apiLanguage, Language } from '../../i18n/i18n';
import type { Session } from '../../auth/session';

export const PAGE_SIZE = 20;

const VacancyListQueryDocument = graphql(`
  query VacancyList($first: Int!, $after: String, $filter: VacancyFilter) {
    vacancies(first: $first, after: $after, filter: $filter, orderBy: NEWEST) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          applicationDeadline
          municipality {
            code
            nameFi
            nameSv
          }
          employer {
            name
          }
          requirements {
            revision
          }
        }
      }
    }
  }
`);

/** The municipalities of the counsellor's employment area, to narrow the list to the area. */
const AreaMunicipalitiesQuery = graphql(`
  query AreaMunicipalities {
    municipalities {
      code
      employmentArea
    }
  }
`);

const VacancyViewQueryDocument = graphql(`
  query VacancyView($id: ID!, $language: Language!) {
    vacancy(id: $id) {
      id
      title
      status
      positions
      applicationDeadline
      startDate
      workingTime
      contractType
      remote
      employerId
      employer {
        name
      }
      municipality {
        nameFi
        nameSv
      }
      requirements {
        revision
        updatedAt
        updatedBy
        minEducationLevel
        minExperienceMonths
        licences
        languages {
          language
          minLevel
          essential
        }
        skills {
          skillUri
          importance
          requiredLevel
          skill {
            preferredLabel(language: $language)
          }
        }
      }
    }
  }
`);

/**
 * A counsellor of an area sees the vacancies of its municipalities unless they ask for the whole
 * country (?area=all); an employer's list is their own whatever they ask.
 */
export function narrowsToArea(session: Session, params: URLSearchParams): boolean {
  return (
    session.role !== 'employer' && params.get('area') !== 'all' && Boolean(session.employmentArea)
  );
}

export function areaMunicipalitiesRequest() {
  return { query: AreaMunicipalitiesQuery, variables: {} };
}

/** A page of the list: the text searched for and the area's municipalities, when narrowed. */
export function vacancyListRequest(
  text: string,
  areaCodes: string[] | undefined,
  after: string | null,
) {
  const filter = {
    ...(text ? { text } : {}),
    ...(areaCodes ? { municipalityCodes: areaCodes } : {}),
  };
  return {
    query: VacancyListQueryDocument,
    variables: {
      first: PAGE_SIZE,
      after,
      filter: Object.keys(filter).length > 0 ? filter : null,
    },
  };
}

/** The list as the address opens it: the area's municipalities first when narrowed to them. */
export function vacancyListRequests(session: Session, params: URLSearchParams) {
  return narrowsToArea(session, params)
    ? [areaMunicipalitiesRequest()]
    : [vacancyListRequest(params.get('q') ?? '', undefined, null)];
}

export function vacancyViewRequest(vacancyId: string, language: Language) {
  return {
    query: VacancyViewQueryDocument,
    variables: { id: vacancyId, language: apiLanguage(language) },
  };
}
