import { graphql } from '../../gql';
import { apiLanguage, Language } from '../../i18n/i18n';

const EditorQuery = graphql(`
  query RequirementEditor($vacancyId: ID!, $language: Language!) {
    vacancy(id: $vacancyId) {
      id
      title
      requirements {
        ...EditedProfile
      }
    }
  }
`);

graphql(`
  fragment EditedProfile on RequirementProfile {
    vacancyId
    revision
    updatedAt
    updatedBy
    skills {
      skillUri
      importance
      requiredLevel
      skill {
        preferredLabel(language: $language)
      }
    }
    languages {
      language
      minLevel
      essential
    }
    licences
    minEducationLevel
    minExperienceMonths
  }
`);

// The pool and each requirement's effect, of the saved profile (no draft) or of the draft being
// edited (counted by the server, not saved); also the skills' labels in the user's language.
export const InsightsQuery = graphql(`
  query RequirementEditorInsights(
    $vacancyId: ID!
    $threshold: Float!
    $language: Language!
    $draft: RequirementProfileInput
  ) {
    requirementInsights(
      vacancyId: $vacancyId
      threshold: $threshold
      language: $language
      draft: $draft
    ) {
      revision
      pool
      requirements {
        kind
        requirement
        label
        importance
        requiredLevel
        ifDropped
        moreIfDropped
        ifOptional
        ifLevelLowered
      }
    }
  }
`);

/** The pool is counted at this match score until the employer asks for another. */
export const DEFAULT_THRESHOLD_PERCENT = '50';

/** The threshold as the API takes it (0–1) from the percentage typed; 50 % when unreadable. */
export function thresholdFrom(percent: string): number {
  const value = Number(percent);
  if (percent.trim() === '' || !Number.isFinite(value)) return 0.5;
  return Math.min(1, Math.max(0, value / 100));
}

export function editorRequest(vacancyId: string, language: Language) {
  return { query: EditorQuery, variables: { vacancyId, language: apiLanguage(language) } };
}

/** The saved profile's pool as the editor first shows it, at the default threshold. */
export function initialInsightsRequest(vacancyId: string, language: Language) {
  return insightsRequest(vacancyId, thresholdFrom(DEFAULT_THRESHOLD_PERCENT), language);
}

/** The saved profile's pool and what each of its requirements costs. */
export function insightsRequest(vacancyId: string, threshold: number, language: Language) {
  return {
    query: InsightsQuery,
    variables: { vacancyId, threshold, language: apiLanguage(language), draft: null },
  };
}

const RevisionsOfVacancyQuery = graphql(`
  query RevisionsOfVacancy($id: ID!) {
    vacancy(id: $id) {
      id
      title
      requirements {
        revision
      }
    }
  }
`);

const RevisionComparisonQueryDocument = graphql(`
  query RevisionComparison($vacancyId: ID!, $from: Int!, $to: Int!, $language: Language!) {
    compareRevisions(vacancyId: $vacancyId, from: $from, to: $to, language: $language) {
      from
      to
      changes
      explanation
      poolFrom
      poolTo
      poolChange
    }
  }
`);

export function revisionsOfVacancyRequest(vacancyId: string) {
  return { query: RevisionsOfVacancyQuery, variables: { id: vacancyId } };
}

/** The pair the address names (?from=&to=); by default the current revision and the one before. */
export function revisionPair(params: URLSearchParams, current: number | undefined) {
  const to = numberParam(params.get('to')) ?? current;
  const from = numberParam(params.get('from')) ?? (to != null ? to - 1 : undefined);
  return { from, to, validPair: from != null && to != null && from >= 1 && from < to };
}

export function revisionComparisonRequest(
  vacancyId: string,
  from: number,
  to: number,
  language: Language,
) {
  return {
    query: RevisionComparisonQueryDocument,
    variables: { vacancyId, from, to, language: apiLanguage(language) },
  };
}

function numberParam(value: string | null): number | undefined {
  const parsed = value == null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : undefined;
}
