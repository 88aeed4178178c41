import { basename, dirname } from 'node:path';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { Contracts, EpochMs, IsoDate } from '../core/units.ts';
import { isoDate } from '../core/units.ts';
import { type ChainFileOverrides, snapshotAsOf, vendorIv } from './canonical-chain.ts';
import { headerIndex } from './csv-line.ts';
import { readCsvRows } from './csv-rows.ts';
import { calendarDate, nonNegativeInteger, optionRight, positiveNumber, requireText } from './fields.ts';
import { FieldError, InputFormatError, type ParseOptions, RowExcluded } from './ingest-report.ts';

/**
 * QuantConnect LEAN option "universe" files: one daily chain snapshot per underlying, header
 * `#expiry,strike,right,open,high,low,close,volume,open_interest,implied_volatility,delta,gamma,vega,theta,rho`.
 * The first data row (empty expiry/strike/right) is the underlying's daily bar; every other row is one contract
 * with its daily bar, OI and LEAN's IV and greeks. The file names its underlying and date only in its path.
 */

const REQUIRED = ['expiry', 'strike', 'right', 'close', 'volume', 'open_interest', 'implied_volatility'] as const;
type LeanColumn = (typeof REQUIRED)[number];

/** LEAN universes are end-of-day snapshots: as_of is the file's date at the 16:00 New York close. */
export const LEAN_SNAPSHOT_HOUR = 16;

/** True when a header line is a LEAN option-universe header. */
export function isLeanUniverseHeader(header: string): boolean {
  const h = headerIndex(header);
  return header.startsWith('#expiry,strike,right') && REQUIRED.every((c) => h.has(c));
}

/** Underlying and date of a LEAN universe file, from its path; null when the name follows neither pattern. */
export interface LeanUniverseIdentity {
  /** Null for a native `YYYYMMDD.csv` whose folder is not a symbol: the caller must name the underlying. */
  readonly underlying: string | null;
  readonly date: IsoDate;
}

/**
 * `<UND>_<YYYY-MM-DD>.csv[.gz]` (this project's layout), or LEAN's native `<und>/<YYYYMMDD>.csv[.gz]`
 * (the folder is the underlying, e.g. `option/usa/universes/aapl/20140606.csv`).
 */
export function leanUniverseIdentity(file: string): LeanUniverseIdentity | null {
  const name = basename(file);
  const flat = /^([A-Za-z0-9.]+)_(\d{4}-\d{2}-\d{2})\.csv(?:\.gz)?$/.exec(name);
  if (flat !== null) return { underlying: (flat[1] as string).toUpperCase(), date: isoDate(flat[2] as string) };
  const native = /^(\d{4})(\d{2})(\d{2})\.csv(?:\.gz)?$/.exec(name);
  const folder = basename(dirname(file));
  if (native !== null) {
    const underlying = /^[A-Za-z0-9.]+$/.test(folder) ? folder.toUpperCase() : null;
    return { underlying, date: isoDate(`${native[1]}-${native[2]}-${native[3]}`) };
  }
  return null;
}

/**
 * Streams the contracts of a LEAN universe file. underlying_price = the close of the underlying row (null when
 * the file has none, as LEAN's index-option files); as_of = the date at 16:00 New York. A contract whose
 * open_interest is blank is excluded ("no open interest reported": LEAN leaves it blank when its vendor reported
 * none, which cannot be told apart from missing data, so it is never read as 0). IV below VENDOR_IV_FLOOR
 * (LEAN's 0 and 1e-07 solver failures) → null. LEAN has no quotes: bid and ask are null.
 */
export async function* readLeanUniverseChain(
  file: string, opts: ParseOptions & ChainFileOverrides,
): AsyncGenerator<ChainContract[]> {
  const identity = leanUniverseIdentity(file);
  const underlying = opts.underlying?.toUpperCase() ?? identity?.underlying ?? undefined;
  if (underlying === undefined || underlying === '') {
    throw new InputFormatError(file, 'cannot tell the underlying from the file name (expected <UND>_<YYYY-MM-DD>.csv or <und>/<YYYYMMDD>.csv); pass it explicitly');
  }
  const asOf = snapshotAsOf(file, opts.asOf, identity?.date ?? null, LEAN_SNAPSHOT_HOUR, 0);
  let underlyingPrice: number | null = null;
  let firstData = true;
  yield* readCsvRows(file, opts, {
    header: (line) => leanColumnIndex(file, line),
    skip: (f, idx, lineNo) => {
      if (!firstData) return false;
      firstData = false;
      if (field(f, idx, 'expiry') !== '' || field(f, idx, 'strike') !== '' || field(f, idx, 'right') !== '') return false;
      underlyingPrice = underlyingClose(file, lineNo, field(f, idx, 'close'));
      return true;
    },
    row: (f, idx) => leanContract(f, idx, underlying, asOf, underlyingPrice),
    exclude: true,
  });
}

type LeanIndex = ReadonlyMap<LeanColumn, number>;

function field(f: readonly string[], idx: LeanIndex, c: LeanColumn): string | undefined {
  return f[idx.get(c) as number];
}

function leanColumnIndex(file: string, header: string): Map<LeanColumn, number> {
  const h = headerIndex(header);
  const missing = REQUIRED.filter((c) => !h.has(c));
  if (missing.length > 0) throw new InputFormatError(file, `line 1: LEAN universe header lacks column(s) ${missing.join(', ')}`);
  return new Map(REQUIRED.map((c) => [c, h.get(c) as number]));
}

/** The underlying row is metadata, not a contract: a bad close there is a file problem, not a row rejection. */
function underlyingClose(file: string, line: number, close: string | undefined): number {
  try {
    return positiveNumber(close, 'close');
  } catch (e) {
    if (e instanceof FieldError) throw new InputFormatError(file, `line ${line}: underlying row: ${e.message}`);
    throw e;
  }
}

function leanContract(
  f: readonly string[], idx: LeanIndex, underlying: string, asOf: EpochMs, underlyingPrice: number | null,
): ChainContract {
  const volume = field(f, idx, 'volume');
  const contract = {
    asOf,
    underlying,
    underlyingPrice,
    expiry: compactDate(field(f, idx, 'expiry'), 'expiry'),
    strike: positiveNumber(field(f, idx, 'strike'), 'strike'),
    right: optionRight(field(f, idx, 'right'), 'right'),
    bid: null,
    ask: null,
    volume: volume === undefined || volume === '' ? null : nonNegativeInteger(volume, 'volume') as Contracts,
    iv: vendorIv(field(f, idx, 'implied_volatility'), 'implied_volatility'),
  };
  const oi = field(f, idx, 'open_interest');
  if (oi === undefined || oi === '') throw new RowExcluded('no open interest reported');
  return { ...contract, openInterest: nonNegativeInteger(oi, 'open_interest') as Contracts };
}

/** LEAN's `YYYYMMDD` → `YYYY-MM-DD` (a real calendar date). */
function compactDate(value: string | undefined, field: string): IsoDate {
  const v = requireText(value, field);
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m === null) throw new FieldError(field, v, 'expected a date YYYYMMDD');
  try {
    return calendarDate(`${m[1]}-${m[2]}-${m[3]}`, field);
  } catch {
    throw new FieldError(field, v, 'not a real calendar date');
  }
}
