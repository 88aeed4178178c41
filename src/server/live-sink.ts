import { createHash } from 'node:crypto';
import type { EquityPrint } from '../core/dark-pool/equity-print.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { MarketStore, SourceCursor, SourceKind, SourceReport } from '../store/market-store.ts';
import type { InMemoryMarketData } from './in-memory-market-data.ts';

/**
 * Where the live feed (POST /v1/ingest/…) appends the accepted rows of one request body: the server's
 * in-memory data, or the store it serves from. A call resolves once the rows are visible to reads.
 */
export interface LiveSink {
  addTrades(trades: readonly OptionTrade[], report: SourceReport): Promise<void>;
  addChainRows(rows: readonly ChainContract[], report: SourceReport): Promise<void>;
}

/** The sink of `serve --trades …`: rows go straight into the in-memory data. */
export function memoryLiveSink(data: InMemoryMarketData): LiveSink {
  return {
    async addTrades(trades) {
      data.addTrades(trades);
    },
    async addChainRows(rows) {
      data.addChainRows(rows);
    },
  };
}

/**
 * The sink of `serve --data DIR`: each body is one store source (docs/store.md), named by the sha256 of its
 * accepted rows, loaded with openSource → putPrints/putChainRows → completeSource. A body whose rows were already
 * stored (the same body posted twice) is a complete source and is not stored again: rows are never doubled,
 * and rows whose natural key is stored already count as the store's duplicates.
 */
export function storeLiveSink(store: MarketStore): LiveSink {
  return {
    addTrades: (trades, report) => loadBody(store, 'prints', trades, report, (b, c) => store.putPrints(b, c)),
    addChainRows: (rows, report) => loadBody(store, 'chain', rows, report, (b, c) => store.putChainRows(b, c)),
  };
}

/** POST /v1/ingest/equity-trades into a store: one body is one `equity-prints` source, as storeLiveSink loads the others. */
export function storeEquityPrints(store: MarketStore, prints: readonly EquityPrint[], report: SourceReport): Promise<void> {
  return loadBody(store, 'equity-prints', prints, report, (b, c) => store.putEquityPrints(b, c));
}

/** One request body as one store source, named by the sha256 of its kind and accepted rows. */
async function loadBody<T>(store: MarketStore, kind: SourceKind, rows: readonly T[], report: SourceReport,
  put: (batch: readonly T[], cursor: SourceCursor) => Promise<SourceCursor>): Promise<void> {
  if (rows.length === 0) return;
  const sha256 = createHash('sha256').update(kind).update(JSON.stringify(rows)).digest('hex');
  const opened = await store.openSource({ kind, sha256, name: `POST /v1/ingest (${rows.length} rows)` });
  if (opened.status === 'complete') return;
  const cursor = opened.rowsStaged === 0 ? await put(rows, opened) : await put(rows.slice(opened.rowsStaged), opened);
  await store.completeSource(cursor, report);
}
