import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expiryInstant, fromDte, MS_PER_YEAR, yearsToExpiry } from './time-to-expiry.ts';
import { PricingInputError } from './pricing-input-error.ts';
import { days, epochMs, isoDate } from '../units.ts';

const at = (iso: string) => epochMs(Date.parse(iso));

test('PM expiry is 16:00 New York: 21:00Z in winter (EST), 20:00Z in summer (EDT)', () => {
  assert.equal(expiryInstant(isoDate('2024-01-19')), Date.parse('2024-01-19T21:00:00Z'));
  assert.equal(expiryInstant(isoDate('2024-07-19')), Date.parse('2024-07-19T20:00:00Z'));
});

test('AM-settled index options stop at 09:30 New York on the expiry date (SPX monthly, VIX)', () => {
  assert.equal(expiryInstant(isoDate('2024-03-15'), 'AM'), Date.parse('2024-03-15T13:30:00Z'));
  assert.equal(expiryInstant(isoDate('2024-01-19'), 'AM'), Date.parse('2024-01-19T14:30:00Z'));
});

test('year fraction is milliseconds / (365 × 86,400,000): a 0DTE quote at 09:30 has 6.5 hours left', () => {
  const t = yearsToExpiry(at('2024-01-19T14:30:00Z'), isoDate('2024-01-19'));
  assert.equal(t, (6.5 * 3_600_000) / MS_PER_YEAR);
  assert.equal(MS_PER_YEAR, 31_536_000_000);
});

test('a week across the spring-forward Sunday (2024-03-10) is 7 days minus the lost hour', () => {
  // Friday 2024-03-08 16:00 EST → Friday 2024-03-15 16:00 EDT.
  const t = yearsToExpiry(at('2024-03-08T21:00:00Z'), isoDate('2024-03-15'));
  assert.equal(t * MS_PER_YEAR, (7 * 24 - 1) * 3_600_000);
});

test('never negative: at or after the expiry instant the year fraction is 0 (the caller decides)', () => {
  assert.equal(yearsToExpiry(at('2024-01-19T21:00:00Z'), isoDate('2024-01-19')), 0);
  assert.equal(yearsToExpiry(at('2024-01-19T21:00:00.001Z'), isoDate('2024-01-19')), 0);
  assert.equal(yearsToExpiry(at('2024-01-22T15:00:00Z'), isoDate('2024-01-19')), 0);
  // An AM-settled option quoted at 10:00 on its expiry date has already expired.
  assert.equal(yearsToExpiry(at('2024-01-19T15:00:00Z'), isoDate('2024-01-19'), 'AM'), 0);
});

test('fromDte(dte) = dte/365, and bad inputs are rejected naming the field', () => {
  assert.equal(fromDte(days(30)), 30 / 365);
  assert.equal(fromDte(days(0)), 0);
  assert.throws(() => fromDte(days(-1)), (e: unknown) => e instanceof PricingInputError && e.field === 'dte');
  assert.throws(() => yearsToExpiry(at('2024-01-19T14:30:00Z'), isoDate('19/01/2024')), /expiry was "19\/01\/2024"/);
  assert.throws(() => yearsToExpiry(epochMs(Number.NaN), isoDate('2024-01-19')), /quoteTs was "NaN"/);
});
