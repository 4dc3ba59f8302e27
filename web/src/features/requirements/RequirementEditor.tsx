import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import {
  Block,
  Button,
  Heading,
  InlineAlert,
  Paragraph,
  RouterLink,
  Text,
} from 'suomifi-ui-components';
import { graphql } from '../../gql';
import { errorCode } from '../../api/client';
import { apiLanguage, useFormat, useLanguage, useMessages } from '../../i18n/i18n';
import { QueryState } from '../../layout/QueryState';
import { CostChart } from './CostChart';
import { changedFields, Draft, draftFrom, sameAs, toInput } from './draft';
import { editorMessages } from './editor.messages';
import { PoolSummary, useDebounced } from './PoolPanel';
import {
  EducationRequirements,
  LanguageRequirements,
  LicenceRequirements,
  SkillRequirements,
} from './ProfileFields';
import { SkillSearch } from './SkillSearch';
import { Suggestion, SuggestionPanel } from './SuggestionPanel';
import { useViewQuery } from '../../api/view-data';
import {
  DEFAULT_THRESHOLD_PERCENT,
  editorRequest,
  InsightsQuery,
  insightsRequest,
  thresholdFrom,
} from './operations';
import './editor.css';

// After a CONFLICT: the latest revision, past the cache.
const LatestQuery = graphql(`
  query RequirementEditorLatest($vacancyId: ID!, $language: Language!) {
    vacancy(id: $vacancyId) {
      id
      requirements {
        ...EditedProfile
      }
    }
  }
`);

const SaveMutation = graphql(`
  mutation SaveRequirementProfile(
    $vacancyId: ID!
    $baseRevision: Int!
    $input: RequirementProfileInput!
    $language: Language!
  ) {
    updateRequirementProfile(vacancyId: $vacancyId, baseRevision: $baseRevision, input: $input) {
      ...EditedProfile
    }
  }
`);

interface SavedProfileFields {
  revision: number;
  updatedAt: string;
  updatedBy: string;
  skills: {
    skillUri: string;
    importance: Draft['skills'][number]['importance'];
    requiredLevel: number;
    skill: { preferredLabel?: string | null };
  }[];
  languages: Draft['languages'];
  licences: string[];
  minEducationLevel?: number | null;
  minExperienceMonths?: number | null;
}

/** The revision the draft builds on: updateRequirementProfile names it as baseRevision. */
interface Base {
  revision: number;
  updatedAt: string;
  updatedBy: string;
  profile: Draft;
}

interface Latest extends Base {
  skillLabels: string[];
  /** What changed there since the revision the draft started from. */
  changed: string[];
}

interface Conflict {
  startedFrom: number;
  latest: Latest | null;
}

const baseFrom = (saved: SavedProfileFields): Base => ({
  revision: saved.revision,
  updatedAt: saved.updatedAt,
  updatedBy: saved.updatedBy,
  profile: draftFrom(saved),
});

/**
 * The requirement-profile editor (employers for their vacancies, counsellors for their area's):
 * starts from the current revision, takes suggestions from the ad text, shows the pool and what
 * each requirement costs, and saves a new revision naming the one it started from.
 */
export default function RequirementEditor() {
  const { vacancyId = '' } = useParams();
  const t = useMessages(editorMessages);
  const { language } = useLanguage();
  const { dateTime } = useFormat();
  const client = useClient();

  const [base, setBase] = useState<Base | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [thresholdPercent, setThresholdPercent] = useState(DEFAULT_THRESHOLD_PERCENT);
  const conflictRef = useRef<HTMLDivElement>(null);

  const [editor] = useViewQuery(editorRequest(vacancyId, language));
  const threshold = useDebounced(thresholdFrom(thresholdPercent), 400);
  const [insights, reloadInsights] = useViewQuery(insightsRequest(vacancyId, threshold, language));
  // The draft as it stands once the typing has paused, counted only when it differs from the base.
  const sentDraft = useDebounced(draft && base && !sameAs(draft, base.profile) ? draft : null, 300);
  const [draftInsights] = useQuery({
    query: InsightsQuery,
    variables: {
      vacancyId,
      threshold,
      language: apiLanguage(language),
      draft: sentDraft && toInput(sentDraft),
    },
    pause: !sentDraft,
  });
  const [saving, save] = useMutation(SaveMutation);

  // The draft starts from the revision first loaded; later loads (after a save) do not reset it.
  const saved = editor.data?.vacancy.requirements;
  // The skills' labels in the current language: the saved ones from the profile, a draft's
  // added ones from the server's count of the draft (both reload when the language changes).
  const labels = useMemo(() => {
    const map = new Map<string, string>();
    for (const r of draftInsights.data?.requirementInsights.requirements ?? [])
      if (r.kind === 'SKILL') map.set(r.requirement, r.label);
    for (const s of saved?.skills ?? [])
      if (s.skill.preferredLabel) map.set(s.skillUri, s.skill.preferredLabel);
    return map;
  }, [saved, draftInsights.data]);
  // Set while rendering, not in an effect: the editor's first pass with data is already the
  // form, without a committed pass in between.
  if (saved && !base) {
    const first = baseFrom(saved);
    setBase(first);
    setDraft(first.profile);
  }

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const change = useCallback((update: (draft: Draft) => Draft) => {
    setNotice(null);
    setDraft((current) => (current ? update(current) : current));
  }, []);
  const inDraft = useCallback(
    (skillUri: string) => Boolean(draft?.skills.some((s) => s.skillUri === skillUri)),
    [draft],
  );
  const addSkill = useCallback(
    (skill: Pick<Suggestion, 'skillUri' | 'label'> & Partial<Suggestion>) =>
      change((d) =>
        d.skills.some((s) => s.skillUri === skill.skillUri)
          ? d
          : {
              ...d,
              skills: [
                ...d.skills,
                {
                  skillUri: skill.skillUri,
                  label: skill.label,
                  importance: skill.importance ?? 'IMPORTANT',
                  requiredLevel: skill.requiredLevel ?? 3,
                },
              ],
            },
      ),
    [change],
  );

  async function submit() {
    if (!draft || !base) return;
    setSaveError(null);
    setNotice(null);
    const result = await save({
      vacancyId,
      baseRevision: base.revision,
      input: toInput(draft),
      language: apiLanguage(language),
    });
    if (result.error) {
      if (errorCode(result.error) === 'CONFLICT')
        setConflict({ startedFrom: base.revision, latest: null });
      else setSaveError(result.error.graphQLErrors[0]?.message ?? result.error.message);
      return;
    }
    const profile = result.data!.updateRequirementProfile;
    setBase(baseFrom(profile));
    setConflict(null);
    setNotice(t('saved', { revision: profile.revision }));
    reloadInsights({ requestPolicy: 'network-only' });
  }

  async function loadLatest() {
    const result = await client
      .query(
        LatestQuery,
        { vacancyId, language: apiLanguage(language) },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (!result.data) {
      setSaveError(result.error?.message ?? '');
      return;
    }
    const latest = baseFrom(result.data.vacancy.requirements);
    const changed = base
      ? changedFields(base.profile, latest.profile).map((field) => t(`field.${field}`))
      : [];
    const skillLabels = latest.profile.skills.map((s) => s.label);
    setConflict((c) => c && { ...c, latest: { ...latest, skillLabels, changed } });
  }

  function resolve(keepMine: boolean) {
    const latest = conflict?.latest;
    if (!latest) return;
    setBase(latest);
    if (!keepMine) setDraft(latest.profile);
    setConflict(null);
    setNotice(keepMine ? t('conflictKeptNotice', { revision: latest.revision }) : null);
    reloadInsights({ requestPolicy: 'network-only' });
  }

  const vacancy = editor.data?.vacancy;
  const report = insights.data?.requirementInsights;
  const edited = Boolean(draft && base && !sameAs(draft, base.profile));
  // The draft's figures once counted for the draft sent (older ones would mislead while typing).
  const draftReport = edited && sentDraft ? draftInsights.data?.requirementInsights : undefined;
  const shown = edited ? draftReport : report;
  const labelOf = (skill: Draft['skills'][number]) => labels.get(skill.skillUri) ?? skill.label;

  return (
    <Block data-view="requirement-editor" data-ready={String(Boolean(vacancy && draft && report))}>
      <QueryState fetching={editor.fetching} error={editor.error} hasData={Boolean(vacancy)}>
        {vacancy && draft && base && (
          <>
            <Heading variant="h1">{t('title', { vacancy: vacancy.title })}</Heading>
            <Paragraph mt="s">{t('intro')}</Paragraph>
            <Paragraph mt="xs">
              {t('startedFrom', {
                revision: base.revision,
                when: dateTime(base.updatedAt),
                who: base.updatedBy,
              })}
            </Paragraph>
            <nav className="requirement-links" aria-label={t('compareRevisions')}>
              <RouterLink asComponent={Link} to={`/vacancies/${vacancyId}`}>
                {t('backToVacancy')}
              </RouterLink>
              <RouterLink asComponent={Link} to={`/vacancies/${vacancyId}/revisions`}>
                {t('compareRevisions')}
              </RouterLink>
            </nav>
            <div className="requirement-layout">
              <div className="requirement-main">
                <SuggestionPanel vacancyId={vacancyId} inDraft={inDraft} onKeep={addSkill} />
                <section aria-labelledby="skills-title" className="requirement-section">
                  <Heading variant="h2" id="skills-title">
                    {t('skillsTitle')}
                  </Heading>
                  <SkillRequirements skills={draft.skills} labelOf={labelOf} change={change} />
                  <SkillSearch inDraft={inDraft} onAdd={addSkill} />
                </section>
                <LanguageRequirements languages={draft.languages} change={change} />
                <LicenceRequirements
                  licences={draft.licences}
                  saved={base.profile.licences}
                  change={change}
                />
                <EducationRequirements draft={draft} change={change} />
                <div className="requirement-save">
                  {conflict && (
                    <div ref={conflictRef} tabIndex={-1} data-testid="conflict">
                      <InlineAlert status="error" labelText={t('conflictTitle')}>
                        <Paragraph>
                          {t('conflictText', { revision: conflict.startedFrom })}
                        </Paragraph>
                        {!conflict.latest && (
                          <Button mt="s" variant="secondary" onClick={() => void loadLatest()}>
                            {t('conflictLoad')}
                          </Button>
                        )}
                        {conflict.latest && (
                          <LatestRevision
                            latest={conflict.latest}
                            when={dateTime(conflict.latest.updatedAt)}
                            onResolve={resolve}
                          />
                        )}
                      </InlineAlert>
                    </div>
                  )}
                  {saveError && (
                    <InlineAlert status="error">
                      {t('saveFailed', { reason: saveError })}
                    </InlineAlert>
                  )}
                  <div role="status">
                    {notice && <Text variant="bold">{notice}</Text>}
                    {!notice && edited && <Text>{t('unsaved')}</Text>}
                  </div>
                  <Button
                    mt="s"
                    onClick={() => void submit()}
                    disabled={saving.fetching || !edited || Boolean(conflict)}
                  >
                    {saving.fetching ? t('saving') : t('save')}
                  </Button>
                </div>
              </div>
              <aside className="requirement-aside" aria-labelledby="pool-title">
                <PoolSummary
                  saved={{
                    pool: report?.pool ?? null,
                    revision: report?.revision ?? base.revision,
                  }}
                  drafted={draftReport ? (draftReport.pool ?? null) : undefined}
                  edited={edited}
                  draftFailed={Boolean(edited && sentDraft && draftInsights.error)}
                  updating={insights.fetching || (edited && draftInsights.fetching)}
                  thresholdPercent={thresholdPercent}
                  onThresholdChange={setThresholdPercent}
                />
                <Heading variant="h3" mt="l" mb="xs">
                  {t('costTitle')}
                </Heading>
                {shown && <CostChart rows={shown.requirements} />}
              </aside>
            </div>
          </>
        )}
      </QueryState>
    </Block>
  );
}

function LatestRevision({
  latest,
  when,
  onResolve,
}: {
  latest: Latest;
  when: string;
  onResolve: (keepMine: boolean) => void;
}) {
  const t = useMessages(editorMessages);
  return (
    <div data-testid="latest-revision">
      <Paragraph mt="s">
        {t('conflictLatest', { revision: latest.revision, when, who: latest.updatedBy })}
      </Paragraph>
      {latest.changed.length > 0 && (
        <Paragraph mt="xs">{t('conflictChanged', { fields: latest.changed.join(', ') })}</Paragraph>
      )}
      <Paragraph mt="xs">
        {latest.skillLabels.length
          ? t('conflictLatestSkills', { skills: latest.skillLabels.join(', ') })
          : t('conflictLatestNoSkills')}
      </Paragraph>
      <div className="requirement-actions">
        <Button variant="default" onClick={() => onResolve(true)}>
          {t('conflictKeepMine', { revision: latest.revision })}
        </Button>
        <Button variant="secondary" onClick={() => onResolve(false)}>
          {t('conflictUseLatest', { revision: latest.revision })}
        </Button>
      </div>
    </div>
  );
}
