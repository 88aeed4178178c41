import { open } from 'node:fs/promises';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { TRADE_COLUMNS, readCanonicalTradesNdjson } from './canonical-trades.ts';
import { readCanonicalTradesCsv } from './canonical-trades-fast.ts';
import { isCboeDataShopTradesHeader, readCboeDataShopTrades } from './cboe-datashop-trades.ts';
import { headerIndex } from './csv-line.ts';
import { InputFormatError, type ParseOptions } from './ingest-report.ts';

/** The option-trade file formats this project reads (docs/formats.md). */
export const TRADE_FORMATS = ['canonical-csv', 'canonical-ndjson', 'cboe-datashop'] as const;
export type TradeFormat = (typeof TRADE_FORMATS)[number];

const TRADE_FORMAT_HINTS: Record<TradeFormat, string> = {
  'canonical-csv': `header ${TRADE_COLUMNS.join(',')}`,
  'canonical-ndjson': 'one JSON object per line with a "ts" key',
  'cboe-datashop': 'header underlying_symbol,quote_datetime,sequence_number,root,…',
};

/** Bytes read to find a first line; a header longer than this is cut (no format's header comes close). */
const FIRST_LINE_PROBE_BYTES = 1 << 16;

/**
 * The first line of a file (gzip-transparent, BOM and CR stripped), or null for an empty file. Reads only the
 * file's first 64 KiB and closes it (a stream abandoned after one line would keep its descriptor open).
 */
export async function readFirstLine(file: string): Promise<string | null> {
  const fh = await open(file, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(FIRST_LINE_PROBE_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    try {
      head = gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch (e) {
      throw new InputFormatError(file, `not a readable gzip file (${(e as Error).message})`);
    }
  }
  let text = head.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text === '') return null;
  const nl = text.indexOf('\n');
  const line = nl < 0 ? text : text.slice(0, nl);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
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
