/**
 * npm run erasure:export -- <file>: writes the erasure register to a file (keep it apart from
 * the database's backups). npm run erasure:reapply -- <file>: after a restore, merges an export
 * into the register and erases every jobseeker it names. See the README, "Restoring a backup".
 */
import 'reflect-metadata';
import { loadConfig } from '../config';
import { ErasureRegister } from '../erasure/erasure-register';
import { exportRegister, reapplyRegister } from '../erasure/register-file';
import { openMigratedDatabase } from './open-database';

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'export' && command !== 'reapply') || !file)
    throw new Error('Usage: npm run erasure:export -- <file> | npm run erasure:reapply -- <file>');
  const register = new ErasureRegister(loadConfig().pseudonymSecret);
  const database = await openMigratedDatabase(`npm run erasure:${command}`);
  try {
    if (command === 'export') {
      const entries = await exportRegister(database.dataSource, register, file);
      console.log(JSON.stringify({ exported: entries, file }));
    } else {
      console.log(JSON.stringify(await reapplyRegister(database.dataSource, register, file)));
    }
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`Erasure register: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
