import type { Right } from '../core/options-flow/option-trade.ts';
import type { IsoDate } from '../core/units.ts';
import { nonNegativeInteger, nonNegativeNumber, optionRight, positiveNumber } from '../ingest/fields.ts';
import { FieldError, type ParseOptions } from '../ingest/ingest-report.ts';
import { exclude, readCsvRecords } from './csv-records.ts';
import { leanExpiry } from './lean-minute-files.ts';

/**
 * One contract of a LEAN option "universe" file (../shared/data/lean-option-chains-oi/universes, SOURCE.md
 * there), with what the calibration needs: the session's daily bar and the settled OI after that session.
 * Evidence for "OI after the session": GOOG 2015-12-23's OI equals the minute OI file stamped 12-24 06:30 on
 * 1,315 of 1,340 contracts, and day-over-day OI changes fit the later day's volume (|ΔOI| ≤ volume for 97%).
 */
export interface LeanUniverseContract {
  readonly expiry: IsoDate;
  readonly right: Right;
  readonly strike: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** The session's volume, contracts. */
  readonly volume: number;
  /** Settled OI after the session; null when LEAN left it blank. */
  readonly openInterest: number | null;
}

const COLUMNS = ['expiry', 'strike', 'right', 'open', 'high', 'low', 'close', 'volume', 'open_interest'] as const;

/**
 * The contracts of one universe file (header `#expiry,strike,right,open,high,low,close,volume,open_interest,…`).
 * The underlying's own row (empty expiry) is excluded ("underlying row"). A blank open_interest is kept as null.
 */
export async function readLeanUniverseDay(file: string, opts: ParseOptions): Promise<LeanUniverseContract[]> {
  return readCsvRecords(file, COLUMNS, opts, (get) => {
    if ((get('expiry') ?? '') === '' && (get('strike') ?? '') === '') return exclude('underlying row');
    const oi = get('open_interest');
    const low = nonNegativeNumber(get('low'), 'low');
    const high = nonNegativeNumber(get('high'), 'high');
    if (low > high) throw new FieldError('low', String(get('low')), `above the high ${high}`);
    return {
      expiry: leanExpiry(get('expiry'), 'expiry'),
      right: optionRight(get('right'), 'right'),
      strike: positiveNumber(get('strike'), 'strike'),
      open: nonNegativeNumber(get('open'), 'open'),
      high,
      low,
      close: nonNegativeNumber(get('close'), 'close'),
      volume: nonNegativeNumber(get('volume'), 'volume'),
      openInterest: oi === undefined || oi === '' ? null : nonNegativeInteger(oi, 'open_interest'),
    };
  });
}
