/**
 * Byte-level field readers for the hot path of the canonical trade CSV (canonical-trades-fast.ts). Each
 * returns NaN (numbers) or null (text) when the bytes are not in the plain shape it handles; the caller
 * then re-reads the line with the general parser, which gives the exact value or the exact rejection.
 * So these readers decide nothing: they only make the common case fast.
 */

/** 10^k for k = 0…22: exact doubles, so M / 10^k is the correctly rounded value of the decimal (as Number()). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** A plain unsigned decimal `123`, `123.45`, `.5`: NaN for anything else (sign, exponent, blanks, > 15 digits). */
export function plainDecimal(b: Uint8Array, from: number, to: number): number {
  if (from >= to) return NaN;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (let i = from; i < to; i++) {
    const c = b[i] as number;
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  return frac > 0 ? m / (POW10[frac] as number) : m;
}

/** A plain unsigned integer of at most 15 digits; NaN otherwise. */
export function plainInteger(b: Uint8Array, from: number, to: number): number {
  if (from >= to || to - from > 15) return NaN;
  let m = 0;
  for (let i = from; i < to; i++) {
    const c = b[i] as number;
    if (c < 48 || c > 57) return NaN;
    m = m * 10 + (c - 48);
  }
  return m;
}

function digits2(b: Uint8Array, i: number): number {
  const a = (b[i] as number) - 48, c = (b[i + 1] as number) - 48;
  return a < 0 || a > 9 || c < 0 || c > 9 ? NaN : a * 10 + c;
}

const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` → epoch ms, or NaN for any other shape or an impossible date.
 * Fractions are read to the millisecond, truncated, as the general parser does.
 */
export function isoInstant(b: Uint8Array, from: number, to: number): number {
  if (to - from < 20 || b[from + 4] !== 45 || b[from + 7] !== 45 || b[from + 10] !== 84
    || b[from + 13] !== 58 || b[from + 16] !== 58) return NaN;
  const y = digits2(b, from) * 100 + digits2(b, from + 2);
  const mo = digits2(b, from + 5), d = digits2(b, from + 8);
  const h = digits2(b, from + 11), mi = digits2(b, from + 14), s = digits2(b, from + 17);
  if (!(mo >= 1 && mo <= 12 && d >= 1 && h <= 23 && mi <= 59 && s <= 59)) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  if (d > dim) return NaN;
  let i = from + 19;
  let ms = 0;
  if (b[i] === 46) {
    i++;
    let scale = 100;
    const start = i;
    while (i < to) {
      const c = (b[i] as number) - 48;
      if (c < 0 || c > 9) break;
      ms += c * scale;
      scale /= 10;
      i++;
    }
    if (i === start) return NaN;
    ms = Math.floor(ms + 1e-9);
  }
  let offsetMin: number;
  const z = b[i];
  if (z === 90 && i === to - 1) offsetMin = 0;
  else if ((z === 43 || z === 45) && to === i + 6 && b[i + 3] === 58) {
    offsetMin = (z === 45 ? -1 : 1) * (digits2(b, i + 1) * 60 + digits2(b, i + 4));
    if (Number.isNaN(offsetMin)) return NaN;
  } else return NaN;
  // Days from civil (proleptic Gregorian), then the instant.
  const yy = y - 1970;
  const leapsBefore = Math.floor((y - 1 - 1968) / 4) - Math.floor((y - 1 - 1900) / 100) + Math.floor((y - 1 - 1600) / 400);
  const days = yy * 365 + leapsBefore + (DAYS_BEFORE_MONTH[mo] as number) + (mo > 2 && leap ? 1 : 0) + d - 1;
  return ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms - offsetMin * 60_000;
}

/**
 * Interns short byte strings (symbols, dates, venue codes) as JS strings: the same bytes give the same string
 * object, so later Map lookups on it hit a cached hash. Latin-1 decoding: callers only intern ASCII fields
 * and fall back to the general parser for any byte ≥ 0x80.
 */
export class ByteInterner {
  private readonly table = new Map<number, string[]>();
  private readonly upper = new Map<string, boolean>();

  /** Whether an interned string has no lower-case ASCII letter (memoised per string). */
  isUpperCase(s: string): boolean {
    let u = this.upper.get(s);
    if (u === undefined) {
      u = s === s.toUpperCase();
      if (this.upper.size > 200_000) this.upper.clear();
      this.upper.set(s, u);
    }
    return u;
  }

  private readonly single: (string | undefined)[] = [];

  intern(b: Uint8Array, from: number, to: number): string | null {
    if (to === from) return '';
    if (to === from + 1) {
      const c = b[from] as number;
      if (c >= 0x80) return null;
      return this.single[c] ?? (this.single[c] = String.fromCharCode(c));
    }
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) {
      const c = b[i] as number;
      if (c >= 0x80) return null;
      h = Math.imul(h ^ c, 0x01000193);
    }
    h = (h ^ (to - from)) >>> 0;
    let bucket = this.table.get(h);
    if (bucket !== undefined) {
      for (const s of bucket) if (sameBytes(s, b, from, to)) return s;
    } else {
      if (this.table.size > 200_000) this.table.clear();
      this.table.set(h, (bucket = []));
    }
    let s = '';
    for (let i = from; i < to; i++) s += String.fromCharCode(b[i] as number);
    bucket.push(s);
    return s;
  }
}

function sameBytes(s: string, b: Uint8Array, from: number, to: number): boolean {
  if (s.length !== to - from) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== b[from + i]) return false;
  return true;
}
