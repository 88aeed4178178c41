import type { Right } from '../core/options-flow/option-trade.ts';
import { basename } from 'node:path';
import { isoDate, type IsoDate } from '../core/units.ts';
import { finiteNumber, nonNegativeNumber, optionRight, positiveNumber } from '../ingest/fields.ts';
import { InputFormatError, type ParseOptions } from '../ingest/ingest-report.ts';
import { exclude, readCsvRecords } from './csv-records.ts';
import { leanExpiry } from './lean-minute-files.ts';

/**
 * One contract of a LEAN option universe file (../shared/data/lean-option-chains-oi/universes, SOURCE.md there)
 * with the vendor's own implied volatility and greeks, which the repository's chain reader
 * (src/ingest/lean-universe-chain.ts → ChainContract) does not carry. Units are the vendor's, as found by
 * vendor-greeks-comparison.ts: vega per vol point, theta per calendar day, rho per rate point.
 */
export interface VendorGreeksContract {
  readonly expiry: IsoDate;
  readonly strike: number;
  readonly right: Right;
  /** The session's last price in the file, $ per share (no bid/ask in these files). */
  readonly close: number;
  /** Contracts traded in the session; 0 means `close` was carried from an earlier print or quote. */
  readonly volume: number;
  /** The vendor's implied volatility; values below 1e−4 are its solver's failures (0, 1e−7). */
  readonly iv: number;
  readonly delta: number;
  readonly gamma: number;
  readonly vega: number;
  readonly theta: number;
  readonly rho: number;
}

/** One universe file: its underlying and date (from the file name), the underlying row's close, the contracts. */
export interface VendorGreeksDay {
  readonly underlying: string;
  readonly date: IsoDate;
  /** Close of the file's underlying row; null when it has none (LEAN's index-option files). */
  readonly underlyingClose: number | null;
  readonly contracts: readonly VendorGreeksContract[];
}

const COLUMNS = ['expiry', 'strike', 'right', 'close', 'volume', 'implied_volatility', 'delta', 'gamma', 'vega', 'theta', 'rho'] as const;

/**
 * Reads a LEAN universe file (`<UND>_<YYYY-MM-DD>.csv[.gz]`) with the vendor's greek columns. The underlying row
 * (empty expiry and strike) gives `underlyingClose` and is counted as excluded; bad rows are counted rejections.
 */
export async function readVendorGreeksDay(file: string, opts: ParseOptions): Promise<VendorGreeksDay> {
  const name = /^([A-Za-z0-9.]+)_(\d{4}-\d{2}-\d{2})\.csv(?:\.gz)?$/.exec(basename(file));
  if (name === null) throw new InputFormatError(file, 'expected a LEAN universe file named <UND>_<YYYY-MM-DD>.csv[.gz]');
  let underlyingClose: number | null = null;
  const contracts = await readCsvRecords(file, COLUMNS, opts, (get) => {
    if ((get('expiry') ?? '') === '' && (get('strike') ?? '') === '') {
      underlyingClose = positiveNumber(get('close'), 'close');
      return exclude('underlying row');
    }
    return {
      expiry: leanExpiry(get('expiry'), 'expiry'),
      strike: positiveNumber(get('strike'), 'strike'),
      right: optionRight(get('right'), 'right'),
      close: nonNegativeNumber(get('close'), 'close'),
      volume: nonNegativeNumber(get('volume'), 'volume'),
      iv: nonNegativeNumber(get('implied_volatility'), 'implied_volatility'),
      delta: finiteNumber(get('delta'), 'delta'),
      gamma: finiteNumber(get('gamma'), 'gamma'),
      vega: finiteNumber(get('vega'), 'vega'),
      theta: finiteNumber(get('theta'), 'theta'),
      rho: finiteNumber(get('rho'), 'rho'),
    };
  });
  return { underlying: (name[1] as string).toUpperCase(), date: isoDate(name[2] as string), underlyingClose, contracts };
}
