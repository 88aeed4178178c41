import type { ChainContract } from '../core/options-flow/chain.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../core/units.ts';
import { newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import { headerIndex } from './csv-line.ts';
import { fieldsInColumnOrder, jsonFieldsInColumnOrder, readCsvRows, readNdjsonRows } from './csv-rows.ts';
import {
  calendarDate, nonNegativeInteger, optionRight, optionalNonNegativeNumber, positiveNumber, requireText,
} from './fields.ts';
import { InputFormatError, type ParseOptions } from './ingest-report.ts';
import { timestampMs } from './timestamp.ts';

/** The canonical chain-snapshot columns (docs/formats.md), in their canonical order. */
export const CHAIN_COLUMNS = [
  'as_of', 'underlying', 'underlying_price', 'expiry', 'strike', 'right', 'open_interest', 'bid', 'ask', 'volume', 'iv',
] as const;
export type ChainColumn = (typeof CHAIN_COLUMNS)[number];
/** Columns a header may leave out entirely (their values are then null). */
const OPTIONAL_COLUMNS: ReadonlySet<ChainColumn> = new Set(['underlying_price', 'bid', 'ask', 'volume', 'iv']);

/**
 * Validates one canonical chain row from its fields (by column name); throws FieldError naming the field.
 * `open_interest` is required (a whole number ≥ 0): a chain row exists to carry OI, and a missing OI must not be
 * read as 0. `underlying_price`, `bid`, `ask`, `volume` and `iv` may be empty (→ null). `iv` is a fraction per
 * year (0.25 = 25 %), ≥ 0. A bid above the ask (crossed) is kept, as for trades.
 */
export function chainContractFromFields(get: (c: ChainColumn) => string | undefined): ChainContract {
  return chainContractFromRow(CHAIN_COLUMNS.map(get));
}

/** Position of each column in CHAIN_COLUMNS. */
const AT = Object.fromEntries(CHAIN_COLUMNS.map((c, i) => [c, i])) as Record<ChainColumn, number>;

/** chainContractFromFields for fields already in CHAIN_COLUMNS order (absent columns undefined). */
function chainContractFromRow(f: readonly (string | undefined)[]): ChainContract {
  const underlyingPrice = f[AT.underlying_price];
  const volume = f[AT.volume];
  return {
    asOf: timestampMs(f[AT.as_of], 'as_of'),
    underlying: requireText(f[AT.underlying], 'underlying').toUpperCase(),
    underlyingPrice: underlyingPrice === undefined || underlyingPrice === ''
      ? null : positiveNumber(underlyingPrice, 'underlying_price'),
    expiry: calendarDate(f[AT.expiry], 'expiry'),
    strike: positiveNumber(f[AT.strike], 'strike'),
    right: optionRight(f[AT.right], 'right'),
    openInterest: nonNegativeInteger(f[AT.open_interest], 'open_interest') as Contracts,
    bid: optionalNonNegativeNumber(f[AT.bid], 'bid') as PricePerShare | null,
    ask: optionalNonNegativeNumber(f[AT.ask], 'ask') as PricePerShare | null,
    volume: volume === undefined || volume === '' ? null : nonNegativeInteger(volume, 'volume') as Contracts,
    iv: optionalNonNegativeNumber(f[AT.iv], 'iv'),
  };
}

/** Streams canonical chain contracts from a CSV file with a header row; batches follow the file's order. */
export function readCanonicalChainCsv(file: string, opts: ParseOptions): AsyncGenerator<ChainContract[]> {
  return readCsvRows(file, opts, {
    header: (line) => chainColumnIndex(file, line),
    row: (fields, index) => chainContractFromRow(fieldsInColumnOrder(fields, index)),
  });
}

function chainColumnIndex(file: string, header: string): number[] {
  const h = headerIndex(header);
  const missing = CHAIN_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c) && !h.has(c));
  if (missing.length > 0) {
    throw new InputFormatError(file, `line 1: header lacks column(s) ${missing.join(', ')}; expected ${CHAIN_COLUMNS.join(',')}`);
  }
  return CHAIN_COLUMNS.map((c) => h.get(c) ?? -1);
}

/** True when a CSV header line names every required canonical chain column. */
export function isCanonicalChainHeader(header: string): boolean {
  const h = headerIndex(header);
  return CHAIN_COLUMNS.every((c) => OPTIONAL_COLUMNS.has(c) || h.has(c));
}

/** Streams canonical chain contracts from NDJSON (one JSON object per line; numbers as JSON numbers or strings). */
export function readCanonicalChainNdjson(file: string, opts: ParseOptions): AsyncGenerator<ChainContract[]> {
  return readNdjsonRows(file, opts, (obj) => chainContractFromRow(jsonFieldsInColumnOrder(obj, CHAIN_COLUMNS)));
}

/** The canonical chain CSV header line. */
export function chainCsvHeader(): string {
  return CHAIN_COLUMNS.join(',');
}

/**
 * One contract as a canonical chain CSV line (no newline): as_of in ISO-8601 UTC with milliseconds, numbers in
 * JavaScript's shortest round-trip form, null as empty. Reading the line back gives the same contract.
 */
export function formatChainCsvRow(c: ChainContract): string {
  const cells = [
    new Date(c.asOf).toISOString(), csvText(c.underlying), numberOrEmpty(c.underlyingPrice), c.expiry, String(c.strike),
    c.right, String(c.openInterest), numberOrEmpty(c.bid), numberOrEmpty(c.ask), numberOrEmpty(c.volume),
    numberOrEmpty(c.iv),
  ];
  return cells.join(',');
}

function numberOrEmpty(n: number | null): string {
  return n === null ? '' : String(n);
}

function csvText(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Vendor implied volatilities below this (a fraction per year: 0.01 = 1 %) are solver failures, not quotes:
 * Yahoo prints 1e-05 for deep in-the-money contracts and LEAN writes 0 or 1e-07 when its solver did not
 * converge. No listed US equity or index option trades at an IV under 1 %/yr, so such values become null.
 */
export const VENDOR_IV_FLOOR = 0.01;

/** A vendor's IV (fraction per year): empty or below VENDOR_IV_FLOOR → null; negative or non-finite → FieldError. */
export function vendorIv(value: string | undefined, field: string): number | null {
  const iv = optionalNonNegativeNumber(value, field);
  return iv === null || iv < VENDOR_IV_FLOOR ? null : iv;
}

/** Overrides for chain files that carry no date or symbol inside (LEAN universes, Yahoo chains). */
export interface ChainFileOverrides {
  /** The underlying, when the file name does not give it (LEAN only). */
  readonly underlying?: string;
  /** The snapshot instant, or a New York date whose snapshot time is the format's own (LEAN 16:00, Yahoo 15:45). */
  readonly asOf?: EpochMs | IsoDate;
}

/**
 * The as-of instant of a file-dated snapshot: an explicit instant wins; otherwise the override date, or else the
 * date in the file name, at the format's New York wall-clock time. No date at all → InputFormatError.
 */
export function snapshotAsOf(
  file: string, override: EpochMs | IsoDate | undefined, fileDate: IsoDate | null, hour: number, minute: number,
): EpochMs {
  if (typeof override === 'number') {
    if (!Number.isFinite(override)) throw new InputFormatError(file, `as-of override was ${override}; expected epoch ms`);
    return override;
  }
  const date = override ?? fileDate;
  if (date === null) {
    throw new InputFormatError(file, 'the file name carries no date; pass the as-of date (YYYY-MM-DD) explicitly');
  }
  try {
    calendarDate(date, 'as_of');
  } catch {
    throw new InputFormatError(file, `as-of date was ${JSON.stringify(date)}; expected YYYY-MM-DD`);
  }
  return newYorkWallClockToEpochMs(date, hour, minute, 0, 0);
}
