import { MigrationInterface } from 'typeorm';
import { TaxonomySchema1795843698061 } from './1795843698061-TaxonomySchema';
import { PeopleEmployersVacancies1795845747874 } from './1795845747874-PeopleEmployersVacancies';
import { Municipalities1795845800000 } from './1795845800000-Municipalities';
import { MatchOutcomes1795849386108 } from './1795849386108-MatchOutcomes';
import { MatchChangeFeed1795860000000 } from './1795860000000-MatchChangeFeed';
import { ExternalVacancyCache1795870000000 } from './1795870000000-ExternalVacancyCache';
import { AuditAppendOnly1795880000000 } from './1795880000000-AuditAppendOnly';
import { CustomerRelationshipEnd1795890000000 } from './1795890000000-CustomerRelationshipEnd';
import { ApiKeys1795900000000 } from './1795900000000-ApiKeys';
import { IdempotencyKeys1795910000000 } from './1795910000000-IdempotencyKeys';
import { EmployerPseudonyms1796055565865 } from './1796055565865-EmployerPseudonyms';
import { ErasureRegister1796055580117 } from './1796055580117-ErasureRegister';
import { DraftAssessments1796056106189 } from './1796056106189-DraftAssessments';
import { ChangeOrigin1796056280817 } from './1796056280817-ChangeOrigin';
import { SkillLinkingModel1796057325699 } from './1796057325699-SkillLinkingModel';
import { RankingTrace1796059385097 } from './1796059385097-RankingTrace';
import { NationalVacancies1796060000000 } from './1796060000000-NationalVacancies';
import { RateLimit1796070000000 } from './1796070000000-RateLimit';
import { ProfileTransfers1796106441905 } from './1796106441905-ProfileTransfers';
import { Cohorts1796210000000 } from './1796210000000-Cohorts';
import { NationalVacancyFeed1796080000000 } from './1796080000000-NationalVacancyFeed';
import { LayOffs1796200000000 } from './1796200000000-LayOffs';

/** Every migration in order; listed explicitly so that build output and tests agree. */
export const ALL_MIGRATIONS: (new () => MigrationInterface)[] = [
  TaxonomySchema1795843698061,
  PeopleEmployersVacancies1795845747874,
  Municipalities1795845800000,
  MatchOutcomes1795849386108,
  MatchChangeFeed1795860000000,
  ExternalVacancyCache1795870000000,
  AuditAppendOnly1795880000000,
  CustomerRelationshipEnd1795890000000,
  ApiKeys1795900000000,
  IdempotencyKeys1795910000000,
  EmployerPseudonyms1796055565865,
  ErasureRegister1796055580117,
  DraftAssessments1796056106189,
  ChangeOrigin1796056280817,
  SkillLinkingModel1796057325699,
  RankingTrace1796059385097,
  NationalVacancies1796060000000,
  RateLimit1796070000000,
  NationalVacancyFeed1796080000000,
  ProfileTransfers1796106441905,
  LayOffs1796200000000,
  Cohorts1796210000000,
];
