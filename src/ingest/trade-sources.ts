import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { TRADE_COLUMNS, readCanonicalTradesCsv, readCanonicalTradesNdjson } from './canonical-trades.ts';
import { isCboeDataShopTradesHeader, readCboeDataShopTrades } from './cboe-datashop-trades.ts';
import { headerIndex } from './csv-line.ts';
import { InputFormatError, type ParseOptions } from './ingest-report.ts';
import { readLines } from './line-reader.ts';

/** The option-trade file formats this project reads (docs/formats.md). */
export const TRADE_FORMATS = ['canonical-csv', 'canonical-ndjson', 'cboe-datashop'] as const;
export type TradeFormat = (typeof TRADE_FORMATS)[number];

const TRADE_FORMAT_HINTS: Record<TradeFormat, string> = {
  'canonical-csv': `header ${TRADE_COLUMNS.join(',')}`,
  'canonical-ndjson': 'one JSON object per line with a "ts" key',
  'cboe-datashop': 'header underlying_symbol,quote_datetime,sequence_number,root,…',
};

/** The first line of a file (gzip-transparent, BOM stripped), or null for an empty file. */
export async function readFirstLine(file: string): Promise<string | null> {
  for await (const batch of readLines(file)) {
    const line = batch.lines[0];
    if (line !== undefined) return line;
  }
  return null;
}

/** Names the trade format of a file from its first line; InputFormatError naming the file when none fits. */
export async function detectTradeFormat(file: string): Promise<TradeFormat> {
  const first = await readFirstLine(file);
  if (first === null) throw new InputFormatError(file, 'empty file; cannot tell its trade format');
  const format = tradeFormatOfFirstLine(first);
  if (format === null) throw unknownFormat(file, first, 'trade', TRADE_FORMAT_HINTS);
  return format;
}

/** The trade format a first line announces, or null. */
export function tradeFormatOfFirstLine(first: string): TradeFormat | null {
  if (first.trimStart().startsWith('{')) return jsonHasKey(first, 'ts') ? 'canonical-ndjson' : null;
  if (isCboeDataShopTradesHeader(first)) return 'cboe-datashop';
  const h = headerIndex(first);
  const optional = new Set(['exchange', 'condition', 'side']);
  return TRADE_COLUMNS.every((c) => optional.has(c) || h.has(c)) ? 'canonical-csv' : null;
}

/**
 * Streams the option trades of one file in any supported format (detected from the first line unless
 * `format` is given). Every adapter reports each data row as accepted, rejected or excluded in opts.report.
 */
export async function* readTrades(
  file: string, opts: ParseOptions & { readonly format?: TradeFormat },
): AsyncGenerator<OptionTrade[]> {
  const format = opts.format ?? await detectTradeFormat(file);
  switch (format) {
    case 'canonical-csv': yield* readCanonicalTradesCsv(file, opts); break;
    case 'canonical-ndjson': yield* readCanonicalTradesNdjson(file, opts); break;
    case 'cboe-datashop': yield* readCboeDataShopTrades(file, opts); break;
  }
}

/** True when a line is a JSON object with the given key. */
export function jsonHasKey(line: string, key: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v) && key in v;
  } catch {
    return false;
  }
}

/** The InputFormatError for a file no format matches: quotes its first line and lists the formats. */
export function unknownFormat(file: string, first: string, what: string, hints: Record<string, string>): InputFormatError {
  const shown = first.length > 120 ? `${first.slice(0, 120)}…` : first;
  const list = Object.entries(hints).map(([name, hint]) => `${name} (${hint})`).join('; ');
  return new InputFormatError(file, `unknown ${what} format; first line was ${JSON.stringify(shown)}; expected one of: ${list}`);
}
