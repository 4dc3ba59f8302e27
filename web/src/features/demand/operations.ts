import { graphql } from '../../gql';
import { apiLanguage, Language } from '../../i18n/i18n';

const Municipalities = graphql(`
  query DemandMunicipalities {
    municipalities {
      code
      nameFi
      nameSv
      employmentArea
    }
  }
`);

const Demand = graphql(`
  query SkillDemand($municipalities: [String!]!, $language: Language!) {
    demandForSkills(municipalities: $municipalities, first: 15, language: $language) {
      skillUri
      label
      vacancies
      positions
      jobseekers
      gap
    }
  }
`);

/** The municipalities chosen in the address (?m=<code>, repeated). */
export function chosenMunicipalities(params: URLSearchParams): string[] {
  return params.getAll('m');
}

export function demandMunicipalitiesRequest() {
  return { query: Municipalities, variables: {} };
}

export function skillDemandRequest(municipalities: string[], language: Language) {
  return { query: Demand, variables: { municipalities, language: apiLanguage(language) } };
}
