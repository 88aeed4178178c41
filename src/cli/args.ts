import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.ts';
import { FieldError } from '../ingest/ingest-report.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with errors turned into UsageError; `--help`/`-h` always accepted. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** An integer option within [min, max], or the default when absent. */
export function intOption(value: string | undefined, name: string, def: number, min: number, max: number): number {
  if (value === undefined) return def;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} was ${JSON.stringify(value)}; expected a whole number from ${min} to ${max}`);
  }
  return n;
}

/** A number option within [min, max], or the default when absent. */
export function numberOption(value: string | undefined, name: string, def: number, min: number, max: number): number {
  if (value === undefined) return def;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`--${name} was ${JSON.stringify(value)}; expected a number from ${min} to ${max}`);
  }
  return n;
}

/** A value that must be one of `choices`, or undefined when absent. */
export function choiceOption<T extends string>(value: string | undefined, name: string, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (!(choices as readonly string[]).includes(v)) {
    throw new UsageError(`--${name} was ${JSON.stringify(value)}; expected one of ${choices.join(', ')}`);
  }
  return v as T;
}

/** Runs a field parser on an option's value; its FieldError becomes a UsageError naming the option. */
export function optionValue<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof FieldError) throw new UsageError(`--${e.message}`);
    throw e;
  }
}

/** `SYMBOL [FILE…]` plus the files of a repeatable `--flag`: the upper-cased symbol and every file. */
export function symbolAndFiles(positionals: string[], flagged: string[] | undefined, flag: string): { symbol: string; files: string[] } {
  const [rawSymbol, ...more] = positionals;
  if (rawSymbol === undefined) throw new UsageError('missing SYMBOL');
  const files = [...(flagged ?? []), ...more];
  if (files.length === 0) throw new UsageError(`missing --${flag} FILE`);
  return { symbol: rawSymbol.toUpperCase(), files };
}
