import { basename } from 'node:path';
import type { EquityPrint, QuoteUpdate } from '../core/dark-pool/equity-print.ts';
import { newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import type { EpochMs, IsoDate, PricePerShare, Shares } from '../core/units.ts';
import { headerIndex } from './csv-line.ts';
import { readCsvRows } from './csv-rows.ts';
import { calendarDate, nonNegativeNumber, positiveInteger, positiveNumber, requireText } from './fields.ts';
import { FieldError, InputFormatError, type ParseOptions, RowExcluded } from './ingest-report.ts';

/** Header of the LEAN equity trade tick files as stored in ../shared/data/lean-us-equity-ticks-2013-10. */
export const LEAN_TRADE_COLUMNS = ['ms_since_midnight_et', 'price', 'size', 'exchange', 'condition_flags_hex', 'suspicious'] as const;
/** Header of the LEAN equity quote tick files. */
export const LEAN_QUOTE_COLUMNS = [
  'ms_since_midnight_et', 'bid_price', 'bid_size', 'ask_price', 'ask_size', 'exchange', 'condition_flags_hex', 'suspicious',
] as const;

/** Symbol and New York date of a LEAN tick file: from the options, else its name `SYM_YYYY-MM-DD_trades.csv[.gz]`. */
export interface LeanTickFileIdentity {
  readonly symbol?: string;
  readonly date?: string;
}

const FILE_NAME = /^([A-Za-z][A-Za-z0-9.]*)_(\d{4}-\d{2}-\d{2})_(trades|quotes)\.csv(\.gz)?$/;
const HEX = /^[0-9a-fA-F]{1,8}$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The symbol and date a LEAN tick file is for; InputFormatError when neither the options nor the name tell. */
export function leanTickFileIdentity(file: string, given: LeanTickFileIdentity = {}): { symbol: string; date: IsoDate } {
  const m = FILE_NAME.exec(basename(file));
  const symbol = (given.symbol ?? m?.[1])?.toUpperCase();
  const rawDate = given.date ?? m?.[2];
  if (symbol === undefined || rawDate === undefined) {
    throw new InputFormatError(file, 'cannot tell the symbol and date of this LEAN tick file: name it SYM_YYYY-MM-DD_trades.csv[.gz] or pass them');
  }
  try {
    return { symbol, date: calendarDate(rawDate, 'date') };
  } catch (e) {
    throw new InputFormatError(file, (e as Error).message);
  }
}

/** True when a first line is the header of a LEAN trade (`'trades'`) or quote (`'quotes'`) tick file. */
export function leanTickKind(first: string): 'trades' | 'quotes' | null {
  const h = headerIndex(first);
  if (LEAN_QUOTE_COLUMNS.every((c) => h.has(c))) return 'quotes';
  if (LEAN_TRADE_COLUMNS.every((c) => h.has(c))) return 'trades';
  return null;
}

interface TickContext {
  readonly symbol: string;
  /** Epoch ms of each New York wall-clock hour 00:00…23:00 of the file's date (daylight saving respected). */
  readonly hourStart: Float64Array;
  readonly index: readonly number[];
}

function context(file: string, line: string, id: { symbol: string; date: IsoDate }, columns: readonly string[]): TickContext {
  const h = headerIndex(line);
  const missing = columns.filter((c) => !h.has(c));
  if (missing.length > 0) throw new InputFormatError(file, `line 1: header lacks column(s) ${missing.join(', ')}; expected ${columns.join(',')}`);
  const hourStart = new Float64Array(24);
  for (let hr = 0; hr < 24; hr++) hourStart[hr] = newYorkWallClockToEpochMs(id.date, hr, 0, 0, 0);
  return { symbol: id.symbol, hourStart, index: columns.map((c) => h.get(c) as number) };
}

/**
 * `ms_since_midnight_et` → epoch ms. LEAN adds the milliseconds to the date's midnight as wall-clock time in
 * America/New_York (its DateTime arithmetic has no zone), so 14,400,000 is 04:00 New York on any date,
 * daylight-saving change days included.
 */
function tickTime(value: string | undefined, ctx: TickContext): EpochMs {
  const ms = Number(requireText(value, 'ms_since_midnight_et'));
  if (!Number.isInteger(ms) || ms < 0 || ms >= DAY_MS) {
    throw new FieldError('ms_since_midnight_et', value ?? '', 'expected whole milliseconds from 0 to 86,399,999');
  }
  const hr = Math.floor(ms / HOUR_MS);
  return ((ctx.hourStart[hr] as number) + (ms - hr * HOUR_MS)) as EpochMs;
}

function flags(value: string | undefined, field: string): number {
  const v = requireText(value, field);
  if (!HEX.test(v)) throw new FieldError(field, v, 'expected a hexadecimal bitmask of at most 8 digits');
  return parseInt(v, 16) >>> 0;
}

function notSuspicious(value: string | undefined): void {
  if (value === '0') return;
  if (value === '1') throw new RowExcluded('LEAN suspicious flag set');
  throw new FieldError('suspicious', value ?? '', 'expected 0 or 1');
}

function leanTrade(f: string[], ctx: TickContext): EquityPrint {
  const i = ctx.index;
  const ts = tickTime(f[i[0] as number], ctx);
  const price = positiveNumber(f[i[1] as number], 'price') as PricePerShare;
  const size = positiveInteger(f[i[2] as number], 'size') as Shares;
  const exchange = requireText(f[i[3] as number], 'exchange');
  const conditions = flags(f[i[4] as number], 'condition_flags_hex');
  notSuspicious(f[i[5] as number]);
  return { ts, symbol: ctx.symbol, price, size, exchange, conditions, bid: null, ask: null };
}

/**
 * Streams the trades of a LEAN equity tick file (header `ms_since_midnight_et,price,size,exchange,
 * condition_flags_hex,suspicious`; prices in decimal dollars as stored here; LEAN's own files hold
 * price × 10,000). Conditions keep LEAN's TradeConditionFlags bits (sale-conditions.ts). A row flagged
 * suspicious is excluded (counted); a bad field is rejected with its file, line and field.
 */
export function readLeanEquityTrades(file: string, opts: ParseOptions & LeanTickFileIdentity): AsyncGenerator<EquityPrint[]> {
  const id = leanTickFileIdentity(file, opts);
  return readCsvRows(file, opts, {
    header: (line) => context(file, line, id, LEAN_TRADE_COLUMNS),
    row: leanTrade,
    exclude: true,
  });
}

/**
 * Streams the quote updates of a LEAN equity quote tick file. Each row moves one side of the consolidated best
 * bid or offer (the other side is 0 → null). A row with neither side, or earlier than the row before it, is
 * rejected. docs/methodology.md "Dark pool" shows these are consolidated (NBBO) updates, not per-venue quotes.
 */
export function readLeanEquityQuotes(file: string, opts: ParseOptions & LeanTickFileIdentity): AsyncGenerator<QuoteUpdate[]> {
  const id = leanTickFileIdentity(file, opts);
  let lastTs = -Infinity;
  return readCsvRows(file, opts, {
    header: (line) => context(file, line, id, LEAN_QUOTE_COLUMNS),
    row: (f, ctx): QuoteUpdate => {
      const i = ctx.index;
      const ts = tickTime(f[i[0] as number], ctx);
      const bid = nonNegativeNumber(f[i[1] as number], 'bid_price');
      const ask = nonNegativeNumber(f[i[3] as number], 'ask_price');
      nonNegativeNumber(f[i[2] as number], 'bid_size');
      nonNegativeNumber(f[i[4] as number], 'ask_size');
      requireText(f[i[5] as number], 'exchange');
      flags(f[i[6] as number], 'condition_flags_hex');
      notSuspicious(f[i[7] as number]);
      if (bid === 0 && ask === 0) throw new FieldError('bid_price', f[i[1] as number] ?? '', 'neither bid nor ask is set');
      if (ts < lastTs) throw new FieldError('ms_since_midnight_et', f[i[0] as number] ?? '', 'earlier than the row before; quotes must be in time order');
      lastTs = ts;
      return { ts, symbol: ctx.symbol, bid: bid > 0 ? bid as PricePerShare : null, ask: ask > 0 ? ask as PricePerShare : null };
    },
    exclude: true,
  });
}
