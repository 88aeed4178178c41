import { FieldError } from './ingest-report.ts';
import type { EpochMs } from '../core/units.ts';
import { requireText } from './fields.ts';

const MIN_MS = Date.UTC(1990, 0, 1);
const MAX_MS = Date.UTC(2100, 0, 1);

/**
 * A timestamp: ISO-8601 with an offset or `Z` (`2024-01-10T09:30:00.250-05:00`), or epoch milliseconds.
 * A local time without an offset is rejected: it would be read in the machine's zone, which is a silent bug.
 * The common shape `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` is parsed by hand (the tape's hot path);
 * anything else ISO-like goes through Date.parse after the offset check.
 */
export function timestampMs(value: string | undefined, field: string): EpochMs {
  const v = requireText(value, field);
  let ms: number;
  const c0 = v.charCodeAt(0);
  if (v.length >= 20 && v.charCodeAt(4) === 45 && v.charCodeAt(10) === 84) {
    ms = fastIso(v);
    if (Number.isNaN(ms)) ms = slowIso(v, field);
  } else if (c0 >= 48 && c0 <= 57 && /^\d{9,15}$/.test(v)) {
    ms = Number(v);
  } else {
    ms = slowIso(v, field);
  }
  if (!(ms >= MIN_MS && ms < MAX_MS)) throw new FieldError(field, v, 'time outside 1990–2100');
  return ms as EpochMs;
}

function slowIso(v: string, field: string): number {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    throw new FieldError(field, v, 'expected ISO-8601 with an offset (e.g. 2024-01-10T09:30:00-05:00) or epoch milliseconds');
  }
  const ms = Date.parse(v.replace(' ', 'T'));
  if (Number.isNaN(ms)) throw new FieldError(field, v, 'not a real date and time');
  return ms;
}

function digits(s: string, from: number, n: number): number {
  let x = 0;
  for (let i = from; i < from + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    x = x * 10 + d;
  }
  return x;
}

/** `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)` → epoch ms, or NaN when the string has another shape. */
function fastIso(s: string): number {
  const y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
  const h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return NaN;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return NaN;
  let i = 19;
  let frac = 0;
  if (s.charCodeAt(i) === 46) {
    i++;
    let scale = 100;
    const start = i;
    while (i < s.length) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      frac += c * scale;
      scale /= 10;
      i++;
    }
    if (i === start) return NaN;
    frac = Math.floor(frac + 1e-9);
  }
  let offsetMin: number;
  const z = s.charCodeAt(i);
  if (z === 90 && i === s.length - 1) offsetMin = 0;
  else if ((z === 43 || z === 45) && s.length === i + 6 && s.charCodeAt(i + 3) === 58) {
    const oh = digits(s, i + 1, 2), om = digits(s, i + 4, 2);
    offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else return NaN;
  if (Number.isNaN(offsetMin) || Number.isNaN(y)) return NaN;
  if (d > daysInMonth(y, mo)) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, se) + frac - offsetMin * 60_000;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
