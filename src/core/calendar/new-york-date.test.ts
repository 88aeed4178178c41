import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarDaysBetween, newYorkDate, newYorkWallClockToEpochMs } from './new-york-date.ts';
import { epochMs, isoDate } from '../units.ts';

test('New York date across the UTC midnight and daylight saving (known offsets: EST -5h, EDT -4h)', () => {
  // 2024-03-10 is the spring-forward Sunday. 03:30Z on 03-11 is 23:30 EDT on 03-10.
  assert.equal(newYorkDate(epochMs(Date.parse('2024-03-11T03:30:00Z'))), '2024-03-10');
  assert.equal(newYorkDate(epochMs(Date.parse('2024-03-11T04:30:00Z'))), '2024-03-11');
  // In January (EST) 04:30Z is still the previous evening in New York.
  assert.equal(newYorkDate(epochMs(Date.parse('2024-01-11T04:30:00Z'))), '2024-01-10');
  assert.equal(newYorkDate(epochMs(Date.parse('2024-01-11T05:00:00Z'))), '2024-01-11');
});

test('calendar days between dates, including leap days and year ends', () => {
  assert.equal(calendarDaysBetween(isoDate('2024-02-28'), isoDate('2024-03-01')), 2);
  assert.equal(calendarDaysBetween(isoDate('2023-12-31'), isoDate('2024-01-01')), 1);
  assert.equal(calendarDaysBetween(isoDate('2024-01-19'), isoDate('2024-01-19')), 0);
  assert.equal(calendarDaysBetween(isoDate('2024-01-19'), isoDate('2024-01-18')), -1);
  assert.equal(calendarDaysBetween(isoDate('2016-06-01'), isoDate('2016-07-20')), 49);
});

test('New York wall clock to instant: 09:30 is 14:30Z in winter and 13:30Z in summer', () => {
  assert.equal(newYorkWallClockToEpochMs(isoDate('2024-01-10'), 9, 30, 0, 0), Date.parse('2024-01-10T14:30:00Z'));
  assert.equal(newYorkWallClockToEpochMs(isoDate('2016-06-01'), 9, 30, 2, 25), Date.parse('2016-06-01T13:30:02.025Z'));
});
