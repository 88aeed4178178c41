import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../core/units.ts';
import { newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import { headerIndex } from './csv-line.ts';
import { readCsvRows } from './csv-rows.ts';
import {
  calendarDate, nonNegativeNumber, optionRight, positiveInteger, positiveNumber, requireText,
} from './fields.ts';
import { FieldError, InputFormatError, type ParseOptions, RowExcluded } from './ingest-report.ts';

/**
 * Cboe DataShop "Option Trades" CSV (docs/formats-ingest.md). One row per option print with the NBBO at the
 * print, then `number_of_exchanges` groups of `exchange,bid_size,bid,ask_size,ask` (one per exchange quoting the
 * series), so rows are not rectangular and are read by position after the named columns. Files bought with Cboe's
 * "Calcs" add `trade_iv,trade_delta` before `underlying_bid`; columns are found by header name, so both layouts read.
 */

/** Named columns this adapter reads; the header must have them all. */
const REQUIRED = [
  'quote_datetime', 'root', 'expiration', 'strike', 'option_type', 'exchange_id', 'trade_size', 'trade_price',
  'trade_condition_id', 'canceled_trade_condition_id', 'best_bid', 'best_ask', 'number_of_exchanges',
] as const;
type CboeColumn = (typeof REQUIRED)[number];

/** Fields per exchange quote group after `number_of_exchanges`: exchange, bid_size, bid, ask_size, ask. */
const QUOTE_GROUP_WIDTH = 5;

/**
 * Cboe trade_condition_id values that report a cancel, not a trade. Cboe's DataShop/LiveVol condition ids
 * follow the Nanex NxCore numbering (also published by ThetaData, "Trade Conditions"): 40 CANC (cancel a
 * previously reported trade), 41 CANC_LAST, 42 CANC_OPEN, 43 CANC_ONLY, 44 CANC_STPD. Verified on the real
 * 2016-06-01 ^VIX sample: its one condition-40 row repeats the price and size of the trade flagged
 * canceled_trade_condition_id = 1 and carries canceled_trade_condition_id = 2.
 */
export const CBOE_CANCEL_CONDITION_IDS: ReadonlySet<number> = new Set([40, 41, 42, 43, 44]);

/** True when a header line is a DataShop option-trades header. */
export function isCboeDataShopTradesHeader(header: string): boolean {
  const h = headerIndex(header);
  return header.toLowerCase().startsWith('underlying_symbol,quote_datetime') && REQUIRED.every((c) => h.has(c));
}

/**
 * Streams OptionTrades from a Cboe DataShop option-trades file, in the file's order (DataShop sorts by contract,
 * not by time: sort on ts before replaying). Cancelled trades and cancel reports are excluded and counted
 * (report.exclude), bad rows rejected with the field and value. `side` is null: the engine classifies it.
 */
export function readCboeDataShopTrades(file: string, opts: ParseOptions): AsyncGenerator<OptionTrade[]> {
  return readCsvRows(file, opts, {
    header: (line) => cboeColumnIndex(file, line),
    row: cboeTradeFromFields,
    exclude: true,
  });
}

function cboeColumnIndex(file: string, header: string): Map<CboeColumn, number> {
  const h = headerIndex(header);
  const missing = REQUIRED.filter((c) => !h.has(c));
  if (missing.length > 0) {
    throw new InputFormatError(file, `line 1: Cboe DataShop option-trades header lacks column(s) ${missing.join(', ')}`);
  }
  return new Map(REQUIRED.map((c) => [c, h.get(c) as number]));
}

/**
 * One DataShop row → OptionTrade. Throws FieldError for a bad field, RowExcluded for a cancelled trade
 * (canceled_trade_condition_id 1) or a cancel report (canceled_trade_condition_id 2, or a trade_condition_id
 * in CBOE_CANCEL_CONDITION_IDS). `underlying` is the option `root` without a leading ^ (VIX options: VIX).
 */
export function cboeTradeFromFields(f: readonly string[], idx: ReadonlyMap<CboeColumn, number>): OptionTrade {
  const get = (c: CboeColumn): string | undefined => f[idx.get(c) as number];
  checkQuoteGroups(f, idx.get('number_of_exchanges') as number);
  const condition = wholeNumber(get('trade_condition_id'), 'trade_condition_id');
  const cancelFlag = wholeNumber(get('canceled_trade_condition_id'), 'canceled_trade_condition_id');
  if (cancelFlag === 1) throw new RowExcluded('cancelled trade');
  if (cancelFlag === 2 || CBOE_CANCEL_CONDITION_IDS.has(condition)) throw new RowExcluded('cancel report');
  if (cancelFlag !== 0) {
    throw new FieldError('canceled_trade_condition_id', String(get('canceled_trade_condition_id')),
      'expected 0 (normal), 1 (trade later cancelled) or 2 (cancel report)');
  }
  return {
    ts: newYorkTimestamp(get('quote_datetime'), 'quote_datetime'),
    underlying: requireText(get('root'), 'root').replace(/^\^/, '').toUpperCase(),
    expiry: calendarDate(get('expiration'), 'expiration'),
    strike: positiveNumber(get('strike'), 'strike'),
    right: optionRight(get('option_type'), 'option_type'),
    price: nonNegativeNumber(get('trade_price'), 'trade_price') as PricePerShare,
    size: positiveInteger(get('trade_size'), 'trade_size') as Contracts,
    bid: nonNegativeNumber(get('best_bid'), 'best_bid') as PricePerShare,
    ask: nonNegativeNumber(get('best_ask'), 'best_ask') as PricePerShare,
    exchange: String(wholeNumber(get('exchange_id'), 'exchange_id')),
    condition: String(condition),
    side: null,
  };
}

/**
 * The row must end with exactly number_of_exchanges × 5 quote fields. Since 2022-06-13 Cboe leaves
 * number_of_exchanges and the groups empty: then every trailing field must be empty.
 */
function checkQuoteGroups(f: readonly string[], at: number): void {
  const raw = f[at];
  if (raw === undefined) throw new FieldError('number_of_exchanges', '', `row has only ${f.length} fields`);
  const trailing = f.length - at - 1;
  if (raw === '') {
    if (f.slice(at + 1).some((x) => x !== '')) {
      throw new FieldError('number_of_exchanges', raw, `empty, but ${trailing} quote fields follow it`);
    }
    return;
  }
  const n = wholeNumber(raw, 'number_of_exchanges');
  if (trailing !== n * QUOTE_GROUP_WIDTH) {
    throw new FieldError('number_of_exchanges', raw,
      `row has ${trailing} quote fields after it; expected ${n} × ${QUOTE_GROUP_WIDTH} = ${n * QUOTE_GROUP_WIDTH}`);
  }
}

function wholeNumber(value: string | undefined, field: string): number {
  const v = requireText(value, field);
  if (!/^\d{1,9}$/.test(v)) throw new FieldError(field, v, 'expected a whole number ≥ 0');
  return Number(v);
}

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;

/**
 * DataShop's `quote_datetime` (`2016-06-01 13:57:58.175`): New York wall-clock time without an offset
 * (Cboe: "US/Eastern"), turned into an instant with the New York rules of that date.
 */
function newYorkTimestamp(value: string | undefined, field: string): EpochMs {
  const v = requireText(value, field);
  const m = WALL_CLOCK.exec(v);
  if (m === null) throw new FieldError(field, v, 'expected New York wall-clock time YYYY-MM-DD HH:MM:SS[.fff]');
  let date: IsoDate;
  try {
    date = calendarDate(m[1], field);
  } catch {
    throw new FieldError(field, v, 'not a real calendar date');
  }
  const h = +(m[2] as string), mi = +(m[3] as string), s = +(m[4] as string);
  if (h > 23 || mi > 59 || s > 59) throw new FieldError(field, v, 'not a real time of day');
  const ms = m[5] === undefined ? 0 : +m[5].padEnd(3, '0');
  return newYorkWallClockToEpochMs(date, h, mi, s, ms);
}
