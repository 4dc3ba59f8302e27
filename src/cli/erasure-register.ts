/**
 * npm run erasure:export -- <file>: writes the erasure register to a file (keep it apart from
 * the database's backups). npm run erasure:reapply -- <file>: after a restore, merges an export
 * into the register and erases every jobseeker it names. See the README, "Restoring a backup".
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { ErasureRegister } from '../erasure/erasure-register';
import { exportRegister, reapplyRegister } from '../erasure/register-file';
import { openMigratedDatabase } from './open-database';

const USAGE = 'Usage: npm run erasure:export -- <file> | npm run erasure:reapply -- <file>';

/** Runs `export <file>` or `reapply <file>`; returns the line the command prints. */
export async function erasureRegisterCommand(
  args: string[],
  dataSource: DataSource,
  register: ErasureRegister,
): Promise<string> {
  const [command, file] = args;
  if (!file) throw new Error(USAGE);
  if (command === 'export')
    return JSON.stringify({ exported: await exportRegister(dataSource, register, file), file });
  return JSON.stringify(await reapplyRegister(dataSource, register, file));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if ((args[0] !== 'export' && args[0] !== 'reapply') || !args[1] || args.length > 2)
    throw new Error(USAGE);
  const register = new ErasureRegister(loadConfig().pseudonymSecret);
  const database = await openMigratedDatabase(`npm run erasure:${args[0]}`);
  try {
    console.log(await erasureRegisterCommand(args, database.dataSource, register));
  } finally {
    await database.close();
  }
}

if (require.main === module)
  main().catch((error) => {
    console.error(`Erasure register: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
