import { basename } from 'node:path';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { Right } from '../core/options-flow/option-trade.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../core/units.ts';
import { isoDate } from '../core/units.ts';
import { type ChainFileOverrides, snapshotAsOf, vendorIv } from './canonical-chain.ts';
import { headerIndex } from './csv-line.ts';
import { readCsvRows } from './csv-rows.ts';
import {
  calendarDate, nonNegativeInteger, optionRight, optionalNonNegativeNumber, positiveNumber, requireText,
} from './fields.ts';
import { FieldError, InputFormatError, type ParseOptions, RowExcluded } from './ingest-report.ts';

/**
 * Yahoo Finance option chains as saved by yfinance (`option_chain().calls/puts` to CSV), one file per ticker and
 * snapshot date, named `YYYY-MM-DD_<TICKER>.csv[.gz]`. Columns: `contractSymbol,type,expiration,strike,
 * lastTradeDate,lastTradeDateEDT,lastPrice,bid,ask,change,percentChange,volume,openInterest,impliedVolatility,
 * inTheMoney,contractSize,currency`. No underlying price.
 */

const REQUIRED = [
  'contractsymbol', 'type', 'expiration', 'strike', 'bid', 'ask', 'volume', 'openinterest', 'impliedvolatility',
] as const;
type YahooColumn = (typeof REQUIRED)[number] | 'contractsize';

/**
 * The snapshot time of a Yahoo chain file: 15:45 New York on the file's date. The files this adapter was built on
 * were committed by a scheduled job at ≈ 20:45 UTC (15:45 EST), a quarter hour before the close.
 */
export const YAHOO_SNAPSHOT_HOUR = 15;
export const YAHOO_SNAPSHOT_MINUTE = 45;

/** True when a header line is a yfinance option-chain header. */
export function isYahooChainHeader(header: string): boolean {
  const h = headerIndex(header);
  return header.startsWith('contractSymbol,') && REQUIRED.every((c) => h.has(c));
}

/** The snapshot date in a `YYYY-MM-DD_<TICKER>.csv[.gz]` file name, or null. */
export function yahooFileDate(file: string): IsoDate | null {
  const m = /^(\d{4}-\d{2}-\d{2})_[A-Za-z0-9.^-]+\.csv(?:\.gz)?$/.exec(basename(file));
  return m === null ? null : isoDate(m[1] as string);
}

/** The parts of an OCC option symbol (OSI): root, expiry, right and strike. */
export interface OccSymbol {
  readonly root: string;
  readonly expiry: IsoDate;
  readonly right: Right;
  readonly strike: number;
}

/**
 * Parses an OCC/OSI option symbol without padding, as Yahoo prints it: ROOT (1–6 letters/digits) + YYMMDD +
 * C|P + strike × 1000 in 8 digits, e.g. `AAPL251128C00110000` = AAPL 2025-11-28 call, strike 110.
 * Source: OCC, "Options Symbology Initiative" (2010). Two-digit years are read as 20YY.
 */
export function parseOccSymbol(value: string, field: string): OccSymbol {
  const m = /^([A-Z][A-Z0-9.]{0,5})(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/.exec(value);
  if (m === null) throw new FieldError(field, value, 'expected an OCC symbol ROOT+YYMMDD+C|P+strike×1000 (8 digits)');
  let expiry: IsoDate;
  try {
    expiry = calendarDate(`20${m[2]}-${m[3]}-${m[4]}`, field);
  } catch {
    throw new FieldError(field, value, 'its expiry YYMMDD is not a real calendar date');
  }
  const strike = Number(m[6]) / 1000;
  if (!(strike > 0)) throw new FieldError(field, value, 'its strike is 0');
  return { root: m[1] as string, expiry, right: m[5] as Right, strike };
}

/**
 * Streams the contracts of a Yahoo chain file. underlying = the OCC root of contractSymbol, which must agree with
 * the type, expiration and strike columns (else the row is rejected on contractSymbol). as_of = the file's date at
 * 15:45 New York (override with opts.asOf). Blank openInterest → excluded ("no open interest reported"); a
 * contractSize other than REGULAR → excluded ("non-standard contract"). bid and ask both 0 → no quote (null, null);
 * an ask of 0 alone → null (no offer); a bid of 0 stays 0 (nobody bids). IV under VENDOR_IV_FLOOR → null.
 */
export async function* readYahooChain(file: string, opts: ParseOptions & ChainFileOverrides): AsyncGenerator<ChainContract[]> {
  if (opts.underlying !== undefined) {
    throw new InputFormatError(file, 'an underlying override does not apply to Yahoo chains: every contractSymbol names its root');
  }
  const asOf = snapshotAsOf(file, opts.asOf, yahooFileDate(file), YAHOO_SNAPSHOT_HOUR, YAHOO_SNAPSHOT_MINUTE);
  yield* readCsvRows(file, opts, {
    header: (line) => yahooColumnIndex(file, line),
    row: (f, idx) => yahooContract(f, idx, asOf),
    exclude: true,
  });
}

type YahooIndex = ReadonlyMap<YahooColumn, number>;

function field(f: readonly string[], idx: YahooIndex, c: YahooColumn): string | undefined {
  const i = idx.get(c);
  return i === undefined ? undefined : f[i];
}

function yahooColumnIndex(file: string, header: string): Map<YahooColumn, number> {
  const h = headerIndex(header);
  const missing = REQUIRED.filter((c) => !h.has(c));
  if (missing.length > 0) throw new InputFormatError(file, `line 1: Yahoo chain header lacks column(s) ${missing.join(', ')}`);
  const m = new Map<YahooColumn, number>(REQUIRED.map((c) => [c, h.get(c) as number]));
  const size = h.get('contractsize');
  if (size !== undefined) m.set('contractsize', size);
  return m;
}

function yahooContract(f: readonly string[], idx: YahooIndex, asOf: EpochMs): ChainContract {
  const symbolText = requireText(field(f, idx, 'contractsymbol'), 'contractSymbol');
  const occ = parseOccSymbol(symbolText, 'contractSymbol');
  const expiry = calendarDate(field(f, idx, 'expiration'), 'expiration');
  const right = optionRight(field(f, idx, 'type'), 'type');
  const strike = positiveNumber(field(f, idx, 'strike'), 'strike');
  if (occ.expiry !== expiry) throw new FieldError('contractSymbol', symbolText, `says expiry ${occ.expiry}; expiration is ${expiry}`);
  if (occ.right !== right) throw new FieldError('contractSymbol', symbolText, `says ${occ.right}; type is ${field(f, idx, 'type')}`);
  if (Math.round(strike * 1000) !== Math.round(occ.strike * 1000)) {
    throw new FieldError('contractSymbol', symbolText, `says strike ${occ.strike}; strike is ${strike}`);
  }
  const quote = yahooQuote(field(f, idx, 'bid'), field(f, idx, 'ask'));
  const volume = field(f, idx, 'volume');
  const contract = {
    asOf,
    underlying: occ.root,
    underlyingPrice: null,
    expiry,
    strike,
    right,
    ...quote,
    volume: volume === undefined || volume === '' ? null : nonNegativeInteger(volume, 'volume') as Contracts,
    iv: vendorIv(field(f, idx, 'impliedvolatility'), 'impliedVolatility'),
  };
  const size = field(f, idx, 'contractsize');
  if (size !== undefined && size !== '' && size !== 'REGULAR') throw new RowExcluded('non-standard contract');
  const oi = field(f, idx, 'openinterest');
  if (oi === undefined || oi === '') throw new RowExcluded('no open interest reported');
  return { ...contract, openInterest: nonNegativeInteger(oi, 'openInterest') as Contracts };
}

function yahooQuote(bidText: string | undefined, askText: string | undefined): {
  bid: PricePerShare | null; ask: PricePerShare | null;
} {
  const bid = optionalNonNegativeNumber(bidText, 'bid');
  const ask = optionalNonNegativeNumber(askText, 'ask');
  if (ask === 0) return { bid: bid === 0 ? null : bid as PricePerShare | null, ask: null };
  return { bid: bid as PricePerShare | null, ask: ask as PricePerShare | null };
}
