import { MigrationInterface } from 'typeorm';
import { TaxonomySchema1795843698061 } from './1795843698061-TaxonomySchema';

/** Every migration in order; listed explicitly so that build output and tests agree. */
export const ALL_MIGRATIONS: (new () => MigrationInterface)[] = [TaxonomySchema1795843698061];
