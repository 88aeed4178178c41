import { FieldError } from './ingest-report.ts';
import type { IsoDate } from '../core/units.ts';
import { isoDate } from '../core/units.ts';
import type { Right, Side } from '../core/options-flow/option-trade.ts';

/**
 * Field parsers shared by every adapter. Each takes the raw text and the field's name and either returns a
 * checked value or throws FieldError quoting the bad value: NaN, Infinity and out-of-range values stop at
 * the boundary (STYLE.md, "Types say what a number is").
 */

export function requireText(value: string | undefined, field: string): string {
  if (value === undefined || value === '') throw new FieldError(field, value ?? '', 'missing; expected a value');
  return value;
}

/** A finite number (plain decimal or exponent notation). */
export function finiteNumber(value: string | undefined, field: string): number {
  const v = requireText(value, field);
  const n = Number(v);
  // Number() would read '' and ' ' as 0 and ignore surrounding blanks: require a digit, sign or dot at both ends.
  if (!Number.isFinite(n) || !isNumberEdge(v.charCodeAt(0)) || !isNumberEdge(v.charCodeAt(v.length - 1))) {
    throw new FieldError(field, v, 'expected a finite number');
  }
  return n;
}

export function positiveNumber(value: string | undefined, field: string): number {
  const n = finiteNumber(value, field);
  if (!(n > 0)) throw new FieldError(field, value ?? '', 'expected a number > 0');
  return n;
}

export function nonNegativeNumber(value: string | undefined, field: string): number {
  const n = finiteNumber(value, field);
  if (n < 0) throw new FieldError(field, value ?? '', 'expected a number ≥ 0');
  return n;
}

/** Empty → null; otherwise a finite number ≥ 0. */
export function optionalNonNegativeNumber(value: string | undefined, field: string): number | null {
  if (value === undefined || value === '') return null;
  return nonNegativeNumber(value, field);
}

/** A whole number > 0 (contract and share counts). */
export function positiveInteger(value: string | undefined, field: string): number {
  const n = positiveNumber(value, field);
  if (!Number.isInteger(n)) throw new FieldError(field, value ?? '', 'expected a whole number > 0');
  return n;
}

/** A whole number ≥ 0 (open interest). */
export function nonNegativeInteger(value: string | undefined, field: string): number {
  const n = nonNegativeNumber(value, field);
  if (!Number.isInteger(n)) throw new FieldError(field, value ?? '', 'expected a whole number ≥ 0');
  return n;
}

function isNumberEdge(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Dates already validated: a tape repeats a few expiries millions of times. */
const validDates = new Map<string, IsoDate>();

/** The date if `value` is a valid `YYYY-MM-DD` (cached), else null. Never throws. */
export function knownCalendarDate(value: string): IsoDate | null {
  const known = validDates.get(value);
  if (known !== undefined) return known;
  try {
    return calendarDate(value, 'expiry');
  } catch {
    return null;
  }
}

/** A calendar date `YYYY-MM-DD` that exists (2024-02-30 is rejected). */
export function calendarDate(value: string | undefined, field: string): IsoDate {
  const v = requireText(value, field);
  const known = validDates.get(v);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(v);
  if (m === null) throw new FieldError(field, v, 'expected a date YYYY-MM-DD');
  const y = +(m[1] as string), mo = +(m[2] as string), d = +(m[3] as string);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new FieldError(field, v, 'not a real calendar date');
  }
  if (validDates.size > 100_000) validDates.clear();
  validDates.set(v, isoDate(v));
  return isoDate(v);
}

/** `C`/`P` (also `call`/`put`, any case). */
export function optionRight(value: string | undefined, field: string): Right {
  const v = requireText(value, field);
  switch (v.toUpperCase()) {
    case 'C': case 'CALL': return 'C';
    case 'P': case 'PUT': return 'P';
    default: throw new FieldError(field, v, 'expected C or P');
  }
}

/** Empty → null (classify from the NBBO); otherwise buy, sell or mid (also B/S/M, any case). */
export function optionalSide(value: string | undefined, field: string): Side | null {
  if (value === undefined || value === '') return null;
  switch (value.toLowerCase()) {
    case 'buy': case 'b': return 'buy';
    case 'sell': case 's': return 'sell';
    case 'mid': case 'm': return 'mid';
    default: throw new FieldError(field, value, 'expected buy, sell, mid or empty');
  }
}
