import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** The `pg` pool's counts behind a TypeORM data source; null when it has none (closed). */
export function poolStateOf(
  dataSource: DataSource,
): { total: number; idle: number; waiting: number } | null {
  const pool = (dataSource.driver as PostgresDriver).master as Pool | undefined;
  if (!pool || !dataSource.isInitialized) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
