import type { EpochMs, IsoDate } from '../core/units.ts';
import { calendarDate } from '../ingest/fields.ts';
import { FieldError } from '../ingest/ingest-report.ts';
import { timestampMs } from '../ingest/timestamp.ts';
import { ApiError, invalidParameter } from './api-error.ts';
import { MAX_TILT_SYMBOLS, SYMBOL_EXPECTED, SYMBOL_PATTERN } from './query-schemas.ts';

/** An offset whose `+` a query string turned into a space: `…T10:00:00 05:00` (URL-decoding `+` is a space). */
const SPACE_FOR_PLUS = /(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$/;

/**
 * `?at=`: ISO-8601 with an offset or epoch milliseconds, as the CLI's --at (ingest/timestamp.ts); null when
 * absent. An unencoded `+` of the offset arrives as a space and is read as the `+` it was.
 */
export function atParameter(raw: string | undefined): EpochMs | null {
  if (raw === undefined) return null;
  try {
    return timestampMs(raw.replace(SPACE_FOR_PLUS, '$1+$2'), 'at');
  } catch (e) {
    if (e instanceof FieldError) throw invalidParameter('at', raw, e.reason);
    throw e;
  }
}

/** `expiry` / `expiration`: a real calendar date, else 400 `invalid_expiry`; null when absent. */
export function expiryParameter(name: string, raw: string | undefined): IsoDate | null {
  if (raw === undefined) return null;
  try {
    return calendarDate(raw, name);
  } catch (e) {
    if (e instanceof FieldError) throw new ApiError(400, 'invalid_expiry', e.message);
    throw e;
  }
}

/** `from`, `to`, `date`: a real New York calendar date YYYY-MM-DD, else 400 `invalid_parameter` quoting `expected`; null when absent. */
export function dateParameter(name: string, raw: string | undefined, expected = 'expected a New York calendar date YYYY-MM-DD'): IsoDate | null {
  if (raw === undefined) return null;
  try {
    return calendarDate(raw, name);
  } catch (e) {
    if (e instanceof FieldError) throw invalidParameter(name, raw, expected);
    throw e;
  }
}

/** A path symbol as the data names it: upper case (`spy` → `SPY`). The route's schema has checked its form. */
export function symbolParameter(raw: string): string {
  return raw.toUpperCase();
}

const SYMBOL_RE = new RegExp(SYMBOL_PATTERN);

/**
 * `symbols=A,B,…` (tilt watchlist, stream filter): upper case, duplicates dropped, blanks ignored, each checked;
 * 400 naming the first bad entry, an empty list (with `emptyHint`) or more than MAX_TILT_SYMBOLS.
 */
export function symbolList(raw: string, emptyHint: string): Set<string> {
  const out = new Set<string>();
  for (const part of raw.split(',')) {
    const s = part.trim();
    if (s === '') continue;
    if (!SYMBOL_RE.test(s)) throw invalidParameter('symbols', s, `an entry of symbols is not a symbol; ${SYMBOL_EXPECTED}`);
    out.add(s.toUpperCase());
  }
  if (out.size === 0) throw invalidParameter('symbols', raw, emptyHint);
  if (out.size > MAX_TILT_SYMBOLS) throw invalidParameter('symbols', `${out.size} symbols`, `expected at most ${MAX_TILT_SYMBOLS}`);
  return out;
}
