import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DOMAIN_VALUES } from '../kernel/validation/domain-values';
import { domainEnum } from '../api/domain-enum.types';
import { LanguageLevelEnum, ProfileSectionEnum } from '../jobseekers/jobseekers.types';

// Defined beside the assessed skills that name it; exported here too, with the transfers.
export { ProfileSectionEnum };
import { RoleEnum } from '../auth/auth.types';

export const TransferDirectionEnum = domainEnum(
  DOMAIN_VALUES.transferDirection,
  'ProfileTransferDirection',
  "IMPORT reads the jobseeker's Job Market Finland profile into a draft (P60); EXPORT writes a confirmed assessment to it (P51).",
  {
    IMPORT: "Reads the jobseeker's Job Market Finland profile into a draft assessment (P60).",
    EXPORT: "Writes a confirmed assessment to the jobseeker's Job Market Finland profile (P51).",
  },
);
export type TransferDirectionEnum =
  (typeof TransferDirectionEnum)[keyof typeof TransferDirectionEnum];
export const TransferStatusEnum = domainEnum(
  DOMAIN_VALUES.transferStatus,
  'ProfileTransferStatus',
  'Where a transfer with Job Market Finland stands.',
  {
    AWAITING_PERMIT: 'The jobseeker has the permit page (10 minutes).',
    IN_PROGRESS: 'The permit came back and the transfer runs.',
    COMPLETED: 'Done; leftOut lists what could not be brought or sent.',
    REFUSED: 'The jobseeker said no on the permit page.',
    FAILED: 'Job Market Finland refused or failed (see outcome).',
    EXPIRED: 'No permit came back in time.',
  },
);
export type TransferStatusEnum = (typeof TransferStatusEnum)[keyof typeof TransferStatusEnum];

@ObjectType('ProfileTransferStart', {
  description: 'A transfer started: send the jobseeker to the permit page.',
})
export class ProfileTransferStartType {
  @Field(() => ID, { description: 'The transfer.' }) transferId!: string;
  @Field({
    description:
      "Job Market Finland's permit page for this one transfer, in the language asked: open it for the signed-in jobseeker or with them in person. Single-use; good until expiresAt.",
  })
  permitUrl!: string;
  @Field({ description: 'The permit must be granted before this.' }) expiresAt!: Date;
}

@ObjectType('OfferedLanguage', { description: 'A language a profile offers.' })
export class OfferedLanguageType {
  @Field({ description: 'ISO 639-1 code.' }) language!: string;
  @Field(() => LanguageLevelEnum, { description: 'CEFR level; native for a mother tongue (L1).' })
  level!: LanguageLevelEnum;
}

@ObjectType('OfferedChanges', {
  description:
    "What an imported profile offers the jobseeker's matching data. Confirming the draft adds what the jobseeker lacks and never overwrites a value they have (a differing one is a conflict, left as it is).",
})
export class OfferedChangesType {
  @Field(() => [ID], { description: "Desired ESCO occupations (the profile's desired work)." })
  desiredOccupationUris!: string[];
  @Field(() => [ID], { description: 'Desired ESCO skills: wishes, not claims.' })
  desiredSkillUris!: string[];
  @Field(() => [OfferedLanguageType], { description: 'Languages.' })
  languages!: OfferedLanguageType[];
  @Field(() => [String], { description: 'Licences and cards, as Osaamo codes.' })
  licences!: string[];
  @Field(() => [String], {
    description:
      'Preferred municipalities (3-digit codes): shown, not applied (Osaamo uses the commute from home).',
  })
  preferredMunicipalityCodes!: string[];
  @Field(() => [String], { description: 'Preferred regions (2-digit codes): shown, not applied.' })
  preferredRegionCodes!: string[];
}

@ObjectType('AppliedChanges', {
  description: 'What confirming the draft did with the offered changes.',
})
export class AppliedChangesType {
  @Field(() => Date, { description: 'When the changes were applied to the jobseeker.' })
  at!: string;
  @Field(() => [String], { description: 'Values added.' }) added!: string[];
  @Field(() => [String], {
    description: "Values that differ from the jobseeker's: left as they are.",
  })
  conflicts!: string[];
  @Field(() => [String], { description: 'Values Osaamo has no place for.' })
  notApplicable!: string[];
}

@ObjectType('UnknownProfileUri', {
  description:
    'An ESCO URI the profile names that Osaamo does not hold: reported, never silently dropped.',
})
export class UnknownUriType {
  @Field(() => ID, { description: 'The URI as the profile gives it.' }) uri!: string;
  @Field({ description: 'skill or occupation.' }) kind!: string;
  @Field({ description: 'Where it stood (a section, or job_preference).' }) section!: string;
}

@ObjectType('UnmappedProfileCode', {
  description: 'A code of a national code list the mapping file does not map (reported).',
})
export class UnmappedCodeType {
  @Field({ description: 'KIELI, KIELITAIDON_TASO, AJOKORTTILUOKKA or LUPA_KORTTI.' })
  codeSet!: string;
  @Field({ description: 'The code as the profile gives it (empty when it gives none).' })
  code!: string;
}

@ObjectType('WorkOccupation', { description: 'An occupation of the work history, with its item.' })
export class WorkOccupationType {
  @Field(() => ID, { description: 'The ESCO occupation URI.' }) uri!: string;
  @Field(() => ProfileSectionEnum, { description: 'The part of the profile it stood in.' })
  section!: ProfileSectionEnum;
  @Field(() => String, { nullable: true, description: "The item's title." })
  itemTitle!: string | null;
  @Field(() => String, { nullable: true, description: "The item's start date." })
  startedOn!: string | null;
  @Field(() => String, { nullable: true, description: "The item's end date." })
  endedOn!: string | null;
}

@ObjectType('ProfileTransfer', {
  description:
    'One transfer of a competence profile with Job Market Finland under one permit: who started it and why, how it ended, what it brought or left out.',
})
export class ProfileTransferType {
  @Field(() => ID, { description: 'The transfer.' }) id!: string;
  @Field(() => TransferDirectionEnum, { description: 'Import or export.' })
  direction!: TransferDirectionEnum;
  @Field(() => TransferStatusEnum, { description: 'Where it stands, or how it ended.' })
  status!: TransferStatusEnum;
  @Field({ description: 'The purpose recorded with it.' }) purpose!: string;
  @Field(() => RoleEnum, { description: 'Started by a counsellor or the jobseeker.' })
  startedByRole!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Why it was refused or failed: an error code (e.g. PERMIT_REFUSED access_denied, TIMEOUT, SERVICE_ERROR 429).',
  })
  outcome!: string | null;
  @Field({ description: 'When it was started.' }) startedAt!: Date;
  @Field({ description: 'The permit had to come back before this.' }) expiresAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the transfer was made (or ended).' })
  finishedAt!: Date | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Import: the draft it made; export: the confirmed assessment sent.',
  })
  assessmentId!: string | null;
  @Field(() => Date, {
    nullable: true,
    description: "Import: the profile's own last-modified time.",
  })
  profileModifiedAt!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Import: skills claimed in the draft; export: skills sent.',
  })
  skillCount!: number | null;
  @Field(() => OfferedChangesType, {
    nullable: true,
    description: 'Import: what it offers the matching data.',
  })
  offered!: OfferedChangesType | null;
  @Field(() => AppliedChangesType, { nullable: true, description: 'Import: what confirming did.' })
  applied!: AppliedChangesType | null;
  @Field(() => [WorkOccupationType], { description: 'Import: occupations of the work history.' })
  workOccupations!: WorkOccupationType[];
  @Field(() => [UnknownUriType], { description: 'Import: ESCO URIs Osaamo does not hold.' })
  unknownUris!: UnknownUriType[];
  @Field(() => [UnmappedCodeType], { description: 'Import: codes the mapping file does not map.' })
  unmappedCodes!: UnmappedCodeType[];
  @Field(() => [String], {
    description:
      'What could not be brought (import) or sent (export), in words: a partial transfer says so.',
  })
  leftOut!: string[];
}
