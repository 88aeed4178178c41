import type { Right } from '../core/options-flow/option-trade.ts';
import type { IsoDate } from '../core/units.ts';
import {
  calendarDate, nonNegativeInteger, nonNegativeNumber, optionRight, positiveNumber, requireText,
} from '../ingest/fields.ts';
import { FieldError, type ParseOptions } from '../ingest/ingest-report.ts';
import { exclude, readCsvRecords } from './csv-records.ts';

/**
 * Readers for the LEAN minute option files flattened to CSV (../shared/data/lean-option-chains-oi/minute,
 * SOURCE.md there): `<UND>_<YYYY-MM-DD>_option_trade_bars_1m.csv.gz` and
 * `<UND>_<YYYY-MM-DD>_option_open_interest.csv.gz`. Calibration-only: the engine never reads bars.
 */

/** The contract columns both files share. */
export interface LeanContractId {
  readonly underlying: string;
  readonly expiry: IsoDate;
  readonly right: Right;
  readonly strike: number;
}

/** One 1-minute trade bar of one contract; prices in dollars per share, volume in contracts. */
export interface LeanMinuteBar extends LeanContractId {
  /** Wall-clock milliseconds since midnight in New York. */
  readonly msSinceMidnight: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** One contract's open interest as stamped ~06:30 New York: OCC's settled figure of the previous session. */
export interface LeanOpenInterest extends LeanContractId {
  readonly openInterest: number;
}

const ID_COLUMNS = ['underlying', 'expiry', 'right', 'strike', 'ms_since_midnight_et'] as const;
const DAY_MS = 86_400_000;

/** LEAN's `YYYYMMDD` expiry as an ISO date. */
export function leanExpiry(value: string | undefined, field: string): IsoDate {
  const v = requireText(value, field);
  if (!/^\d{8}$/.test(v)) throw new FieldError(field, v, 'expected a date YYYYMMDD');
  try {
    return calendarDate(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`, field);
  } catch {
    throw new FieldError(field, v, 'not a real calendar date');
  }
}

function contractId(get: (c: string) => string | undefined): LeanContractId {
  return {
    underlying: requireText(get('underlying'), 'underlying').toUpperCase(),
    expiry: leanExpiry(get('expiry'), 'expiry'),
    right: optionRight(get('right'), 'right'),
    strike: positiveNumber(get('strike'), 'strike'),
  };
}

function msOfDay(get: (c: string) => string | undefined): number {
  const ms = nonNegativeInteger(get('ms_since_midnight_et'), 'ms_since_midnight_et');
  if (ms >= DAY_MS) throw new FieldError('ms_since_midnight_et', String(ms), 'expected less than 86400000 (one day)');
  return ms;
}

/**
 * All bars of a trade-bar file. A bar must have low ≤ open, close ≤ high; a bar with zero volume carries no
 * trade and is excluded ("zero volume").
 */
export async function readLeanTradeBars(file: string, opts: ParseOptions): Promise<LeanMinuteBar[]> {
  return readCsvRecords(file, [...ID_COLUMNS, 'open', 'high', 'low', 'close', 'volume'], opts, (get) => {
    const id = contractId(get);
    const msSinceMidnight = msOfDay(get);
    const open = nonNegativeNumber(get('open'), 'open');
    const high = nonNegativeNumber(get('high'), 'high');
    const low = nonNegativeNumber(get('low'), 'low');
    const close = nonNegativeNumber(get('close'), 'close');
    const volume = nonNegativeInteger(get('volume'), 'volume');
    if (low > high) throw new FieldError('low', String(get('low')), `above the high ${high}`);
    if (open < low || open > high) throw new FieldError('open', String(get('open')), `outside the bar's range [${low}, ${high}]`);
    if (close < low || close > high) throw new FieldError('close', String(get('close')), `outside the bar's range [${low}, ${high}]`);
    if (volume === 0) return exclude('zero volume');
    return { ...id, msSinceMidnight, open, high, low, close, volume };
  });
}

/** All rows of an open-interest file. */
export async function readLeanOpenInterest(file: string, opts: ParseOptions): Promise<LeanOpenInterest[]> {
  return readCsvRecords(file, [...ID_COLUMNS, 'open_interest'], opts, (get) => {
    const id = contractId(get);
    msOfDay(get);
    return { ...id, openInterest: nonNegativeInteger(get('open_interest'), 'open_interest') };
  });
}
