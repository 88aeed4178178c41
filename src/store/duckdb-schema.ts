import type { SourceKind } from './market-store.ts';

/**
 * The DuckDB store's tables (docs/store.md "Schema"). Instants are BIGINT epoch milliseconds, New York days
 * and expiries are DATE, prices DOUBLE dollars per share, sizes and OI whole contracts. `day` is the New York
 * date of `ts` (prints) or `as_of` (chains), computed on load with the core's newYorkDate.
 *
 * `print_coverage` holds one row per (New York day, underlying) with prints: their first and last ts and the
 * rows loaded (staged rows of every source, duplicates included: an upper bound of the prints stored), kept by
 * the merge, so days(), symbols() and lastPrintTs() read a few thousand rows instead of scanning prints, and
 * prints() knows how large a read will be before it plans it.
 *
 * `day_signals` keeps the computed signals of one underlying's whole New York day (day-signals.ts), with the stamp
 * of what they were computed from (prints, chain_rows, flow_settings), the tape's counts (`stats`, JSON) and the
 * signals as day-signals-codec.ts text; one row per (day, underlying), kept by putDaySignals (delete and insert in
 * one transaction: 2–3 ms a row, where an upsert on a PRIMARY KEY took 6.7). It was added without a version change: CREATE TABLE IF NOT EXISTS gives a
 * store made before it an empty one, and a build without it ignores the table.
 *
 * `equity_prints` and `equity_quotes` hold the equity tape by (day, symbol) for the dark pool and bars, and
 * `equity_coverage` the exact count of equity prints per (day, symbol), recounted by each merge (equityDays,
 * equitySymbols, equityPrintCounts read it). Size and the condition mask are DOUBLE: any number a reader gives
 * comes back the same. Added like `day_signals`, without a version change.
 *
 * The natural keys are enforced by the merge (an anti-join in completeSource), not by a PRIMARY KEY: on
 * 1M prints DuckDB's ART index over the 13 key columns made the file 4.8× larger (149 vs 31 MB), the merge
 * slower and the per-symbol query 3.6× slower (329 vs 91 ms), and a key index cannot hold a NULL side.
 */
export const SCHEMA_VERSION = '1';

const PRINT_COLUMNS = `
  day DATE NOT NULL,
  ts BIGINT NOT NULL,
  underlying VARCHAR NOT NULL,
  expiry DATE NOT NULL,
  strike DOUBLE NOT NULL,
  "right" option_right NOT NULL,
  price DOUBLE NOT NULL,
  size INTEGER NOT NULL,
  bid DOUBLE NOT NULL,
  ask DOUBLE NOT NULL,
  exchange VARCHAR NOT NULL,
  condition VARCHAR NOT NULL,
  side trade_side`;

const CHAIN_COLUMNS = `
  day DATE NOT NULL,
  as_of BIGINT NOT NULL,
  underlying VARCHAR NOT NULL,
  underlying_price DOUBLE,
  expiry DATE NOT NULL,
  strike DOUBLE NOT NULL,
  "right" option_right NOT NULL,
  open_interest BIGINT NOT NULL,
  bid DOUBLE,
  ask DOUBLE,
  volume BIGINT,
  iv DOUBLE`;

const EQUITY_PRINT_COLUMNS = `
  day DATE NOT NULL,
  ts BIGINT NOT NULL,
  symbol VARCHAR NOT NULL,
  price DOUBLE NOT NULL,
  size DOUBLE NOT NULL,
  exchange VARCHAR NOT NULL,
  conditions DOUBLE NOT NULL,
  bid DOUBLE,
  ask DOUBLE`;

const EQUITY_QUOTE_COLUMNS = `
  day DATE NOT NULL,
  ts BIGINT NOT NULL,
  symbol VARCHAR NOT NULL,
  bid DOUBLE,
  ask DOUBLE`;

/** Equity print columns that, with `occurrence`, form an equity print's natural key. */
export const EQUITY_PRINT_KEY = ['ts', 'symbol', 'price', 'size', 'exchange', 'conditions', 'bid', 'ask'] as const;
/** Quote update columns that, with `occurrence`, form a quote update's natural key. */
export const EQUITY_QUOTE_KEY = ['ts', 'symbol', 'bid', 'ask'] as const;

/** Print columns that, with `occurrence`, form a print's natural key (natural-keys.ts). */
export const PRINT_KEY = ['ts', 'underlying', 'expiry', 'strike', '"right"', 'price', 'size', 'bid', 'ask', 'exchange', 'condition', 'side'] as const;
/** Chain columns that form a chain row's natural key. */
export const CHAIN_KEY = ['underlying', 'as_of', 'expiry', 'strike', '"right"'] as const;

export const CREATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
INSERT INTO store_meta VALUES ('schema_version', '${SCHEMA_VERSION}') ON CONFLICT DO NOTHING;
CREATE TYPE IF NOT EXISTS option_right AS ENUM ('C', 'P');
CREATE TYPE IF NOT EXISTS trade_side AS ENUM ('buy', 'sell', 'mid');
CREATE SEQUENCE IF NOT EXISTS source_ids START 1;
CREATE TABLE IF NOT EXISTS sources (
  id INTEGER PRIMARY KEY,
  kind VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  rows_staged BIGINT NOT NULL,
  rows_stored BIGINT,
  rows_duplicate BIGINT,
  rows_read BIGINT,
  accepted BIGINT,
  rejected BIGINT,
  excluded BIGINT,
  opened_at BIGINT NOT NULL,
  completed_at BIGINT,
  UNIQUE (kind, sha256)
);
CREATE TABLE IF NOT EXISTS prints (${PRINT_COLUMNS},
  occurrence INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  ordinal BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS chain_rows (${CHAIN_COLUMNS},
  source_id INTEGER NOT NULL,
  ordinal BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS print_coverage (
  day DATE NOT NULL,
  underlying VARCHAR NOT NULL,
  first_ts BIGINT NOT NULL,
  last_ts BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  PRIMARY KEY (day, underlying)
);
CREATE TABLE IF NOT EXISTS day_signals (
  day DATE NOT NULL,
  underlying VARCHAR NOT NULL,
  prints BIGINT NOT NULL,
  chain_rows BIGINT NOT NULL,
  flow_settings VARCHAR NOT NULL,
  stats VARCHAR NOT NULL,
  signals VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS equity_prints (${EQUITY_PRINT_COLUMNS},
  occurrence INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  ordinal BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS equity_quotes (${EQUITY_QUOTE_COLUMNS},
  occurrence INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  ordinal BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS equity_coverage (
  day DATE NOT NULL,
  symbol VARCHAR NOT NULL,
  prints BIGINT NOT NULL,
  PRIMARY KEY (day, symbol)
);`;

/** The staging table of one source: its rows in source order (`ordinal` from 0), until completeSource merges them. */
export function stagingTable(kind: SourceKind, sourceId: number): string {
  if (!Number.isSafeInteger(sourceId) || sourceId < 1) throw new RangeError(`source id was ${sourceId}; expected a whole number ≥ 1`);
  return `staged_${kind.replace('-', '_')}_${sourceId}`;
}

const STAGED_COLUMNS: Record<SourceKind, string> = {
  prints: PRINT_COLUMNS, chain: CHAIN_COLUMNS, 'equity-prints': EQUITY_PRINT_COLUMNS, 'equity-quotes': EQUITY_QUOTE_COLUMNS,
};

export function createStagingTable(kind: SourceKind, sourceId: number): string {
  const columns = STAGED_COLUMNS[kind];
  return `CREATE TABLE IF NOT EXISTS ${stagingTable(kind, sourceId)} (${columns},\n  ordinal BIGINT NOT NULL)`;
}
