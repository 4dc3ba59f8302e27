import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ExternalSource } from './external-vacancy';

/** One outside vacancy, kept until it expires or no cached search names it (ExternalVacancyCache1795870000000). */
@Entity({ name: 'external_vacancy' })
@Check('external_vacancy_source_check', `source IN ('national', 'eures')`)
@Index('external_vacancy_expires_idx', ['expiresAt'])
export class CachedExternalVacancy {
  @PrimaryColumn({ type: 'text' })
  source!: ExternalSource;

  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId!: string;

  /** The vacancy as read (an ExternalVacancy, dates as ISO text). */
  @Column({ type: 'jsonb' })
  data!: unknown;

  @Column({ name: 'fetched_at', type: 'timestamptz' })
  fetchedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}

/** Which vacancies one query to a source returned, and when. */
@Entity({ name: 'external_search' })
@Check('external_search_source_check', `source IN ('national', 'eures')`)
@Index('external_search_fetched_idx', ['fetchedAt'])
export class CachedExternalSearch {
  @PrimaryColumn({ type: 'text' })
  source!: ExternalSource;

  /** ExternalCache.keyOf(query). */
  @PrimaryColumn({ name: 'query_key', type: 'text' })
  queryKey!: string;

  @Column({ name: 'external_ids', type: 'text', array: true })
  externalIds!: string[];

  @Column({ name: 'fetched_at', type: 'timestamptz' })
  fetchedAt!: Date;
}
