import { graphql } from '../../gql';
import { apiLanguage, Language } from '../../i18n/i18n';

/**
 * The gap against the chosen target. The trainings come in their own query, sent at the same
 * time: they do not depend on the target (so choosing another one does not ask them again) and
 * they take the server longer. Labels and the server's explanation are in the console's language.
 */
const SkillGapQuery = graphql(`
  query SkillGapView($jobseekerId: ID!, $vacancyId: ID, $occupationUri: ID, $language: Language!) {
    skillGap(
      jobseekerId: $jobseekerId
      vacancyId: $vacancyId
      occupationUri: $occupationUri
      language: $language
    ) {
      target
      explanation
      vacancyId
      occupationUri
      missing {
        ...SkillGapItemFields
      }
      underLevel {
        ...SkillGapItemFields
      }
    }
  }

  fragment SkillGapItemFields on SkillGapItem {
    skillUri
    label
    importance
    level
    requiredLevel
    related {
      skillUri
      label
      level
      relation
    }
  }
`);

/** The jobseeker's suggestions (whatever the target) and the names of the places they are in. */
const TrainingsQuery = graphql(`
  query SkillGapTrainings($jobseekerId: ID!, $language: Language!) {
    trainingSuggestions(jobseekerId: $jobseekerId, first: 8, language: $language) {
      trainingId
      title
      provider
      mode
      municipalityCode
      nextStart
      broughtWithinReach
      reason
      closes {
        skillUri
        label
        levelBefore
        levelAfter
      }
      raises {
        vacancyId
        title
        before
        after
      }
      training {
        url
      }
    }
    municipalities {
      code
      nameFi
      nameSv
    }
  }
`);

/**
 * The target the address names: a vacancy (?vacancy=<id>) or an occupation (?occupation=<uri>),
 * which wins when both are given, so that the vacancy can be returned to.
 */
export function gapTarget(params: URLSearchParams) {
  const occupationUri = params.get('occupation');
  const vacancyId = occupationUri ? null : params.get('vacancy');
  return { vacancyId, occupationUri, hasTarget: Boolean(occupationUri ?? vacancyId) };
}

export function skillGapRequest(jobseekerId: string, params: URLSearchParams, language: Language) {
  const { vacancyId, occupationUri } = gapTarget(params);
  return {
    query: SkillGapQuery,
    variables: { jobseekerId, vacancyId, occupationUri, language: apiLanguage(language) },
  };
}

export function trainingsRequest(jobseekerId: string, language: Language) {
  return { query: TrainingsQuery, variables: { jobseekerId, language: apiLanguage(language) } };
}
