import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../kernel/paging/pagination';
import { PATCHES } from '../kernel/validation/update-rule';

@ObjectType('Municipality', {
  description: 'A Finnish municipality. Its centre is a coarse location.',
})
export class MunicipalityType {
  @Field({ description: 'Official three-digit code, e.g. "297" for Kuopio.' }) code!: string;
  @Field({ description: 'Name in Finnish.' }) nameFi!: string;
  @Field({ description: 'Name in Swedish.' }) nameSv!: string;
  @Field(() => Float, { description: 'Latitude of the centre (WGS84).' }) latitude!: number;
  @Field(() => Float, { description: 'Longitude of the centre (WGS84).' }) longitude!: number;
  @Field({ description: 'Region (maakunta).' }) region!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The employment area serving it, e.g. "kuopio".',
  })
  employmentArea!: string | null;
}

@ObjectType('Employer', { description: 'An employer.' })
export class EmployerType {
  @Field(() => ID, { description: "The employer's id." }) id!: string;
  @Field({ description: 'Finnish business ID (Y-tunnus), e.g. "0737546-2".' }) businessId!: string;
  @Field({ description: "The employer's name." }) name!: string;
  @Field({ description: 'Home municipality code.' }) municipalityCode!: string;
  @Field(() => String, { nullable: true, description: 'Id in the system it was imported from.' })
  externalId!: string | null;
}

export const EmployerConnection = Connection(EmployerType, 'Employer');

@InputType({ description: 'A new employer.' })
export class CreateEmployerInput {
  @Field({ description: 'Finnish business ID with its check digit, e.g. "0737546-2".' })
  businessId!: string;
  @Field({ description: 'Name, at most 200 characters.' }) name!: string;
  @Field({ description: 'Home municipality code.' }) municipalityCode!: string;
  @Field(() => String, { nullable: true, description: 'Id in the source system.' }) externalId?:
    string | null;
}

@InputType({ description: `Changes to an employer. ${PATCHES}` })
export class UpdateEmployerInput {
  @Field({ nullable: true, description: "The employer's new name; left as it is when omitted." })
  name?: string;
  @Field({ nullable: true, description: 'Home municipality code.' }) municipalityCode?: string;
}
