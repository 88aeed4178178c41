import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { Contracts, PricePerShare } from '../core/units.ts';
import { headerIndex, splitCsvLine } from './csv-line.ts';
import {
  calendarDate, nonNegativeNumber, optionRight, optionalSide, positiveInteger, positiveNumber, requireText,
} from './fields.ts';
import { FieldError, InputFormatError, type ParseOptions, parseRow } from './ingest-report.ts';
import { readLines } from './line-reader.ts';
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
export async function* readCanonicalTradesCsvGeneric(file: string, opts: ParseOptions): AsyncGenerator<OptionTrade[]> {
  let index: number[] | null = null;
  let identity = false;
  for await (const batch of readLines(file)) {
    const out: OptionTrade[] = [];
    let k = 0;
    if (index === null) {
      const header = batch.lines[0];
      if (header === undefined) continue;
      index = tradeColumnIndex(file, header);
      identity = index.every((i, j) => i === j);
      k = 1;
    }
    const idx = index;
    for (; k < batch.lines.length; k++) {
      const line = batch.lines[k] as string;
      if (line === '') continue;
      const split = splitCsvLine(line);
      const fields = identity ? split : idx.map((i) => (i < 0 ? undefined : split[i]));
      const t = parseRow(file, batch.firstLine + k, opts, tradeFromFields, fields);
      if (t !== null) out.push(t);
    }
    if (out.length > 0) yield out;
  }
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
export async function* readCanonicalTradesNdjson(file: string, opts: ParseOptions): AsyncGenerator<OptionTrade[]> {
  for await (const batch of readLines(file)) {
    const out: OptionTrade[] = [];
    for (let k = 0; k < batch.lines.length; k++) {
      const line = batch.lines[k] as string;
      if (line.trim() === '') continue;
      const t = parseRow(file, batch.firstLine + k, opts, (l: string) => {
        const obj = parseJsonObject(l);
        return tradeFromFields(TRADE_COLUMNS.map((c) => jsonFieldText(obj[c])));
      }, line);
      if (t !== null) out.push(t);
    }
    if (out.length > 0) yield out;
  }
}

/** Parses a line as a JSON object or throws FieldError on the pseudo-field `(line)`. */
export function parseJsonObject(line: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new FieldError('(line)', line.length > 80 ? `${line.slice(0, 80)}…` : line, 'not valid JSON');
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new FieldError('(line)', line.slice(0, 80), 'expected a JSON object');
  }
  return v as Record<string, unknown>;
}

/** A JSON value as the text the field parsers read (null/absent → undefined; numbers in full precision). */
export function jsonFieldText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NaN';
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
