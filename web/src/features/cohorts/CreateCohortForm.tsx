import { ChangeEvent, FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { CombinedError, useMutation } from 'urql';
import {
  Button,
  Heading,
  HintText,
  InlineAlert,
  Label,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
  StatusText,
  Table,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import type { CreateCohortMutation } from '../../gql/graphql';
import { useMessages } from '../../i18n/i18n';
import { errorCode } from '../../api/client';
import { cohortMessages } from './messages';
import { createInput, CreateCohort, MemberSource } from './operations';
import { useCount } from './count';

type Created = CreateCohortMutation['createCohort'];

/** The form field a BAD_USER_INPUT error names (input.jobseekerIds[3] → ids), else none. */
export function formFieldOf(field: unknown): 'name' | MemberSource | null {
  if (typeof field !== 'string') return null;
  if (field === 'input.name') return 'name';
  if (field === 'input.employerBusinessId') return 'employer';
  if (field === 'input.customerIdsJsonl') return 'file';
  if (field.startsWith('input.jobseekerIds')) return 'ids';
  return null;
}

/**
 * Names a new cohort in exactly one way: by the employer that laid its people off, by a JSON
 * Lines file of customer ids (read here, sent as text) or by pasted jobseeker ids. A rejected
 * field's reason shows beside that field; with nothing left to report, the analysis opens.
 */
export function CreateCohortForm() {
  const t = useMessages(cohortMessages);
  const count = useCount();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [source, setSource] = useState<MemberSource>('employer');
  const [businessId, setBusinessId] = useState('');
  const [ids, setIds] = useState('');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [result, create] = useMutation(CreateCohort);
  const rejection = rejectionOf(result.error);
  const statusOf = (field: 'name' | MemberSource) =>
    rejection?.field === field ? ('error' as const) : ('default' as const);
  const textOf = (field: 'name' | MemberSource) =>
    rejection?.field === field ? rejection.text : undefined;

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const answer = await create({
      input: createInput(name, source, { businessId, jsonl: file?.text ?? '', ids }),
    });
    const made = answer.data?.createCohort;
    if (!made) return;
    if (made.unknownLines.length === 0 && !made.laidOffElsewhere)
      void navigate(`/cohorts/${made.cohort.id}`);
    else setCreated(made);
  }

  return (
    <section aria-labelledby="cohort-create-title">
      <form className="osaamo-cohort-form" onSubmit={(event) => void submit(event)} noValidate>
        <Heading variant="h2" id="cohort-create-title">
          {t('createTitle')}
        </Heading>
        <TextInput
          id="cohort-name"
          labelText={t('name')}
          hintText={t('nameHint')}
          maxLength={200}
          value={name}
          onChange={(value) => setName(String(value ?? ''))}
          status={statusOf('name')}
          statusText={textOf('name')}
          fullWidth
        />
        <RadioButtonGroup
          labelText={t('membersLegend')}
          name="cohort-source"
          value={source}
          onChange={(value) => setSource(value as MemberSource)}
        >
          <RadioButton value="employer">{t('byEmployer')}</RadioButton>
          <RadioButton value="file">{t('byFile')}</RadioButton>
          <RadioButton value="ids">{t('byIds')}</RadioButton>
        </RadioButtonGroup>
        {source === 'employer' && (
          <TextInput
            id="cohort-business-id"
            labelText={t('businessId')}
            hintText={t('businessIdHint')}
            value={businessId}
            onChange={(value) => setBusinessId(String(value ?? ''))}
            status={statusOf('employer')}
            statusText={textOf('employer')}
          />
        )}
        {source === 'file' && (
          <div className="osaamo-cohort-file">
            <Label htmlFor="cohort-file">{t('file')}</Label>
            <HintText id="cohort-file-hint">{t('fileHint')}</HintText>
            <input
              id="cohort-file"
              type="file"
              accept=".jsonl,.json,.txt,application/jsonl,application/json,text/plain"
              aria-describedby="cohort-file-hint cohort-file-status"
              aria-invalid={statusOf('file') === 'error'}
              onChange={(event) => void chooseFile(event)}
            />
            {file && (
              <HintText>
                {t('fileChosen', {
                  name: file.name,
                  lines: file.text.split(/\r?\n/).filter((line) => line.trim()).length,
                })}
              </HintText>
            )}
            <StatusText id="cohort-file-status" status={statusOf('file')}>
              {textOf('file')}
            </StatusText>
          </div>
        )}
        {source === 'ids' && (
          <Textarea
            id="cohort-ids"
            labelText={t('ids')}
            hintText={t('idsHint')}
            value={ids}
            onChange={(event) => setIds(event.target.value)}
            status={statusOf('ids')}
            statusText={textOf('ids')}
            fullWidth
          />
        )}
        <div>
          <Button type="submit" disabled={result.fetching}>
            {result.fetching ? t('creating') : t('create')}
          </Button>
        </div>
        <div aria-live="polite">
          {result.error && !rejection?.field && (
            <InlineAlert status="error">
              {t('createFailed', { reason: rejection?.text ?? result.error.message })}
            </InlineAlert>
          )}
        </div>
      </form>
      {created && <CreatedCohort created={created} count={count} />}
    </section>
  );
}

/** What a creation left out: people of another area, and file lines naming nobody. */
function CreatedCohort({
  created,
  count,
}: {
  created: Created;
  count: (value: number | null | undefined) => string;
}) {
  const t = useMessages(cohortMessages);
  const { cohort } = created;
  return (
    <section className="osaamo-cohort-section" aria-live="polite">
      <InlineAlert status="neutral">
        {cohort.members == null
          ? t('createdHidden', { name: cohort.name })
          : t('created', { name: cohort.name, members: count(cohort.members) })}
      </InlineAlert>
      {Boolean(created.laidOffElsewhere) && (
        <Paragraph mt="s">{t('elsewhere', { count: count(created.laidOffElsewhere) })}</Paragraph>
      )}
      {created.unknownLines.length > 0 && (
        <Table
          caption={t('unknownTitle')}
          columns={[
            { key: 'line', labelText: t('columnLine'), textAlign: 'right' },
            { key: 'customerId', labelText: t('columnCustomerId') },
            { key: 'reason', labelText: t('columnReason') },
          ]}
          data={created.unknownLines.map((line) => ({
            id: String(line.line),
            line: String(line.line),
            customerId: line.customerId ?? '–',
            reason: line.reason,
          }))}
        />
      )}
      <Paragraph mt="s">
        <RouterLink asComponent={Link} to={`/cohorts/${cohort.id}`}>
          {t('openCohort', { name: cohort.name })}
        </RouterLink>
      </Paragraph>
    </section>
  );
}

/** A refusal of the input: the form field it names (if one) and the server's reason. */
function rejectionOf(error: CombinedError | undefined) {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (errorCode(error) !== 'BAD_USER_INPUT')
    return { field: null, text: first?.message ?? error.message };
  const reason = first?.extensions?.reason;
  const named = first?.extensions?.field;
  return {
    field: formFieldOf(named),
    text:
      typeof reason === 'string'
        ? `${typeof named === 'string' ? `${named}: ` : ''}${reason}`
        : (first?.message ?? error.message),
  };
}
