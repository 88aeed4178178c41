import type { OptionTrade, Side } from '../core/options-flow/option-trade.ts';
import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../core/units.ts';
import { ByteInterner, isoInstant, plainDecimal, plainInteger } from './byte-fields.ts';
import { splitCsvLine } from './csv-line.ts';
import { knownCalendarDate } from './fields.ts';
import { type ParseOptions, parseRow } from './ingest-report.ts';
import { openByteStream } from './line-reader.ts';
import { readCanonicalTradesCsvGeneric, tradeColumnIndex, tradeFromFields } from './canonical-trades.ts';

const MIN_MS = Date.UTC(1990, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);
const COMMA = 44, QUOTE = 34, NL = 10, CR = 13;

/**
 * Streams canonical trades from a CSV file: the tape's hot path. When the header is in canonical column order
 * each line is read straight from the bytes (no per-line string, interned symbols and dates); any line that
 * is not in the plain shape (quotes, exponents, signs, odd whitespace, a bad value) is re-read by the
 * general parser, which accepts or rejects it exactly as readCanonicalTradesCsvGeneric would — a property
 * test holds the two readers to identical output. Other column orders use the general reader throughout.
 */
export async function* readCanonicalTradesCsv(file: string, opts: ParseOptions): AsyncGenerator<OptionTrade[]> {
  const stream = await openByteStream(file);
  const interner = new ByteInterner();
  const commas = new Int32Array(24);
  let carry: Buffer | null = null;
  let lineNo = 0;
  let headerSeen = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
    const out: OptionTrade[] = [];
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(NL, pos);
      if (nl < 0) break;
      let end = nl;
      if (end > pos && buf[end - 1] === CR) end--;
      lineNo++;
      if (!headerSeen) {
        headerSeen = true;
        const header = buf.toString('utf8', pos, end).replace(/^\ufeff/, '');
        const index = tradeColumnIndex(file, header);
        if (!index.every((i, j) => i === j)) {
          stream.destroy();
          yield* readCanonicalTradesCsvGeneric(file, opts);
          return;
        }
      } else if (end > pos) {
        const fast = fastTrade(buf, pos, end, commas, interner);
        if (fast !== null) opts.report.accept();
        const t = fast ?? slowTrade(file, lineNo, opts, buf.toString('utf8', pos, end));
        if (t !== null) out.push(t);
      }
      pos = nl + 1;
    }
    carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
    if (out.length > 0) yield out;
  }
  if (carry !== null && carry.length > 0) {
    let end = carry.length;
    if (carry[end - 1] === CR) end--;
    lineNo++;
    if (!headerSeen) {
      tradeColumnIndex(file, carry.toString('utf8', 0, end).replace(/^\ufeff/, ''));
      return;
    }
    if (end > 0) {
      const fast = fastTrade(carry, 0, end, commas, interner);
      if (fast !== null) opts.report.accept();
      const t = fast ?? slowTrade(file, lineNo, opts, carry.toString('utf8', 0, end));
      if (t !== null) yield [t];
    }
  }
}

function slowTrade(file: string, line: number, opts: ParseOptions, text: string): OptionTrade | null {
  return parseRow(file, line, opts, tradeFromFields, splitCsvLine(text));
}

/**
 * The plain-shape fast path; null → re-read this line with the general parser. No closures are created here:
 * tsx wraps every function expression in a naming helper, which costs more than the parsing.
 */
function fastTrade(b: Buffer, from: number, to: number, bounds: Int32Array, interner: ByteInterner): OptionTrade | null {
  // bounds[2k] … bounds[2k+1] is field k.
  let n = 0;
  bounds[0] = from;
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c === COMMA) {
      if (n === 11) return null;
      bounds[2 * n + 1] = i;
      n++;
      bounds[2 * n] = i + 1;
    } else if (c === QUOTE) return null;
  }
  if (n !== 11) return null;
  bounds[23] = to;
  const B = bounds as unknown as number[];
  let ts = isoInstant(b, B[0] as number, B[1] as number);
  if (Number.isNaN(ts) && (B[1] as number) - (B[0] as number) >= 9) ts = plainInteger(b, B[0] as number, B[1] as number);
  if (!(ts >= MIN_MS && ts < MAX_MS)) return null;
  const underlying = interner.intern(b, B[2] as number, B[3] as number);
  if (underlying === null || underlying === '' || !interner.isUpperCase(underlying)) return null;
  const expiryText = interner.intern(b, B[4] as number, B[5] as number);
  const expiry = expiryText === null ? null : knownCalendarDate(expiryText);
  if (expiry === null) return null;
  const strike = plainDecimal(b, B[6] as number, B[7] as number);
  if (!(strike > 0)) return null;
  if ((B[9] as number) - (B[8] as number) !== 1) return null;
  const r = b[B[8] as number];
  const right = r === 67 ? 'C' : r === 80 ? 'P' : null;
  if (right === null) return null;
  const price = plainDecimal(b, B[10] as number, B[11] as number);
  const size = plainInteger(b, B[12] as number, B[13] as number);
  const bid = plainDecimal(b, B[14] as number, B[15] as number);
  const ask = plainDecimal(b, B[16] as number, B[17] as number);
  if (!(price >= 0 && size > 0 && bid >= 0 && ask >= 0)) return null;
  const exchange = interner.intern(b, B[18] as number, B[19] as number);
  const condition = interner.intern(b, B[20] as number, B[21] as number);
  if (exchange === null || condition === null) return null;
  let side: Side | null = null;
  if ((B[23] as number) > (B[22] as number)) {
    const sideText = interner.intern(b, B[22] as number, B[23] as number);
    if (sideText === 'buy' || sideText === 'sell' || sideText === 'mid') side = sideText;
    else return null;
  }
  if (expiry < newYorkDate(ts as EpochMs)) return null;
  return {
    ts: ts as EpochMs, underlying, expiry: expiry as IsoDate, strike, right,
    price: price as PricePerShare, size: size as Contracts, bid: bid as PricePerShare, ask: ask as PricePerShare,
    exchange, condition, side,
  };
}
