import {
  BIGINT, DATE, DOUBLE, type DuckDBAppender, DuckDBDataChunk, DuckDBDateValue, type DuckDBMaterializedResult, type DuckDBType,
  type DuckDBVector, ENUM, INTEGER, VARCHAR,
} from '@duckdb/node-api';
import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade, Right, Side } from '../core/options-flow/option-trade.ts';
import { type Contracts, type EpochMs, type IsoDate, isoDate, type PricePerShare } from '../core/units.ts';

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

/** The select list readPrints expects, in order. */
export const PRINT_SELECT = `ts::DOUBLE, date_diff('day', DATE '1970-01-01', expiry)::INTEGER, strike, "right", price, size, bid, ask, exchange, condition, side`;

/** OptionTrades from a result of `SELECT ${PRINT_SELECT}` over one underlying. */
export function readPrints(result: DuckDBMaterializedResult, underlying: string): OptionTrade[] {
  const out: OptionTrade[] = [];
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const v = Array.from({ length: 11 }, (_, i) => chunk.getColumnVector(i));
    const [ts, expiry, strike, right, price, size, bid, ask, exchange, condition, side] = v as [DuckDBVector, ...DuckDBVector[]];
    for (let r = 0; r < chunk.rowCount; r++) {
      out.push({
        ts: ts.getItem(r) as EpochMs,
        underlying,
        expiry: isoOfEpochDay(expiry?.getItem(r) as number),
        strike: strike?.getItem(r) as number,
        right: right?.getItem(r) as Right,
        price: price?.getItem(r) as PricePerShare,
        size: size?.getItem(r) as Contracts,
        bid: bid?.getItem(r) as PricePerShare,
        ask: ask?.getItem(r) as PricePerShare,
        exchange: exchange?.getItem(r) as string,
        condition: condition?.getItem(r) as string,
        side: side?.getItem(r) as Side | null,
      });
    }
  }
  return out;
}

/** The select list readChainRows expects, in order. */
export const CHAIN_SELECT = `as_of::DOUBLE, underlying_price, date_diff('day', DATE '1970-01-01', expiry)::INTEGER, strike, "right", `
  + `open_interest::DOUBLE, bid, ask, volume::DOUBLE, iv`;

/** ChainContracts from a result of `SELECT ${CHAIN_SELECT}` over one underlying. */
export function readChainRows(result: DuckDBMaterializedResult, underlying: string): ChainContract[] {
  const out: ChainContract[] = [];
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const v = Array.from({ length: 10 }, (_, i) => chunk.getColumnVector(i));
    const [asOf, spot, expiry, strike, right, oi, bid, ask, volume, iv] = v as [DuckDBVector, ...DuckDBVector[]];
    for (let r = 0; r < chunk.rowCount; r++) {
      out.push({
        asOf: asOf.getItem(r) as EpochMs,
        underlying,
        underlyingPrice: spot?.getItem(r) as number | null,
        expiry: isoOfEpochDay(expiry?.getItem(r) as number),
        strike: strike?.getItem(r) as number,
        right: right?.getItem(r) as Right,
        openInterest: oi?.getItem(r) as Contracts,
        bid: bid?.getItem(r) as PricePerShare | null,
        ask: ask?.getItem(r) as PricePerShare | null,
        volume: volume?.getItem(r) as Contracts | null,
        iv: iv?.getItem(r) as number | null,
      });
    }
  }
  return out;
}
