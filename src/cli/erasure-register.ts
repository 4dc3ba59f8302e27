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
import { parseCommandLine, runCommand, UsageError } from './arguments';
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

/** `export <file>` or `reapply <file>`. */
export function parseErasureRegisterArgs(argv: string[]): ['export' | 'reapply', string] {
  const { positionals } = parseCommandLine(argv, {}, USAGE, {
    min: 2,
    max: 2,
    names: 'the command (export or reapply) and the file',
  });
  const [command, file] = positionals;
  if (command !== 'export' && command !== 'reapply')
    throw new UsageError(`Unknown command '${command}'.`, USAGE);
  return [command, file!];
}

async function main(): Promise<void> {
  const args = parseErasureRegisterArgs(process.argv.slice(2));
  const register = new ErasureRegister(loadConfig().pseudonymSecret);
  const database = await openMigratedDatabase(`npm run erasure:${args[0]}`);
  try {
    console.log(await erasureRegisterCommand(args, database.dataSource, register));
  } finally {
    await database.close();
  }
}

if (require.main === module) runCommand(main, 'Erasure register: ');
