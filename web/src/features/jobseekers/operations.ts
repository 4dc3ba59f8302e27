import { graphql } from '../../gql';
import { apiLanguage, Language } from '../../i18n/i18n';

/** A jobseeker's competence profile with the names of what it refers to. */
const JobseekerProfile = graphql(`
  query JobseekerProfile($id: ID!, $language: Language!) {
    jobseeker(id: $id) {
      id
      customerId
      personalData {
        firstName
        lastName
      }
      employmentStatus
      homeMunicipalityCode
      maxCommuteKm
      willingToRelocate
      willingToWorkAbroad
      remotePreference
      workingTimePreferences
      contractPreferences
      earliestStartDate
      languages {
        language
        level
      }
      licences
      desiredOccupationUris
      desiredSkillUris
      desiredOccupations {
        uri
        preferredLabel(language: $language)
      }
      desiredSkills {
        uri
        preferredLabel(language: $language)
      }
      activeAssessment {
        id
        source
        assessedAt
        skills {
          skillUri
          level
          experienceMonths
          lastUsedYear
          skill {
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

export function jobseekerProfileRequest(jobseekerId: string, language: Language) {
  return {
    query: JobseekerProfile,
    variables: { id: jobseekerId, language: apiLanguage(language) },
  };
}
