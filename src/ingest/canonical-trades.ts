import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { Contracts, PricePerShare } from '../core/units.ts';
import { headerIndex } from './csv-line.ts';
import { fieldsInColumnOrder, jsonFieldsInColumnOrder, readCsvRows, readNdjsonRows } from './csv-rows.ts';
import {
  calendarDate, nonNegativeNumber, optionRight, optionalSide, positiveInteger, positiveNumber, requireText,
} from './fields.ts';
import { FieldError, InputFormatError, type ParseOptions } from './ingest-report.ts';
import { newYorkDate } from '../core/calendar/new-york-date.ts';
import { timestampMs } from './timestamp.ts';

/** The canonical option-trade columns (docs/formats.md), in their canonical order. */
export const TRADE_COLUMNS = [
  'ts', 'underlying', 'expiry', 'strike', 'right', 'price', 'size', 'bid', 'ask', 'exchange', 'condition', 'side',
] as const;
type TradeColumn = (typeof TRADE_COLUMNS)[number];
const OPTIONAL_COLUMNS: ReadonlySet<TradeColumn> = new Set(['exchange', 'condition', 'side']);

/**
 * Validates one canonical trade from its fields in canonical column order (TRADE_COLUMNS; absent optional
 * columns undefined). Throws FieldError naming the field. `price` ≥ 0 (an abandoned-option print can be 0;
 * a negative one is rejected). Size must be a whole number of contracts > 0. A bid above the ask (crossed)
 * is kept: it is real on live tapes. A print after its contract's expiry date (New York) is rejected.
 */
export function tradeFromFields(f: readonly (string | undefined)[]): OptionTrade {
  const raw = requireText(f[1], 'underlying');
  const underlying = isUpper(raw) ? raw : raw.toUpperCase();
  const ts = timestampMs(f[0], 'ts');
  const expiry = calendarDate(f[2], 'expiry');
  if (expiry < newYorkDate(ts)) throw new FieldError('expiry', expiry, `before the trade's New York date ${newYorkDate(ts)}`);
  const r = f[4];
  return {
    ts,
    underlying,
    expiry,
    strike: positiveNumber(f[3], 'strike'),
    right: r === 'C' || r === 'P' ? r : optionRight(r, 'right'),
    price: nonNegativeNumber(f[5], 'price') as PricePerShare,
    size: positiveInteger(f[6], 'size') as Contracts,
    bid: nonNegativeNumber(f[7], 'bid') as PricePerShare,
    ask: nonNegativeNumber(f[8], 'ask') as PricePerShare,
    exchange: f[9] ?? '',
    condition: f[10] ?? '',
    side: optionalSide(f[11], 'side'),
  };
}

function isUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/**
 * Streams canonical trades from a CSV file with a header row, line by line through the general field
 * parsers. readCanonicalTradesCsv (canonical-trades-fast.ts) gives the same results faster; this one is its
 * reference and handles any column order.
 */
export function readCanonicalTradesCsvGeneric(file: string, opts: ParseOptions): AsyncGenerator<OptionTrade[]> {
  return readCsvRows(file, opts, {
    header: (line) => {
      const index = tradeColumnIndex(file, line);
      return { index, identity: index.every((i, j) => i === j) };
    },
    row: (fields, { index, identity }) => tradeFromFields(identity ? fields : fieldsInColumnOrder(fields, index)),
  });
}

export function tradeColumnIndex(file: string, header: string): number[] {
  const h = headerIndex(header);
  const missing = TRADE_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c) && !h.has(c));
  if (missing.length > 0) {
    throw new InputFormatError(file, `line 1: header lacks column(s) ${missing.join(', ')}; expected ${TRADE_COLUMNS.join(',')}`);
  }
  return TRADE_COLUMNS.map((c) => h.get(c) ?? -1);
}

/** Streams canonical trades from NDJSON (one JSON object per line; numbers may be JSON numbers or strings). */
export function readCanonicalTradesNdjson(file: string, opts: ParseOptions): AsyncGenerator<OptionTrade[]> {
  return readNdjsonRows(file, opts, (obj) => tradeFromFields(jsonFieldsInColumnOrder(obj, TRADE_COLUMNS)));
}
