import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isMarketHoliday, isTradingDay, monthlyExpiry, previousTradingDay, sessionCloseMinutes,
} from './us-market-calendar.ts';

// NYSE published holiday and early-close lists (nyse.com/markets/hours-calendars) for 2024, 2025 and 2026.
const NYSE_HOLIDAYS: Record<number, string[]> = {
  2024: ['2024-01-01', '2024-01-15', '2024-02-19', '2024-03-29', '2024-05-27', '2024-06-19', '2024-07-04',
    '2024-09-02', '2024-11-28', '2024-12-25'],
  2025: ['2025-01-01', '2025-01-09', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26', '2025-06-19',
    '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25'],
  2026: ['2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03',
    '2026-09-07', '2026-11-26', '2026-12-25'],
};
const NYSE_EARLY_CLOSES = ['2024-07-03', '2024-11-29', '2024-12-24', '2025-07-03', '2025-11-28', '2025-12-24',
  '2026-11-27', '2026-12-24'];

function datesOf(year: number): string[] {
  const out: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

test('weekday holidays of 2024–2026 are exactly the NYSE published lists', () => {
  for (const [year, expected] of Object.entries(NYSE_HOLIDAYS)) {
    const got = datesOf(+year).filter((d) => isMarketHoliday(d) && ![0, 6].includes(new Date(`${d}T12:00Z`).getUTCDay()));
    assert.deepEqual(got, expected, `year ${year}`);
  }
});

test('early closes (13:00) of 2024–2026 are exactly the NYSE published lists', () => {
  const got = [2024, 2025, 2026].flatMap(datesOf).filter((d) => isTradingDay(d) && sessionCloseMinutes(d) === 780);
  assert.deepEqual(got, NYSE_EARLY_CLOSES);
});

test('monthly expirations are third Fridays, moved to Thursday on Good Friday (Cboe April 2025: 04-17)', () => {
  assert.equal(monthlyExpiry(2025, 3), '2025-03-21');
  assert.equal(monthlyExpiry(2025, 4), '2025-04-17');
  assert.equal(monthlyExpiry(2025, 13), '2026-01-16');
});

test('previous trading day skips weekends and holidays (Tuesday after Presidents Day 2025 → Friday 02-14)', () => {
  assert.equal(previousTradingDay('2025-02-18'), '2025-02-14');
  assert.equal(previousTradingDay('2025-03-14'), '2025-03-13');
});
