import type { ChainContract } from '../core/options-flow/chain.ts';
import {
  CHAIN_COLUMNS, type ChainFileOverrides, isCanonicalChainHeader, readCanonicalChainCsv, readCanonicalChainNdjson,
} from './canonical-chain.ts';
import { InputFormatError, type ParseOptions } from './ingest-report.ts';
import { isLeanUniverseHeader, readLeanUniverseChain } from './lean-universe-chain.ts';
import { jsonHasKey, readFirstLine, unknownFormat } from './trade-sources.ts';
import { isYahooChainHeader, readYahooChain } from './yahoo-chain.ts';

/** The chain-snapshot file formats this project reads (docs/formats.md). */
export const CHAIN_FORMATS = ['canonical-csv', 'canonical-ndjson', 'lean-universe', 'yahoo'] as const;
export type ChainFormat = (typeof CHAIN_FORMATS)[number];

const CHAIN_FORMAT_HINTS: Record<ChainFormat, string> = {
  'canonical-csv': `header ${CHAIN_COLUMNS.join(',')}`,
  'canonical-ndjson': 'one JSON object per line with an "as_of" key',
  'lean-universe': 'header #expiry,strike,right,open,high,low,close,volume,open_interest,implied_volatility,…',
  yahoo: 'header contractSymbol,type,expiration,strike,…',
};

/** Options of readChain: the row options, an optional format, and overrides for formats that lack them. */
export type ReadChainOptions = ParseOptions & ChainFileOverrides & { readonly format?: ChainFormat };

/** Names the chain format of a file from its first line; InputFormatError naming the file when none fits. */
export async function detectChainFormat(file: string): Promise<ChainFormat> {
  const first = await readFirstLine(file);
  if (first === null) throw new InputFormatError(file, 'empty file; cannot tell its chain format');
  const format = chainFormatOfFirstLine(first);
  if (format === null) throw unknownFormat(file, first, 'chain', CHAIN_FORMAT_HINTS);
  return format;
}

/** The chain format a first line announces, or null. */
export function chainFormatOfFirstLine(first: string): ChainFormat | null {
  if (first.trimStart().startsWith('{')) return jsonHasKey(first, 'as_of') ? 'canonical-ndjson' : null;
  if (isLeanUniverseHeader(first)) return 'lean-universe';
  if (isYahooChainHeader(first)) return 'yahoo';
  return isCanonicalChainHeader(first) ? 'canonical-csv' : null;
}

/**
 * Streams the contracts of one chain file in any supported format (detected from the first line unless `format`
 * is given). `underlying` and `asOf` stand in for what a vendor file lacks (LEAN: both; Yahoo: asOf only); the
 * canonical formats carry both on every row, so passing either for them is an InputFormatError, not ignored.
 */
export async function* readChain(file: string, opts: ReadChainOptions): AsyncGenerator<ChainContract[]> {
  const format = opts.format ?? await detectChainFormat(file);
  switch (format) {
    case 'canonical-csv':
    case 'canonical-ndjson':
      if (opts.underlying !== undefined || opts.asOf !== undefined) {
        throw new InputFormatError(file, `${format} rows carry their own underlying and as_of; do not override them`);
      }
      yield* format === 'canonical-csv' ? readCanonicalChainCsv(file, opts) : readCanonicalChainNdjson(file, opts);
      break;
    case 'lean-universe': yield* readLeanUniverseChain(file, opts); break;
    case 'yahoo': yield* readYahooChain(file, opts); break;
  }
}

/** Reads every contract of several chain files (each detected on its own) into one array, in file order. */
export async function readAllChains(files: readonly string[], opts: ReadChainOptions): Promise<ChainContract[]> {
  const out: ChainContract[] = [];
  for (const file of files) {
    for await (const batch of readChain(file, opts)) {
      for (const c of batch) out.push(c);
    }
  }
  return out;
}
