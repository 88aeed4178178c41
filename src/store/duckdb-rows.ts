import {
  BIGINT, DATE, DOUBLE, type DuckDBAppender, DuckDBDataChunk, DuckDBDateValue, type DuckDBMaterializedResult, type DuckDBResultReader,
  type DuckDBType, type DuckDBVector, ENUM, INTEGER, VARCHAR,
} from '@duckdb/node-api';
import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { EquityPrint, QuoteUpdate } from '../core/dark-pool/equity-print.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade, Right, Side } from '../core/options-flow/option-trade.ts';
import { type Contracts, type EpochMs, type IsoDate, isoDate, type PricePerShare, type Shares } from '../core/units.ts';

/**
 * Rows in and out of DuckDB as DataChunks: the appender takes whole 2,048-row chunks whose numeric columns
 * are copied as typed arrays (one native call per column, not per value), which measured 515k prints/s
 * against 210k/s for the value-by-value appender and 15k/s for 1,000-row INSERT … VALUES statements
 * (docs/store.md "Measured"). Reads walk the result's vectors for the same reason.
 */
const CHUNK_ROWS = 2048;
const DAY_MS = 86_400_000;
const MAX_INTEGER = 2_147_483_647;

const RIGHT = ENUM(['C', 'P']);
const SIDE = ENUM(['buy', 'sell', 'mid']);

/** Column types of a prints staging table, in its column order (duckdb-schema.ts). */
const PRINT_TYPES: readonly DuckDBType[] = [DATE, BIGINT, VARCHAR, DATE, DOUBLE, RIGHT, DOUBLE, INTEGER, DOUBLE, DOUBLE, VARCHAR, VARCHAR, SIDE, BIGINT];
const CHAIN_TYPES: readonly DuckDBType[] = [DATE, BIGINT, VARCHAR, DOUBLE, DATE, DOUBLE, RIGHT, BIGINT, DOUBLE, DOUBLE, BIGINT, DOUBLE, BIGINT];
const EQUITY_PRINT_TYPES: readonly DuckDBType[] = [DATE, BIGINT, VARCHAR, DOUBLE, DOUBLE, VARCHAR, DOUBLE, DOUBLE, DOUBLE, BIGINT];
const EQUITY_QUOTE_TYPES: readonly DuckDBType[] = [DATE, BIGINT, VARCHAR, DOUBLE, DOUBLE, BIGINT];

const dateValues = new Map<string, DuckDBDateValue>();
const isoDates = new Map<number, IsoDate>();

/** A `YYYY-MM-DD` date as DuckDB's DATE (days since 1970-01-01). */
function dateValue(date: string): DuckDBDateValue {
  let v = dateValues.get(date);
  if (v === undefined) {
    v = new DuckDBDateValue(Math.round(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS));
    dateValues.set(date, v);
  }
  return v;
}

/** Days since 1970-01-01 back to `YYYY-MM-DD`. */
export function isoOfEpochDay(days: number): IsoDate {
  let v = isoDates.get(days);
  if (v === undefined) {
    v = isoDate(new Date(days * DAY_MS).toISOString().slice(0, 10));
    isoDates.set(days, v);
  }
  return v;
}

function whole(n: number, field: string): number {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_INTEGER) throw new RangeError(`${field} was ${n}; the store holds whole numbers from 0 to ${MAX_INTEGER}`);
  return n;
}

/** Appends prints to a prints staging table, numbering them from `firstOrdinal` in batch order. */
export function appendPrints(appender: DuckDBAppender, batch: readonly OptionTrade[], firstOrdinal: number): void {
  appendChunks(appender, PRINT_TYPES, batch.length, (v, r, i) => {
    const t = batch[i] as OptionTrade;
    v[0]?.setItem(r, dateValue(newYorkDate(t.ts)));
    v[1]?.setItem(r, BigInt(t.ts));
    v[2]?.setItem(r, t.underlying);
    v[3]?.setItem(r, dateValue(t.expiry));
    v[4]?.setItem(r, t.strike);
    v[5]?.setItem(r, t.right);
    v[6]?.setItem(r, t.price);
    v[7]?.setItem(r, whole(t.size, 'size'));
    v[8]?.setItem(r, t.bid);
    v[9]?.setItem(r, t.ask);
    v[10]?.setItem(r, t.exchange);
    v[11]?.setItem(r, t.condition);
    v[12]?.setItem(r, t.side);
    v[13]?.setItem(r, BigInt(firstOrdinal + i));
  });
}

/** Appends chain rows to a chain staging table, numbering them from `firstOrdinal` in batch order. */
export function appendChainRows(appender: DuckDBAppender, batch: readonly ChainContract[], firstOrdinal: number): void {
  appendChunks(appender, CHAIN_TYPES, batch.length, (v, r, i) => {
    const c = batch[i] as ChainContract;
    v[0]?.setItem(r, dateValue(newYorkDate(c.asOf)));
    v[1]?.setItem(r, BigInt(c.asOf));
    v[2]?.setItem(r, c.underlying);
    v[3]?.setItem(r, c.underlyingPrice);
    v[4]?.setItem(r, dateValue(c.expiry));
    v[5]?.setItem(r, c.strike);
    v[6]?.setItem(r, c.right);
    v[7]?.setItem(r, BigInt(whole(c.openInterest, 'open_interest')));
    v[8]?.setItem(r, c.bid);
    v[9]?.setItem(r, c.ask);
    v[10]?.setItem(r, c.volume === null ? null : BigInt(whole(c.volume, 'volume')));
    v[11]?.setItem(r, c.iv);
    v[12]?.setItem(r, BigInt(firstOrdinal + i));
  });
}

/** Appends equity prints to an equity-prints staging table, numbering them from `firstOrdinal` in batch order. */
export function appendEquityPrints(appender: DuckDBAppender, batch: readonly EquityPrint[], firstOrdinal: number): void {
  appendChunks(appender, EQUITY_PRINT_TYPES, batch.length, (v, r, i) => {
    const p = batch[i] as EquityPrint;
    v[0]?.setItem(r, dateValue(newYorkDate(p.ts)));
    v[1]?.setItem(r, BigInt(p.ts));
    v[2]?.setItem(r, p.symbol);
    v[3]?.setItem(r, p.price);
    v[4]?.setItem(r, p.size);
    v[5]?.setItem(r, p.exchange);
    v[6]?.setItem(r, p.conditions);
    v[7]?.setItem(r, p.bid);
    v[8]?.setItem(r, p.ask);
    v[9]?.setItem(r, BigInt(firstOrdinal + i));
  });
}

/** Appends quote updates to an equity-quotes staging table, numbering them from `firstOrdinal` in batch order. */
export function appendEquityQuotes(appender: DuckDBAppender, batch: readonly QuoteUpdate[], firstOrdinal: number): void {
  appendChunks(appender, EQUITY_QUOTE_TYPES, batch.length, (v, r, i) => {
    const q = batch[i] as QuoteUpdate;
    v[0]?.setItem(r, dateValue(newYorkDate(q.ts)));
    v[1]?.setItem(r, BigInt(q.ts));
    v[2]?.setItem(r, q.symbol);
    v[3]?.setItem(r, q.bid);
    v[4]?.setItem(r, q.ask);
    v[5]?.setItem(r, BigInt(firstOrdinal + i));
  });
}

function appendChunks(
  appender: DuckDBAppender, types: readonly DuckDBType[], rows: number,
  setRow: (vectors: DuckDBVector[], rowInChunk: number, row: number) => void,
): void {
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - start);
    const chunk = DuckDBDataChunk.create(types, n);
    const vectors = types.map((_, i) => chunk.getColumnVector(i));
    for (let r = 0; r < n; r++) setRow(vectors, r, start + r);
    for (const v of vectors) v.flush();
    appender.appendDataChunk(chunk);
  }
}

/**
 * The statements of a store's prints() over `WHERE ${where}` (parameters $1–$3). `plain` reads venue and condition
 * as text. For a large read, `dictionaries` first lists the distinct texts and `coded` ($4, $5: those lists) reads
 * them as 1-based positions: decoding ~20 strings once instead of two per row took SPY's 820k prints from
 * ~1.1 s to ~0.5–0.7 s, but costs ~5 ms more on a small read (docs/store.md "Measured"). Run both in one read
 * transaction so the lists cover the rows.
 */
export function printQueries(where: string): { plain: string; dictionaries: string; coded: string } {
  const rows = (exchange: string, condition: string) => `SELECT ts::DOUBLE, date_diff('day', DATE '1970-01-01', expiry)::INTEGER,
    strike, "right", price, size, bid, ask, ${exchange}, ${condition}, side FROM prints WHERE ${where} ORDER BY ts, source_id, ordinal`;
  return {
    plain: rows('exchange', 'condition'),
    dictionaries: `SELECT list(DISTINCT exchange ORDER BY exchange), list(DISTINCT condition ORDER BY condition) FROM prints WHERE ${where}`,
    coded: rows('list_position($4, exchange)', 'list_position($5, condition)'),
  };
}

/** Venue and condition texts: the lists of a printQueries().dictionaries result ([] when there are no rows). */
export interface PrintDictionaries {
  readonly exchanges: readonly string[];
  readonly conditions: readonly string[];
}

export function readDictionaries(result: DuckDBResultReader): PrintDictionaries {
  const [exchanges, conditions] = (result.getRowsJS()[0] ?? [null, null]) as [string[] | null, string[] | null];
  return { exchanges: exchanges ?? [], conditions: conditions ?? [] };
}

/** OptionTrades from a printQueries() result over one underlying: `plain` with `dict` null, `coded` with its lists. */
export function readPrints(result: DuckDBMaterializedResult, underlying: string, dict: PrintDictionaries | null): OptionTrade[] {
  const out: OptionTrade[] = [];
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const [ts, expiry, strike, right, price, size, bid, ask, exchange, condition, side] = vectors(chunk, 11);
    const rows = chunk.rowCount;
    const venue = text(exchange, dict?.exchanges), saleCondition = text(condition, dict?.conditions);
    for (let r = 0; r < rows; r++) {
      out.push({
        ts: ts.getItem(r) as EpochMs,
        underlying,
        expiry: isoOfEpochDay(expiry.getItem(r) as number),
        strike: strike.getItem(r) as number,
        right: right.getItem(r) as Right,
        price: price.getItem(r) as PricePerShare,
        size: size.getItem(r) as Contracts,
        bid: bid.getItem(r) as PricePerShare,
        ask: ask.getItem(r) as PricePerShare,
        exchange: venue(r),
        condition: saleCondition(r),
        side: side.getItem(r) as Side | null,
      });
    }
  }
  return out;
}

/** A text column read as text, or as 1-based positions in `dictionary`. */
function text(v: DuckDBVector, dictionary: readonly string[] | undefined): (row: number) => string {
  return dictionary === undefined ? (r) => v.getItem(r) as string : (r) => dictionary[(v.getItem(r) as number) - 1] as string;
}

type Vectors<N extends number, Acc extends DuckDBVector[] = []> = Acc['length'] extends N ? Acc : Vectors<N, [...Acc, DuckDBVector]>;

/** The first `n` column vectors of a chunk. */
function vectors<N extends number>(chunk: DuckDBDataChunk, n: N): Vectors<N> {
  return Array.from({ length: n }, (_, i) => chunk.getColumnVector(i)) as Vectors<N>;
}

/** The select list readChainRows expects, in order. */
export const CHAIN_SELECT = `as_of::DOUBLE, underlying_price, date_diff('day', DATE '1970-01-01', expiry)::INTEGER, strike, "right", `
  + `open_interest::DOUBLE, bid, ask, volume::DOUBLE, iv`;

/** ChainContracts from a result of `SELECT ${CHAIN_SELECT}` over one underlying. */
export function readChainRows(result: DuckDBMaterializedResult, underlying: string): ChainContract[] {
  const out: ChainContract[] = [];
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const [asOf, spot, expiry, strike, right, oi, bid, ask, volume, iv] = vectors(chunk, 10);
    const rows = chunk.rowCount;
    for (let r = 0; r < rows; r++) {
      out.push({
        asOf: asOf.getItem(r) as EpochMs,
        underlying,
        underlyingPrice: spot.getItem(r) as number | null,
        expiry: isoOfEpochDay(expiry.getItem(r) as number),
        strike: strike.getItem(r) as number,
        right: right.getItem(r) as Right,
        openInterest: oi.getItem(r) as Contracts,
        bid: bid.getItem(r) as PricePerShare | null,
        ask: ask.getItem(r) as PricePerShare | null,
        volume: volume.getItem(r) as Contracts | null,
        iv: iv.getItem(r) as number | null,
      });
    }
  }
  return out;
}

/** The select list readEquityPrints expects, in order. */
export const EQUITY_PRINT_SELECT = 'ts::DOUBLE, price, size, exchange, conditions, bid, ask';

/** EquityPrints from a result of `SELECT ${EQUITY_PRINT_SELECT}` over one symbol. */
export function readEquityPrints(result: DuckDBMaterializedResult, symbol: string): EquityPrint[] {
  const out: EquityPrint[] = [];
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const [ts, price, size, exchange, conditions, bid, ask] = vectors(chunk, 7);
    const rows = chunk.rowCount;
    for (let r = 0; r < rows; r++) {
      out.push({
        ts: ts.getItem(r) as EpochMs,
        symbol,
        price: price.getItem(r) as PricePerShare,
        size: size.getItem(r) as Shares,
        exchange: exchange.getItem(r) as string,
        conditions: conditions.getItem(r) as number,
        bid: bid.getItem(r) as PricePerShare | null,
        ask: ask.getItem(r) as PricePerShare | null,
      });
    }
  }
  return out;
}

/** The select list readEquityQuotes expects, in order. */
export const EQUITY_QUOTE_SELECT = 'ts::DOUBLE, bid, ask';

/** QuoteUpdates from a result of `SELECT ${EQUITY_QUOTE_SELECT}` over one symbol. */
export function readEquityQuotes(result: DuckDBMaterializedResult, symbol: string): QuoteUpdate[] {
  const out: QuoteUpdate[] = [];
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const [ts, bid, ask] = vectors(chunk, 3);
    const rows = chunk.rowCount;
    for (let r = 0; r < rows; r++) {
      out.push({ ts: ts.getItem(r) as EpochMs, symbol, bid: bid.getItem(r) as PricePerShare | null, ask: ask.getItem(r) as PricePerShare | null });
    }
  }
  return out;
}
