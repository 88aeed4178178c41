import type { EpochMs } from '../../core/units.ts';
import { calendarDate, requireText } from '../fields.ts';
import { FieldError } from '../ingest-report.ts';
import { timestampMs } from '../timestamp.ts';

/**
 * The clocks of the crypto files (each one's SOURCE.md): every result is epoch ms UTC. A daily row is stamped at
 * 00:00 UTC of its date, the start of the day it describes.
 */

/** `YYYY-MM-DD` → 00:00 UTC of that day. */
export function utcDayMs(value: string | undefined, field: string): EpochMs {
  const d = calendarDate(value, field);
  return Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) as EpochMs;
}

/** CryptoQuant's `YYYY.M.D` (no zero padding) → 00:00 UTC. */
export function dottedDayMs(value: string | undefined, field: string): EpochMs {
  const v = requireText(value, field);
  const m = /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/.exec(v);
  if (m === null) throw new FieldError(field, v, 'expected a date YYYY.M.D');
  return utcDayMs(`${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`, field);
}

/** alternative.me's `DD/MM/YYYY` → 00:00 UTC. */
export function dayMonthYearMs(value: string | undefined, field: string): EpochMs {
  const v = requireText(value, field);
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
  if (m === null) throw new FieldError(field, v, 'expected a date DD/MM/YYYY');
  return utcDayMs(`${m[3]}-${m[2]}-${m[1]}`, field);
}

/**
 * A naive `YYYY-MM-DD[ HH:MM[:SS[.fff]]][ UTC]` read as UTC, minus `shiftHours` (a file written in UTC+3 is
 * shifted by 3 to get UTC, see crypto-funding-rates/SOURCE.md). A bare date is 00:00.
 */
export function naiveUtcMs(value: string | undefined, field: string, shiftHours = 0): EpochMs {
  const v = requireText(value, field);
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(?: UTC)?$/.exec(v);
  if (m === null) throw new FieldError(field, v, 'expected YYYY-MM-DD HH:MM:SS (UTC)');
  const h = Number(m[2] ?? '0'), mi = Number(m[3] ?? '0'), s = Number(m[4] ?? '0'), ms = Number((m[5] ?? '0').padEnd(3, '0'));
  if (h > 23 || mi > 59 || s > 59) throw new FieldError(field, v, 'not a real time of day');
  return (utcDayMs(m[1], field) + ((h - shiftHours) * 60 + mi) * 60_000 + s * 1000 + ms) as EpochMs;
}

/** Epoch milliseconds (OKX, Binance REST) as the tape reader takes them. */
export function epochMsField(value: string | undefined, field: string): EpochMs {
  const v = requireText(value, field);
  if (!/^\d{9,15}$/.test(v)) throw new FieldError(field, v, 'expected epoch milliseconds');
  return timestampMs(v, field);
}

/** The canonical `ts`: ISO-8601 with an offset, epoch ms, or a UTC date `YYYY-MM-DD` (00:00 UTC). */
export function canonicalTs(value: string | undefined, field: string): EpochMs {
  const v = requireText(value, field);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return utcDayMs(v, field);
  return timestampMs(v, field);
}
