import type { EquityPrint } from '../core/dark-pool/equity-print.ts';
import { saleConditionOfName, conditionBit } from '../core/dark-pool/sale-conditions.ts';
import type { PricePerShare, Shares } from '../core/units.ts';
import { headerIndex } from './csv-line.ts';
import { fieldsInColumnOrder, jsonFieldsInColumnOrder, readCsvRows, readNdjsonRows } from './csv-rows.ts';
import { optionalNonNegativeNumber, positiveInteger, positiveNumber, requireText } from './fields.ts';
import { FieldError, InputFormatError, type ParseOptions } from './ingest-report.ts';
import { timestampMs } from './timestamp.ts';

/** The canonical equity print columns (docs/formats.md), in canonical order; conditions, bid and ask optional. */
export const EQUITY_PRINT_COLUMNS = ['ts', 'symbol', 'price', 'size', 'exchange', 'conditions', 'bid', 'ask'] as const;
const REQUIRED = ['ts', 'symbol', 'price', 'size', 'exchange'] as const;

const conditionCache = new Map<string, number>();

/**
 * The `conditions` field → a sale-condition mask: empty (none), a hex mask `0x20000020` in LEAN's bit numbering,
 * or condition names (sale-conditions.ts, any case) separated by `|`, `;` or spaces, or a JSON array of names.
 */
export function conditionsField(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const hit = conditionCache.get(value);
  if (hit !== undefined) return hit;
  let mask = 0;
  if (/^0x[0-9a-fA-F]{1,8}$/.test(value)) mask = parseInt(value.slice(2), 16) >>> 0;
  else {
    let names: unknown[];
    if (value.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(value);
        names = Array.isArray(parsed) ? parsed : [value];
      } catch {
        throw new FieldError('conditions', value, 'not a valid JSON array of condition names');
      }
    } else names = value.split(/[|; ]+/).filter((s) => s !== '');
    for (const n of names) {
      const c = typeof n === 'string' ? saleConditionOfName(n) : null;
      if (c === null) {
        throw new FieldError('conditions', value, `unknown condition ${JSON.stringify(n)}; expected names such as intermarket_sweep, average_price, extended_hours (docs/formats.md) or a 0x hex mask`);
      }
      mask = (mask | conditionBit(c)) >>> 0;
    }
  }
  if (conditionCache.size > 10_000) conditionCache.clear();
  conditionCache.set(value, mask);
  return mask;
}

/**
 * One canonical equity print from its fields in EQUITY_PRINT_COLUMNS order. ts: ISO-8601 with an offset or
 * epoch ms; price > 0 ($/share); size a whole number of shares > 0; exchange the venue code (non-empty);
 * bid and ask both given (≥ 0; a crossed quote is kept) or both empty.
 */
export function equityPrintFromFields(f: readonly (string | undefined)[]): EquityPrint {
  const ts = timestampMs(f[0], 'ts');
  const raw = requireText(f[1], 'symbol');
  const price = positiveNumber(f[2], 'price') as PricePerShare;
  const size = positiveInteger(f[3], 'size') as Shares;
  const exchange = requireText(f[4], 'exchange');
  const conditions = conditionsField(f[5]);
  const bid = optionalNonNegativeNumber(f[6], 'bid');
  const ask = optionalNonNegativeNumber(f[7], 'ask');
  if ((bid === null) !== (ask === null)) {
    throw new FieldError(bid === null ? 'bid' : 'ask', '', 'bid and ask must both be given or both be empty');
  }
  return {
    ts, symbol: raw.toUpperCase(), price, size, exchange, conditions,
    bid: bid as PricePerShare | null, ask: ask as PricePerShare | null,
  };
}

/** Column positions of a canonical equity print header; InputFormatError naming what is missing. */
export function equityPrintColumnIndex(file: string, header: string): number[] {
  const h = headerIndex(header);
  const missing = REQUIRED.filter((c) => !h.has(c));
  if (missing.length > 0) {
    throw new InputFormatError(file, `line 1: header lacks column(s) ${missing.join(', ')}; expected ${EQUITY_PRINT_COLUMNS.join(',')}`);
  }
  return EQUITY_PRINT_COLUMNS.map((c) => h.get(c) ?? -1);
}

/** True when a CSV first line is a canonical equity print header. */
export function isEquityPrintHeader(first: string): boolean {
  const h = headerIndex(first);
  return REQUIRED.every((c) => h.has(c)) && !h.has('underlying');
}

/** Streams canonical equity prints from a CSV file with a header row (any column order, gzip or plain). */
export function readEquityPrintsCsv(file: string, opts: ParseOptions): AsyncGenerator<EquityPrint[]> {
  return readCsvRows(file, opts, {
    header: (line) => equityPrintColumnIndex(file, line),
    row: (fields, index) => equityPrintFromFields(fieldsInColumnOrder(fields, index)),
  });
}

/** Streams canonical equity prints from NDJSON (one object per line with the same keys). */
export function readEquityPrintsNdjson(file: string, opts: ParseOptions): AsyncGenerator<EquityPrint[]> {
  return readNdjsonRows(file, opts, (obj) => equityPrintFromFields(jsonFieldsInColumnOrder(obj, EQUITY_PRINT_COLUMNS)));
}
