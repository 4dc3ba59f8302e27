import { Field, Int, ObjectType } from 'type-graphql';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { domainEnum } from '../api/domain-enum.types';

export const SyncKindEnum = domainEnum(
  DOMAIN_VALUES.syncKind,
  'SyncKind',
  'A run of the national sync.',
  {
    FULL: "The area's whole published set (nightly, and when there is no watermark).",
    INCREMENTAL: 'Changes since the watermark, then the archived (removed) ads.',
  },
);
export type SyncKindEnum = (typeof SyncKindEnum)[keyof typeof SyncKindEnum];

@ObjectType('SourceSync', {
  description:
    "The scheduled copy of an outside source's vacancies (Job Market Finland): how old it is and how its runs went, as this instance knows it.",
})
export class SourceSyncType {
  @Field({ description: 'Whether a run is in progress on this instance.' })
  running!: boolean;
  @Field(() => SyncKindEnum, { nullable: true, description: 'The run in progress, if any.' })
  runningKind!: SyncKindEnum | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When the latest run ended (or failed); null before the first.',
  })
  lastRunAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Seconds since lastRunAt.' })
  ageSeconds!: number | null;
  @Field(() => SyncKindEnum, { nullable: true, description: 'The kind of the latest run.' })
  lastKind!: SyncKindEnum | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the latest run's streams ended whole (false: cut off, kept what came); null after a failure.",
  })
  complete!: boolean | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When the latest run that ended whole did: the age of the copy.',
  })
  lastCompleteAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Why the latest run failed (kind and a short message); null when it did not, or when another instance ran it.',
  })
  lastError!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Records the latest run read (ads and removals).',
  })
  recordsRead!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Rows the latest run wrote (new or changed ads); null when another instance ran it.',
  })
  rowsWritten!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Rows the latest run deleted (removed or expired ads); null when another instance ran it.',
  })
  rowsDeleted!: number | null;
}
