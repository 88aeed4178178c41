import type { EquityPrint, QuoteUpdate } from '../core/dark-pool/equity-print.ts';
import { isEquityPrintHeader, readEquityPrintsCsv, readEquityPrintsNdjson } from './equity-prints.ts';
import { InputFormatError, type ParseOptions } from './ingest-report.ts';
import { type LeanTickFileIdentity, leanTickKind, readLeanEquityQuotes, readLeanEquityTrades } from './lean-equity-ticks.ts';
import { jsonHasKey, readFirstLine, unknownFormat } from './trade-sources.ts';

/** The equity tick formats this project reads (docs/formats.md). */
export type EquityFormat = 'canonical-csv' | 'canonical-ndjson' | 'lean-trades' | 'lean-quotes';

const HINTS: Record<EquityFormat, string> = {
  'canonical-csv': 'header ts,symbol,price,size,exchange[,conditions,bid,ask]',
  'canonical-ndjson': 'one JSON object per line with "ts" and "symbol" keys',
  'lean-trades': 'header ms_since_midnight_et,price,size,exchange,condition_flags_hex,suspicious',
  'lean-quotes': 'header ms_since_midnight_et,bid_price,bid_size,ask_price,ask_size,exchange,condition_flags_hex,suspicious',
};

/** The equity format a first line announces, or null. */
export function equityFormatOfFirstLine(first: string): EquityFormat | null {
  if (first.trimStart().startsWith('{')) return jsonHasKey(first, 'ts') && jsonHasKey(first, 'symbol') ? 'canonical-ndjson' : null;
  const lean = leanTickKind(first);
  if (lean !== null) return lean === 'trades' ? 'lean-trades' : 'lean-quotes';
  return isEquityPrintHeader(first) ? 'canonical-csv' : null;
}

/** Names the equity format of a file from its first line (gzip-transparent); InputFormatError otherwise. */
export async function detectEquityFormat(file: string): Promise<EquityFormat> {
  const first = await readFirstLine(file);
  if (first === null) throw new InputFormatError(file, 'empty file; cannot tell its equity tick format');
  const f = equityFormatOfFirstLine(first);
  if (f === null) throw unknownFormat(file, first, 'equity tick', HINTS);
  return f;
}

/** Streams the prints of a trade file in any supported equity format; a quote file is an InputFormatError. */
export async function* readEquityPrints(file: string, opts: ParseOptions & LeanTickFileIdentity): AsyncGenerator<EquityPrint[]> {
  const format = await detectEquityFormat(file);
  switch (format) {
    case 'canonical-csv': yield* readEquityPrintsCsv(file, opts); break;
    case 'canonical-ndjson': yield* readEquityPrintsNdjson(file, opts); break;
    case 'lean-trades': yield* readLeanEquityTrades(file, opts); break;
    case 'lean-quotes': throw new InputFormatError(file, 'this is a LEAN quote file; pass it with --quotes');
  }
}

/** Streams the quote updates of a quote file (LEAN quotes); any other format is an InputFormatError. */
export async function* readEquityQuotes(file: string, opts: ParseOptions & LeanTickFileIdentity): AsyncGenerator<QuoteUpdate[]> {
  const format = await detectEquityFormat(file);
  if (format !== 'lean-quotes') {
    throw new InputFormatError(file, `expected a quote file (${HINTS['lean-quotes']}); this is ${format}. Canonical prints carry their NBBO in bid,ask`);
  }
  yield* readLeanEquityQuotes(file, opts);
}
