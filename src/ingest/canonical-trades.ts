import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { Contracts, PricePerShare } from '../core/units.ts';
import { headerIndex, splitCsvLine } from './csv-line.ts';
import {
  calendarDate, nonNegativeNumber, optionRight, optionalSide, positiveInteger, positiveNumber, requireText,
} from './fields.ts';
import { FieldError, InputFormatError, type ParseOptions, parseRow } from './ingest-report.ts';
import { readLines } from './line-reader.ts';
import { timestampMs } from './timestamp.ts';

/** The canonical option-trade columns (docs/formats.md), in their canonical order. */
export const TRADE_COLUMNS = [
  'ts', 'underlying', 'expiry', 'strike', 'right', 'price', 'size', 'bid', 'ask', 'exchange', 'condition', 'side',
] as const;
type TradeColumn = (typeof TRADE_COLUMNS)[number];
const OPTIONAL_COLUMNS: ReadonlySet<TradeColumn> = new Set(['exchange', 'condition', 'side']);

/**
 * Validates one canonical trade from its fields (by column name). Throws FieldError naming the field.
 * `price` may be 0 only for a print reported at zero (never seen on OPRA) — rejected as "expected > 0" would
 * drop abandoned-option prints, so a price ≥ 0 is accepted and a negative one rejected. Size must be a
 * whole number of contracts > 0. A bid above the ask (crossed) is kept: it is real on live tapes.
 */
export function tradeFromFields(get: (c: TradeColumn) => string | undefined): OptionTrade {
  const underlying = requireText(get('underlying'), 'underlying').toUpperCase();
  return {
    ts: timestampMs(get('ts'), 'ts'),
    underlying,
    expiry: calendarDate(get('expiry'), 'expiry'),
    strike: positiveNumber(get('strike'), 'strike'),
    right: optionRight(get('right'), 'right'),
    price: nonNegativeNumber(get('price'), 'price') as PricePerShare,
    size: positiveInteger(get('size'), 'size') as Contracts,
    bid: nonNegativeNumber(get('bid'), 'bid') as PricePerShare,
    ask: nonNegativeNumber(get('ask'), 'ask') as PricePerShare,
    exchange: get('exchange') ?? '',
    condition: get('condition') ?? '',
    side: optionalSide(get('side'), 'side'),
  };
}

/** Streams canonical trades from a CSV file with a header row; batches follow the file's order. */
export async function* readCanonicalTradesCsv(file: string, opts: ParseOptions): AsyncGenerator<OptionTrade[]> {
  let index: number[] | null = null;
  for await (const batch of readLines(file)) {
    const out: OptionTrade[] = [];
    let k = 0;
    if (index === null) {
      const header = batch.lines[0];
      if (header === undefined) continue;
      index = tradeColumnIndex(file, header);
      k = 1;
    }
    const idx = index;
    for (; k < batch.lines.length; k++) {
      const line = batch.lines[k] as string;
      if (line === '') continue;
      const f = splitCsvLine(line);
      const t = parseRow(file, batch.firstLine + k, opts, () => tradeFromFields((c) => {
        const i = idx[TRADE_COLUMNS.indexOf(c)] as number;
        return i < 0 ? undefined : f[i];
      }));
      if (t !== null) out.push(t);
    }
    if (out.length > 0) yield out;
  }
}

function tradeColumnIndex(file: string, header: string): number[] {
  const h = headerIndex(header);
  const missing = TRADE_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c) && !h.has(c));
  if (missing.length > 0) {
    throw new InputFormatError(file, `line 1: header lacks column(s) ${missing.join(', ')}; expected ${TRADE_COLUMNS.join(',')}`);
  }
  return TRADE_COLUMNS.map((c) => h.get(c) ?? -1);
}

/** Streams canonical trades from NDJSON (one JSON object per line; numbers may be JSON numbers or strings). */
export async function* readCanonicalTradesNdjson(file: string, opts: ParseOptions): AsyncGenerator<OptionTrade[]> {
  for await (const batch of readLines(file)) {
    const out: OptionTrade[] = [];
    for (let k = 0; k < batch.lines.length; k++) {
      const line = batch.lines[k] as string;
      if (line.trim() === '') continue;
      const t = parseRow(file, batch.firstLine + k, opts, () => {
        const obj = parseJsonObject(line);
        return tradeFromFields((c) => jsonFieldText(obj[c]));
      });
      if (t !== null) out.push(t);
    }
    if (out.length > 0) yield out;
  }
}

/** Parses a line as a JSON object or throws FieldError on the pseudo-field `(line)`. */
export function parseJsonObject(line: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new FieldError('(line)', line.length > 80 ? `${line.slice(0, 80)}…` : line, 'not valid JSON');
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new FieldError('(line)', line.slice(0, 80), 'expected a JSON object');
  }
  return v as Record<string, unknown>;
}

/** A JSON value as the text the field parsers read (null/absent → undefined; numbers in full precision). */
export function jsonFieldText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NaN';
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
