import { parseArgs } from 'node:util';

/** A command line the command cannot read: why, then how to call it. Exit code 2. */
export class UsageError extends Error {
  constructor(reason: string, usage: string) {
    super(`${reason}\n${usage}`);
    this.name = 'UsageError';
  }
}

type ParseArgsOptions = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/**
 * node:util parseArgs, strict (an unknown option or one missing its value is refused) with the
 * command's usage in the error, and the number of positional arguments checked.
 */
export function parseCommandLine<const O extends ParseArgsOptions>(
  args: string[],
  options: O,
  usage: string,
  positionals: { min: number; max: number; names: string },
) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: positionals.max > 0, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message, usage);
    throw error;
  }
  const count = parsed.positionals.length;
  if (count < positionals.min) throw new UsageError(`Missing ${positionals.names}.`, usage);
  if (count > positionals.max)
    throw new UsageError(`Unexpected argument '${parsed.positionals[positionals.max]}'.`, usage);
  return parsed;
}

/** Runs a command's main: a UsageError exits with 2, any other error with 1, prefixed. */
export function runCommand(main: () => Promise<void>, failed: string): void {
  main().catch((error) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(`${failed}${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
