/**
 * The erasure register outside the database: exported to a file kept apart from the database's
 * backups, and re-applied after a restore (README, "Restoring a backup"). The file holds keyed
 * hashes and days only, no customer id.
 */
import fs from 'node:fs';
import { DataSource } from 'typeorm';
import { JobseekerRepository } from '../jobseekers/jobseeker.repository';
import { log } from '../kernel/logger';
import { ErasureEntry, ErasureRegister, erasedCustomerProblem } from './erasure-register';

const FORMAT = 'osaamo-erasure-register';

interface Header {
  format: typeof FORMAT;
  version: 1;
  /** Which register key made the hashes (ErasureRegister.keyId). */
  keyId: string;
  exportedAt: string;
  entries: number;
}

/** Writes the whole register to `file` (replaced atomically); returns how many entries. */
export async function exportRegister(
  dataSource: DataSource,
  register: ErasureRegister,
  file: string,
): Promise<number> {
  const entries = await register.entries(dataSource.manager);
  const header: Header = {
    format: FORMAT,
    version: 1,
    keyId: register.keyId(),
    exportedAt: new Date().toISOString(),
    entries: entries.size,
  };
  const lines = [JSON.stringify(header)];
  for (const [customerHash, erasedOn] of entries)
    lines.push(JSON.stringify({ customerHash, erasedOn } satisfies ErasureEntry));
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(temporary, `${lines.join('\n')}\n`, { mode: 0o600 });
  await fs.promises.rename(temporary, file);
  return entries.size;
}

/** Reads an export; throws naming the line when it is not one, or made under another key. */
export async function readRegisterFile(
  file: string,
  register: ErasureRegister,
): Promise<ErasureEntry[]> {
  const lines = (await fs.promises.readFile(file, 'utf8')).split('\n').filter((l) => l.trim());
  let header: Partial<Header> = {};
  try {
    header = JSON.parse(lines[0] ?? '{}');
  } catch {
    /* reported below */
  }
  if (header.format !== FORMAT || header.version !== 1)
    throw new Error(`${file}: line 1 is not the header of an erasure register export`);
  if (header.keyId !== register.keyId())
    throw new Error(
      `${file}: exported under another key (${header.keyId}, this server's is ${register.keyId()}): set the OSAAMO_PSEUDONYM_SECRET it was made with`,
    );
  const entries = lines.slice(1).map((line, i) => {
    let entry: Partial<ErasureEntry> = {};
    try {
      entry = JSON.parse(line);
    } catch {
      /* reported below */
    }
    if (
      typeof entry.customerHash !== 'string' ||
      !/^[0-9a-f]{64}$/.test(entry.customerHash) ||
      typeof entry.erasedOn !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(entry.erasedOn)
    )
      throw new Error(`${file}: line ${i + 2} is not an entry {"customerHash","erasedOn"}`);
    return { customerHash: entry.customerHash, erasedOn: entry.erasedOn };
  });
  if (entries.length !== header.entries)
    throw new Error(`${file}: holds ${entries.length} entries, its header says ${header.entries}`);
  return entries;
}

export interface ReapplyRun {
  /** Entries in the file. */
  entries: number;
  /** Jobseekers erased because the register names them. */
  erased: number;
}

/**
 * Merges an export into the register and erases every jobseeker the register then names (but
 * one whose customer relationship began after the erasure), in one transaction. Idempotent.
 */
export async function reapplyRegister(
  dataSource: DataSource,
  register: ErasureRegister,
  file: string,
): Promise<ReapplyRun> {
  const fromFile = await readRegisterFile(file, register);
  return dataSource.transaction(async (manager) => {
    await register.merge(manager, fromFile);
    const erasedOn = await register.entries(manager);
    const repository = new JobseekerRepository(manager);
    const due = (await repository.customersLocked())
      .filter(
        (j) =>
          erasedCustomerProblem(erasedOn.get(register.hashOf(j.customer_id)), j.customer_since) !==
          null,
      )
      .map((j) => j.id);
    if (due.length) await repository.erase(due);
    const run = { entries: fromFile.length, erased: due.length };
    log.info('erasure_register_reapplied', { ...run });
    return run;
  });
}
