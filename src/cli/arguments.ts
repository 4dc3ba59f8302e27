import { parseArgs } from 'node:util';

/** A command line the command cannot read: why, then how to call it (exit code 2). */
export class UsageError extends Error {
  constructor(
    reason: string,
    usage: string,
    /** 0 when the usage was asked for (--help). */
    readonly exitCode = 2,
  ) {
    super(reason ? `${reason}\n${usage}` : usage);
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
  if (args.includes('--help') || args.includes('-h')) throw new UsageError('', usage, 0);
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

/** Runs a command's main: a UsageError prints the usage, any other error exits 1, prefixed. */
export function runCommand(main: () => Promise<void>, failed: string): void {
  main().catch((error) => {
    if (error instanceof UsageError) {
      (error.exitCode === 0 ? console.log : console.error)(error.message);
      process.exit(error.exitCode);
    }
    console.error(`${failed}${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
