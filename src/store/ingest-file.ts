import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { EquityPrint, QuoteUpdate } from '../core/dark-pool/equity-print.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { ChainFileOverrides } from '../ingest/canonical-chain.ts';
import { type ChainFormat, detectChainFormat, readChain } from '../ingest/chain-sources.ts';
import { detectEquityFormat, type EquityFormat, equityFormatOfFirstLine, readEquityPrints, readEquityQuotes } from '../ingest/equity-sources.ts';
import { IngestReport, InputFormatError } from '../ingest/ingest-report.ts';
import { detectTradeFormat, jsonHasKey, readFirstLine, readTrades, type TradeFormat } from '../ingest/trade-sources.ts';
import type { MarketStore, SourceCursor, SourceIdentity, SourceKind, SourceState } from './market-store.ts';

/**
 * Rows per committed batch: one DuckDB row group (122,880 rows), which DuckDB writes straight to the database
 * file instead of through its write-ahead log. 1M prints load in 4.2 s at this size against 6.3 s at 100,000
 * (docs/store.md "Measured"); a kill loses at most one batch of work (~0.5 s).
 */
export const DEFAULT_BATCH_ROWS = 122_880;

export interface IngestFileOptions {
  readonly strict: boolean;
  /** Read the file as trades in this format (no detection). */
  readonly format?: TradeFormat;
  /** Read the file as a chain in this format (no detection). */
  readonly chainFormat?: ChainFormat;
  /** For chain files that do not name them (LEAN, Yahoo): see readChain. */
  readonly chainOverrides?: ChainFileOverrides;
  /** Rows per transaction (each commits the rows and the source's marker together). */
  readonly batchRows?: number;
  /** Called after each committed batch. */
  readonly onCommit?: (cursor: SourceCursor) => void;
}

export interface IngestFileResult {
  readonly file: string;
  readonly kind: SourceKind;
  readonly format: SourceFormat;
  /**
   * `loaded`: read and stored in this run; `resumed`: an earlier run had committed `resumedFrom` rows of it
   * and this run finished it; `already-loaded`: complete before this run, nothing read or written.
   */
  readonly status: 'loaded' | 'resumed' | 'already-loaded';
  readonly resumedFrom: number;
  /** The reader's report of this run; null when already loaded (the stored counts are in `source.report`). */
  readonly report: IngestReport | null;
  readonly source: SourceState;
}

type SourceFormat = TradeFormat | ChainFormat | EquityFormat;
type SourceRow = OptionTrade | ChainContract | EquityPrint | QuoteUpdate;

/**
 * Loads one option trade, chain, equity trade or equity quote file into a store, idempotently and resumably (docs/store.md): the file is named by
 * the sha256 of its bytes; a complete source is skipped; an incomplete one is re-read from the start, its first
 * `rowsStaged` accepted rows (already committed) skipped, and the rest committed in batches of `batchRows`
 * together with the marker; then the store merges the source in one transaction. The reader is deterministic,
 * so the accepted rows of the same bytes come in the same order on every run.
 */
export async function ingestFile(store: MarketStore, file: string, opts: IngestFileOptions): Promise<IngestFileResult> {
  const what = await detectSource(file, opts);
  const identity: SourceIdentity = { kind: what.kind, name: file, sha256: await sourceHash(file, what.format, what.kind === 'chain' ? opts.chainOverrides : undefined) };
  const opened = await store.openSource(identity);
  const base = { file, kind: what.kind, format: what.format, resumedFrom: opened.rowsStaged };
  if (opened.status === 'complete') return { ...base, status: 'already-loaded', report: null, source: opened };

  const report = new IngestReport();
  const batchRows = opts.batchRows ?? DEFAULT_BATCH_ROWS;
  let cursor: SourceCursor = opened;
  let skip = opened.rowsStaged;
  let pending: SourceRow[] = [];
  const commit = async () => {
    cursor = await putBatch(store, what.kind, pending, cursor);
    pending = [];
    opts.onCommit?.(cursor);
  };
  const rows = readSource(file, what, report, opts);
  for await (const batch of rows) {
    const from = Math.min(skip, batch.length);
    skip -= from;
    for (let i = from; i < batch.length; i++) {
      pending.push(batch[i] as SourceRow);
      if (pending.length === batchRows) await commit();
    }
  }
  if (skip > 0) {
    throw new InputFormatError(file, `the store has ${opened.rowsStaged} rows of this file staged but reading it gives ${report.accepted}; `
      + 'was the reader changed between runs? Remove the data directory and load again');
  }
  if (pending.length > 0) await commit();
  const source = await store.completeSource(cursor, { rowsRead: report.rowsRead, accepted: report.accepted, rejected: report.rejected, excluded: report.excluded });
  return { ...base, status: opened.rowsStaged > 0 ? 'resumed' : 'loaded', report, source };
}

function putBatch(store: MarketStore, kind: SourceKind, batch: readonly SourceRow[], cursor: SourceCursor): Promise<SourceCursor> {
  switch (kind) {
    case 'prints': return store.putPrints(batch as OptionTrade[], cursor);
    case 'chain': return store.putChainRows(batch as ChainContract[], cursor);
    case 'equity-prints': return store.putEquityPrints(batch as EquityPrint[], cursor);
    case 'equity-quotes': return store.putEquityQuotes(batch as QuoteUpdate[], cursor);
  }
}

function readSource(file: string, what: DetectedSource, report: IngestReport, opts: IngestFileOptions): AsyncGenerator<readonly SourceRow[]> {
  switch (what.kind) {
    case 'prints': return readTrades(file, { report, strict: opts.strict, format: what.format as TradeFormat });
    case 'chain': return readChain(file, { report, strict: opts.strict, format: what.format as ChainFormat, ...opts.chainOverrides });
    case 'equity-prints': return readEquityPrints(file, { report, strict: opts.strict });
    case 'equity-quotes': return readEquityQuotes(file, { report, strict: opts.strict });
  }
}

interface DetectedSource {
  readonly kind: SourceKind;
  readonly format: SourceFormat;
}

/**
 * The kind and format of a file: the forced one, else from its first line: an equity tick file (canonical equity
 * prints, LEAN trade or quote ticks; an NDJSON line with an `underlying` key is an option trade), then option
 * trades, then a chain. A file that is none of them is an InputFormatError naming it and what each reader expected.
 */
async function detectSource(file: string, opts: IngestFileOptions): Promise<DetectedSource> {
  if (opts.format !== undefined) return { kind: 'prints', format: opts.format };
  if (opts.chainFormat !== undefined) return { kind: 'chain', format: opts.chainFormat };
  const first = await readFirstLine(file);
  const equity = first === null ? null : equityFormatOfFirstLine(first);
  if (equity !== null && !(equity === 'canonical-ndjson' && jsonHasKey(first ?? '', 'underlying'))) {
    return { kind: equity === 'lean-quotes' ? 'equity-quotes' : 'equity-prints', format: equity };
  }
  try {
    return { kind: 'prints', format: await detectTradeFormat(file) };
  } catch (asTrades) {
    if (!(asTrades instanceof InputFormatError)) throw asTrades;
    try {
      return { kind: 'chain', format: await detectChainFormat(file) };
    } catch (asChain) {
      if (!(asChain instanceof InputFormatError)) throw asChain;
      const asEquity = await detectEquityFormat(file).then(() => null, (e: unknown) => e);
      if (!(asEquity instanceof InputFormatError)) throw asEquity;
      throw new InputFormatError(file, `neither a trade nor a chain nor an equity tick file: ${strip(asTrades, file)}; ${strip(asChain, file)}; ${strip(asEquity, file)}`);
    }
  }
}

function strip(e: InputFormatError, file: string): string {
  return e.message.startsWith(`${file}: `) ? e.message.slice(file.length + 2) : e.message;
}

/**
 * A source's identity: the sha256 of the file's bytes. LEAN and Yahoo chains take their underlying and date from
 * the path (or overrides), so for them the identity also covers the last two path segments and the overrides:
 * the same bytes under another date's name are another snapshot. LEAN equity ticks take symbol and date from the
 * file name, so their identity covers the file name.
 */
async function sourceHash(file: string, format: SourceFormat, overrides: ChainFileOverrides | undefined): Promise<string> {
  const bytes = await sha256OfFile(file);
  if (format === 'lean-trades' || format === 'lean-quotes') {
    return createHash('sha256').update([bytes, format, basename(file)].join('\n')).digest('hex');
  }
  if (format !== 'lean-universe' && format !== 'yahoo') return bytes;
  const context = [bytes, format, basename(dirname(file)), basename(file), JSON.stringify(overrides ?? {})].join('\n');
  return createHash('sha256').update(context).digest('hex');
}

/** The sha256 (hex) of a file's bytes, streamed. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
