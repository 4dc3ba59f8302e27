import { loadConfig } from '../config';
import { Database } from '../db/database';

/** Opens and migrates the configured database for a command-line tool. */
export async function openMigratedDatabase(holder: string): Promise<Database> {
  const database = await Database.open(loadConfig(), { holder });
  await database.migrate();
  return database;
}
