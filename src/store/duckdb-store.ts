import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BIGINT, type DuckDBConnection, DuckDBInstance, type DuckDBResultReader, type DuckDBValue, LIST, listValue, VARCHAR,
} from '@duckdb/node-api';
import type { EquityPrint, QuoteUpdate } from '../core/dark-pool/equity-print.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import {
  appendChainRows, appendEquityPrints, appendEquityQuotes, appendPrints, CHAIN_SELECT, EQUITY_PRINT_SELECT, EQUITY_QUOTE_SELECT, printQueries,
  readChainRows, readDictionaries, readEquityPrints, readEquityQuotes, readPrints,
} from './duckdb-rows.ts';
import { decodeSignals, encodeSignals } from './day-signals-codec.ts';
import type { DaySignalsStamp, StoredDaySignals } from './day-signals.ts';
import {
  CHAIN_KEY, CREATE_SCHEMA, createStagingTable, EQUITY_PRINT_KEY, EQUITY_QUOTE_KEY, PRINT_KEY, SCHEMA_VERSION, stagingTable,
} from './duckdb-schema.ts';
import {
  type MarketStore, type SourceCursor, type SourceIdentity, type SourceKind, type SourceReport, type SourceState,
  SourceStateError,
} from './market-store.ts';

/** The database file inside a data directory. */
export const STORE_FILE = 'smartmoney.duckdb';
/** The data directory when none is given: `data/` under the working directory. */
export const DEFAULT_DATA_DIR = 'data';

/** The store's file cannot be opened: held by another process (a running server), or not this schema. */
export class StoreOpenError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'StoreOpenError';
  }
}

export interface DuckDbStoreOptions {
  /** The data directory (created if missing); the database is `<dataDir>/smartmoney.duckdb`. */
  readonly dataDir: string;
  /** prints() reads venue and condition through dictionaries from this many rows on (printQueries); default 10,000. */
  readonly codedReadRows?: number;
}

const CODED_READ_ROWS = 10_000;

/**
 * The embedded MarketStore: one DuckDB file under a data directory, its schema created on open. Loads are
 * serialised on one writer connection; queries run on a reader connection, so they see committed sources
 * only (DuckDB's MVCC). One process at a time can hold the file (DuckDB's lock): StoreOpenError otherwise.
 */
export async function openDuckDbStore(opts: DuckDbStoreOptions): Promise<MarketStore & { readonly path: string }> {
  await mkdir(opts.dataDir, { recursive: true });
  const path = join(opts.dataDir, STORE_FILE);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (e) {
    const message = (e as Error).message;
    throw new StoreOpenError(path, /lock/i.test(message) ? `in use by another process (a running server or ingest?): ${message}` : message);
  }
  const writer = await instance.connect();
  await writer.run(CREATE_SCHEMA);
  const version = await scalar(writer, `SELECT value FROM store_meta WHERE key = 'schema_version'`);
  if (version !== SCHEMA_VERSION) {
    writer.closeSync();
    instance.closeSync();
    throw new StoreOpenError(path, `schema version ${String(version)}; this build reads version ${SCHEMA_VERSION}`);
  }
  return new DuckDbStore(path, instance, writer, await instance.connect(), opts.codedReadRows ?? CODED_READ_ROWS);
}

class DuckDbStore implements MarketStore {
  private writes: Promise<unknown> = Promise.resolve();
  private reads: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
    private readonly codedReadRows: number,
  ) {}

  prints(symbol: string, day: IsoDate, upTo?: EpochMs): Promise<OptionTrade[]> {
    const values = [symbol, day, BigInt(upTo ?? Number.MAX_SAFE_INTEGER)];
    return this.read((c) => this.transaction(c, async () => {
      const loaded = Number(await scalar(c, `SELECT rows_loaded FROM print_coverage WHERE underlying = $1 AND day = $2::DATE`, [symbol, day]) ?? 0);
      if (loaded === 0) return [];
      if (loaded < this.codedReadRows) return readPrints(await c.run(PRINT_QUERIES.plain, values), symbol, null);
      const dict = readDictionaries(await c.runAndReadAll(PRINT_QUERIES.dictionaries, values));
      const lists = [listValue([...dict.exchanges]), listValue([...dict.conditions])];
      return readPrints(await c.run(PRINT_QUERIES.coded, [...values, ...lists], CODED_TYPES), symbol, dict);
    }));
  }

  chainRows(symbol: string, upTo?: EpochMs | null): Promise<ChainContract[]> {
    return this.read(async (c) => readChainRows(await c.run(
      `SELECT ${CHAIN_SELECT} FROM chain_rows WHERE underlying = $1 AND as_of <= $2::BIGINT ORDER BY as_of, expiry, strike, "right"`,
      [symbol, BigInt(upTo ?? Number.MAX_SAFE_INTEGER)],
    ), symbol));
  }

  days(): Promise<IsoDate[]> {
    return this.read((c) => column<IsoDate>(c, `SELECT DISTINCT day::VARCHAR FROM print_coverage ORDER BY 1`));
  }

  symbols(day?: IsoDate): Promise<string[]> {
    return this.read((c) => day === undefined
      ? column<string>(c, `SELECT DISTINCT underlying FROM print_coverage ORDER BY 1`)
      : column<string>(c, `SELECT underlying FROM print_coverage WHERE day = $1::DATE ORDER BY 1`, [day]));
  }

  lastPrintTs(symbol: string): Promise<EpochMs | null> {
    return this.read(async (c) => {
      const last = await scalar(c, `SELECT max(last_ts)::DOUBLE FROM print_coverage WHERE underlying = $1`, [symbol]);
      return last === null ? null : last as EpochMs;
    });
  }

  printCounts(day: IsoDate, symbol?: string): Promise<Map<string, number>> {
    return this.read(async (c) => counts(symbol === undefined
      ? await c.runAndReadAll(`SELECT underlying, count(*)::DOUBLE FROM prints WHERE day = $1::DATE GROUP BY underlying ORDER BY 1`, [day])
      : await c.runAndReadAll(`SELECT underlying, count(*)::DOUBLE FROM prints WHERE day = $1::DATE AND underlying = $2 GROUP BY underlying`, [day, symbol])));
  }

  chainRowCounts(upTo: EpochMs): Promise<Map<string, number>> {
    return this.read(async (c) => counts(await c.runAndReadAll(
      `SELECT underlying, count(*)::DOUBLE FROM chain_rows WHERE as_of <= $1::BIGINT GROUP BY underlying ORDER BY 1`, [BigInt(upTo)])));
  }

  equityPrints(symbol: string, day: IsoDate, upTo?: EpochMs): Promise<EquityPrint[]> {
    return this.read(async (c) => readEquityPrints(await c.run(
      `SELECT ${EQUITY_PRINT_SELECT} FROM equity_prints WHERE symbol = $1 AND day = $2::DATE AND ts <= $3::BIGINT ORDER BY ts, source_id, ordinal`,
      [symbol, day, BigInt(upTo ?? Number.MAX_SAFE_INTEGER)],
    ), symbol));
  }

  equityQuotes(symbol: string, day: IsoDate, upTo?: EpochMs): Promise<QuoteUpdate[]> {
    return this.read(async (c) => readEquityQuotes(await c.run(
      `SELECT ${EQUITY_QUOTE_SELECT} FROM equity_quotes WHERE symbol = $1 AND day = $2::DATE AND ts <= $3::BIGINT ORDER BY ts, source_id, ordinal`,
      [symbol, day, BigInt(upTo ?? Number.MAX_SAFE_INTEGER)],
    ), symbol));
  }

  equityDays(): Promise<IsoDate[]> {
    return this.read((c) => column<IsoDate>(c, `SELECT DISTINCT day::VARCHAR FROM equity_coverage ORDER BY 1`));
  }

  equitySymbols(day?: IsoDate): Promise<string[]> {
    return this.read((c) => day === undefined
      ? column<string>(c, `SELECT DISTINCT symbol FROM equity_coverage ORDER BY 1`)
      : column<string>(c, `SELECT symbol FROM equity_coverage WHERE day = $1::DATE ORDER BY 1`, [day]));
  }

  equityPrintCounts(day: IsoDate, symbol?: string): Promise<Map<string, number>> {
    return this.read(async (c) => counts(symbol === undefined
      ? await c.runAndReadAll(`SELECT symbol, prints::DOUBLE FROM equity_coverage WHERE day = $1::DATE ORDER BY 1`, [day])
      : await c.runAndReadAll(`SELECT symbol, prints::DOUBLE FROM equity_coverage WHERE day = $1::DATE AND symbol = $2`, [day, symbol])));
  }

  putDaySignals(symbol: string, day: IsoDate, stored: StoredDaySignals): Promise<void> {
    const { stamp } = stored;
    const values = [day, symbol, stamp.prints, stamp.chainRows, stamp.flowSettings, JSON.stringify(stored.stats), encodeSignals(stored.signals)];
    return this.write((c) => this.transaction(c, async () => {
      await c.run(`DELETE FROM day_signals WHERE day = $1::DATE AND underlying = $2`, [day, symbol]);
      await c.run(`INSERT INTO day_signals VALUES ($1::DATE, $2, $3, $4, $5, $6, $7)`, values);
    }));
  }

  daySignals(symbol: string, day: IsoDate): Promise<StoredDaySignals | null> {
    return this.read(async (c) => {
      const row = (await c.runAndReadAll(`SELECT ${STAMP_SELECT}, stats, signals FROM day_signals WHERE day = $1::DATE AND underlying = $2`, [day, symbol])).getRows()[0];
      if (row === undefined) return null;
      return { stamp: stampOf(row), stats: JSON.parse(row[3] as string), signals: decodeSignals(row[4] as string) };
    });
  }

  daySignalStamps(day: IsoDate): Promise<Map<string, DaySignalsStamp>> {
    return this.read(async (c) => {
      const rows = (await c.runAndReadAll(`SELECT ${STAMP_SELECT}, underlying FROM day_signals WHERE day = $1::DATE ORDER BY underlying`, [day])).getRows();
      return new Map(rows.map((r) => [r[3] as string, stampOf(r)]));
    });
  }

  openSource(identity: SourceIdentity): Promise<SourceState> {
    return this.write(async (c) => {
      const known = await this.source(c, `kind = $1 AND sha256 = $2`, [identity.kind, identity.sha256]);
      if (known !== null) return known;
      return this.transaction(c, async () => {
        const id = Number(await scalar(c, `SELECT nextval('source_ids')`));
        await c.run(`INSERT INTO sources (id, kind, sha256, name, status, rows_staged, opened_at) VALUES ($1, $2, $3, $4, 'loading', 0, $5)`,
          [id, identity.kind, identity.sha256, identity.name, BigInt(Date.now())]);
        await c.run(createStagingTable(identity.kind, id));
        return this.sourceOrThrow(c, id);
      });
    });
  }

  putPrints(batch: readonly OptionTrade[], source: SourceCursor): Promise<SourceCursor> {
    return this.put('prints', source, batch.length, (a) => appendPrints(a, batch, source.rowsStaged));
  }

  putChainRows(batch: readonly ChainContract[], source: SourceCursor): Promise<SourceCursor> {
    return this.put('chain', source, batch.length, (a) => appendChainRows(a, batch, source.rowsStaged));
  }

  putEquityPrints(batch: readonly EquityPrint[], source: SourceCursor): Promise<SourceCursor> {
    return this.put('equity-prints', source, batch.length, (a) => appendEquityPrints(a, batch, source.rowsStaged));
  }

  putEquityQuotes(batch: readonly QuoteUpdate[], source: SourceCursor): Promise<SourceCursor> {
    return this.put('equity-quotes', source, batch.length, (a) => appendEquityQuotes(a, batch, source.rowsStaged));
  }

  completeSource(source: SourceCursor, report: SourceReport): Promise<SourceState> {
    return this.write((c) => this.transaction(c, async () => {
      const state = await this.loading(c, source);
      const stored = await this.merge(c, state);
      await c.run(`DROP TABLE ${stagingTable(state.kind, state.sourceId)}`);
      await c.run(`UPDATE sources SET status = 'complete', rows_stored = $2, rows_duplicate = $3, rows_read = $4, accepted = $5,
        rejected = $6, excluded = $7, completed_at = $8 WHERE id = $1`, [state.sourceId, stored, state.rowsStaged - stored,
        report.rowsRead, report.accepted, report.rejected, report.excluded, BigInt(Date.now())]);
      return this.sourceOrThrow(c, state.sourceId);
    }));
  }

  sources(): Promise<SourceState[]> {
    return this.read(async (c) => sourceStates(await c.runAndReadAll(`SELECT ${SOURCE_SELECT} FROM sources ORDER BY id`)));
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.writes, this.reads]);
    this.reader.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }

  private put(kind: SourceKind, source: SourceCursor, rows: number, append: (a: Awaited<ReturnType<DuckDBConnection['createAppender']>>) => void): Promise<SourceCursor> {
    return this.write((c) => this.transaction(c, async () => {
      const state = await this.loading(c, source);
      if (state.kind !== kind) throw new SourceStateError(`source ${state.sourceId} holds ${state.kind}; cannot add ${kind} rows`);
      const appender = await c.createAppender(stagingTable(kind, state.sourceId));
      try {
        append(appender);
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
      await c.run(`UPDATE sources SET rows_staged = $2 WHERE id = $1`, [state.sourceId, state.rowsStaged + rows]);
      return { sourceId: state.sourceId, rowsStaged: state.rowsStaged + rows };
    }));
  }

  /**
   * Staged prints → prints: occurrence numbers over the whole source (row_number over the key, in source
   * order), then only keys not yet stored. The anti-join runs only when the store already holds prints on one
   * of the source's days; rows go in sorted by (day, underlying, ts) so a per-symbol query reads few row groups.
   */
  private async mergePrints(c: DuckDBConnection, s: SourceState): Promise<number> {
    const staged = stagingTable('prints', s.sourceId);
    const key = PRINT_KEY.join(', ');
    const overlap = await scalar(c, `SELECT EXISTS (SELECT 1 FROM prints WHERE day IN (SELECT DISTINCT day FROM ${staged}))`);
    const notStored = overlap !== true ? '' : `WHERE NOT EXISTS (SELECT 1 FROM prints p WHERE p.day = n.day AND p.occurrence = n.occurrence AND ${
      PRINT_KEY.map((k) => `p.${k} IS NOT DISTINCT FROM n.${k}`).join(' AND ')})`;
    const stored = count(await c.runAndReadAll(`INSERT INTO prints
      SELECT day, ${key}, occurrence, ${s.sourceId}, ordinal FROM (
        SELECT *, (row_number() OVER (PARTITION BY ${key} ORDER BY ordinal) - 1)::INTEGER AS occurrence
        FROM ${staged} WHERE ordinal < ${s.rowsStaged}) n
      ${notStored}
      ORDER BY day, underlying, ts, ordinal`));
    // A staged row the merge skipped has the same day, underlying and ts as a stored one, so the staged rows'
    // extent is exactly what this source adds to the coverage.
    await c.run(`INSERT INTO print_coverage
      SELECT day, underlying, min(ts), max(ts), count(*) FROM ${staged} WHERE ordinal < ${s.rowsStaged} GROUP BY day, underlying
      ON CONFLICT (day, underlying) DO UPDATE SET first_ts = least(first_ts, excluded.first_ts),
        last_ts = greatest(last_ts, excluded.last_ts), rows_loaded = rows_loaded + excluded.rows_loaded`);
    return stored;
  }

  private merge(c: DuckDBConnection, s: SourceState): Promise<number> {
    switch (s.kind) {
      case 'prints': return this.mergePrints(c, s);
      case 'chain': return this.mergeChain(c, s);
      case 'equity-prints': return this.mergeEquity(c, s, 'equity_prints', EQUITY_PRINT_KEY);
      case 'equity-quotes': return this.mergeEquity(c, s, 'equity_quotes', EQUITY_QUOTE_KEY);
    }
  }

  /**
   * Staged equity prints or quotes → their table, as mergePrints does for option prints (occurrences over the
   * source, then keys not yet stored, sorted by day, symbol, ts); for prints, equity_coverage is then recounted
   * for the source's (day, symbol) pairs.
   */
  private async mergeEquity(c: DuckDBConnection, s: SourceState, table: 'equity_prints' | 'equity_quotes', keyColumns: readonly string[]): Promise<number> {
    const staged = stagingTable(s.kind, s.sourceId);
    const key = keyColumns.join(', ');
    const overlap = await scalar(c, `SELECT EXISTS (SELECT 1 FROM ${table} WHERE day IN (SELECT DISTINCT day FROM ${staged}))`);
    const notStored = overlap !== true ? '' : `WHERE NOT EXISTS (SELECT 1 FROM ${table} p WHERE p.day = n.day AND p.occurrence = n.occurrence AND ${
      keyColumns.map((k) => `p.${k} IS NOT DISTINCT FROM n.${k}`).join(' AND ')})`;
    const stored = count(await c.runAndReadAll(`INSERT INTO ${table}
      SELECT day, ${key}, occurrence, ${s.sourceId}, ordinal FROM (
        SELECT *, (row_number() OVER (PARTITION BY ${key} ORDER BY ordinal) - 1)::INTEGER AS occurrence
        FROM ${staged} WHERE ordinal < ${s.rowsStaged}) n
      ${notStored}
      ORDER BY day, symbol, ts, ordinal`));
    if (table === 'equity_prints') {
      await c.run(`INSERT INTO equity_coverage
        SELECT p.day, p.symbol, count(*) FROM equity_prints p
        JOIN (SELECT DISTINCT day, symbol FROM ${staged} WHERE ordinal < ${s.rowsStaged}) k ON p.day = k.day AND p.symbol = k.symbol
        GROUP BY p.day, p.symbol
        ON CONFLICT (day, symbol) DO UPDATE SET prints = excluded.prints`);
    }
    return stored;
  }

  /** Staged chain rows → chain_rows: the first row of each contract and snapshot, when not yet stored. */
  private async mergeChain(c: DuckDBConnection, s: SourceState): Promise<number> {
    const staged = stagingTable('chain', s.sourceId);
    const key = CHAIN_KEY.join(', ');
    return count(await c.runAndReadAll(`INSERT INTO chain_rows
      SELECT day, as_of, underlying, underlying_price, expiry, strike, "right", open_interest, bid, ask, volume, iv, ${s.sourceId}, ordinal
      FROM (SELECT *, row_number() OVER (PARTITION BY ${key} ORDER BY ordinal) AS nth FROM ${staged} WHERE ordinal < ${s.rowsStaged}) n
      WHERE nth = 1 AND NOT EXISTS (SELECT 1 FROM chain_rows p WHERE ${CHAIN_KEY.map((k) => `p.${k} = n.${k}`).join(' AND ')})
      ORDER BY underlying, as_of, expiry, strike, "right"`));
  }

  private async loading(c: DuckDBConnection, source: SourceCursor): Promise<SourceState> {
    const state = await this.source(c, `id = $1`, [source.sourceId]);
    if (state === null) throw new SourceStateError(`source ${source.sourceId} is unknown`);
    if (state.status === 'complete') throw new SourceStateError(`source ${state.sourceId} (${state.name}) is complete; it cannot change`);
    if (state.rowsStaged !== source.rowsStaged) {
      throw new SourceStateError(`source ${state.sourceId} has ${state.rowsStaged} rows staged; the call continued from ${source.rowsStaged}`);
    }
    return state;
  }

  private async source(c: DuckDBConnection, where: string, values: DuckDBValue[]): Promise<SourceState | null> {
    return sourceStates(await c.runAndReadAll(`SELECT ${SOURCE_SELECT} FROM sources WHERE ${where}`, values))[0] ?? null;
  }

  private async sourceOrThrow(c: DuckDBConnection, id: number): Promise<SourceState> {
    const s = await this.source(c, `id = $1`, [id]);
    if (s === null) throw new SourceStateError(`source ${id} is unknown`);
    return s;
  }

  private async transaction<T>(c: DuckDBConnection, body: () => Promise<T>): Promise<T> {
    await c.run('BEGIN TRANSACTION');
    try {
      const out = await body();
      await c.run('COMMIT');
      return out;
    } catch (e) {
      await c.run('ROLLBACK');
      throw e;
    }
  }

  private write<T>(job: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.writes.then(() => job(this.writer));
    this.writes = next.catch(() => undefined);
    return next;
  }

  private read<T>(job: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.reads.then(() => job(this.reader));
    this.reads = next.catch(() => undefined);
    return next;
  }
}

const PRINT_QUERIES = printQueries(`underlying = $1 AND day = $2::DATE AND ts <= $3::BIGINT`);
const CODED_TYPES = [VARCHAR, VARCHAR, BIGINT, LIST(VARCHAR), LIST(VARCHAR)];

const SOURCE_SELECT = `id::INTEGER, kind, sha256, name, status, rows_staged::DOUBLE, rows_stored::DOUBLE, rows_duplicate::DOUBLE,
  rows_read::DOUBLE, accepted::DOUBLE, rejected::DOUBLE, excluded::DOUBLE`;

const STAMP_SELECT = 'prints::DOUBLE, chain_rows::DOUBLE, flow_settings';

function stampOf(row: readonly DuckDBValue[]): DaySignalsStamp {
  return { prints: row[0] as number, chainRows: row[1] as number, flowSettings: row[2] as string };
}

/** (underlying, count) rows → a map. */
function counts(result: DuckDBResultReader): Map<string, number> {
  return new Map(result.getRows().map((r) => [r[0] as string, r[1] as number]));
}

function sourceStates(result: DuckDBResultReader): SourceState[] {
  return result.getRows().map((r) => {
    const [id, kind, sha256, name, status, staged, stored, duplicate, rowsRead, accepted, rejected, excluded] = r as [
      number, SourceKind, string, string, 'loading' | 'complete', number, number | null, number | null, number | null, number, number, number];
    return {
      sourceId: id, kind, sha256, name, status, rowsStaged: staged, rowsStored: stored, rowsDuplicate: duplicate,
      report: rowsRead === null ? null : { rowsRead, accepted, rejected, excluded },
    };
  });
}

async function scalar(c: DuckDBConnection, sql: string, values: DuckDBValue[] = []): Promise<DuckDBValue> {
  return (await c.runAndReadAll(sql, values)).getRows()[0]?.[0] ?? null;
}

async function column<T>(c: DuckDBConnection, sql: string, values: DuckDBValue[] = []): Promise<T[]> {
  return (await c.runAndReadAll(sql, values)).getRows().map((r) => r[0] as T);
}

function count(result: DuckDBResultReader): number {
  return Number(result.getRows()[0]?.[0] ?? 0);
}
