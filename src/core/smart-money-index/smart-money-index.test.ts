import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isoDate, type EpochMs } from '../units.ts';
import { newYorkWallClockToEpochMs } from '../calendar/new-york-date.ts';
import { nextSmi, smartMoneyIndex, type IntradayBar } from './smart-money-index.ts';

const t = (date: string, h: number, m: number): EpochMs => newYorkWallClockToEpochMs(isoDate(date), h, m, 0, 0);
/** LEAN-style hourly day: first bar 09:30–10:00, then whole hours to the close hour. closes[i] per bar. */
function leanDay(date: string, open: number, closes: readonly number[]): IntradayBar[] {
  const bars: IntradayBar[] = [];
  let prev = open;
  closes.forEach((c, i) => {
    const start = i === 0 ? t(date, 9, 30) : t(date, 9 + i, 0);
    const end = t(date, 10 + i, 0);
    bars.push({ start, end, open: prev, high: Math.max(prev, c), low: Math.min(prev, c), close: c, volume: 1 });
    prev = c;
  });
  return bars;
}

test('seed 002 worked example: 2,950 − 35 + 20 = 2,935', () => {
  assert.equal(nextSmi(2950, 35, 20), 2935);
});

test('hourly bars: values computed by hand from the LEAN SPY file, across the 2019-03-10 DST change', () => {
  // Rows copied from SPY_hourly_1998-2021.csv.gz (closes of the 7 bars; open of the 09:00 bar).
  const bars = [
    ...leanDay('2019-03-08', 272.92, [272.97, 273.20, 273.22, 272.55, 273.02, 273.80, 274.46]),
    ...leanDay('2019-03-11', 275.24, [276.31, 277.25, 277.78, 277.65, 278.20, 278.15, 278.44]),
  ];
  const r = smartMoneyIndex(bars, 0);
  assert.deepEqual(r.skipped, []);
  const [a, b] = r.series;
  assert.equal(a?.first_half_hour_change.toFixed(2), '0.05'); // 272.97 − 272.92
  assert.equal(a?.last_hour_change.toFixed(2), '0.66'); // 274.46 − 273.80
  assert.equal(b?.first_half_hour_change.toFixed(2), '1.07'); // 276.31 − 275.24
  assert.equal(b?.last_hour_change.toFixed(2), '0.29'); // 278.44 − 278.15
  assert.equal(b?.smi.toFixed(2), '-0.17'); // 0 + 0.61 − 0.78
  assert.equal(b?.close, 278.44);
});

test('early close 2019-11-29: last hour is 12:00–13:00 (LEAN rows 09:00…12:00)', () => {
  const r = smartMoneyIndex(leanDay('2019-11-29', 314.89, [314.99, 314.87, 314.75, 314.31]), 100);
  assert.deepEqual(r.skipped, []);
  assert.equal(r.series[0]?.first_half_hour_change.toFixed(2), '0.10');
  assert.equal(r.series[0]?.last_hour_change.toFixed(2), '-0.44'); // 314.31 − 314.75
  assert.equal(r.series[0]?.smi.toFixed(2), '99.46');
});

test('a day missing the last hour is skipped with the reason, and the SMI carries over unchanged', () => {
  const bars = [
    ...leanDay('2019-03-07', 100, [101, 101, 101, 101, 101, 101]), // ends 15:00: no close bar
    ...leanDay('2019-03-08', 100, [101, 101, 101, 101, 101, 101, 103]),
  ];
  const r = smartMoneyIndex(bars, 50);
  assert.deepEqual(r.skipped, [{ date: '2019-03-07', reason: 'no bar ending at the 16:00 close' }]);
  assert.equal(r.series[0]?.smi, 50 - 1 + 2);
});

test('5-minute bars resolve the windows the same as hourly bars', () => {
  const bars: IntradayBar[] = [];
  for (let k = 0; k < 78; k++) {
    const min = 570 + 5 * k;
    const start = t('2025-11-03', Math.floor(min / 60), min % 60);
    bars.push({ start, end: (start + 300_000) as EpochMs, open: 500 + k, high: 501 + k, low: 500 + k, close: 501 + k, volume: 1 });
  }
  const r = smartMoneyIndex(bars, 0);
  assert.equal(r.series[0]?.first_half_hour_change, 506 - 500); // close of 09:55 bar (k=5) − open of 09:30
  assert.equal(r.series[0]?.last_hour_change, 578 - 566); // close of 15:55 bar (k=77) − close of 14:55 bar (k=65)
});

test('property: each day the SMI changes by last-hour change minus first-half-hour change', () => {
  fc.assert(fc.property(
    fc.array(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 8 }),
    fc.integer({ min: -1000, max: 1000 }),
    (days, start) => {
      const bars = days.flatMap((d, i) => leanDay(`2019-06-${String(3 + i).padStart(2, '0')}`, d[0] ?? 1, d.slice(1)));
      const r = smartMoneyIndex(bars, start);
      let prev = start;
      for (const p of r.series) {
        assert.ok(Math.abs(p.smi - prev - (p.last_hour_change - p.first_half_hour_change)) < 1e-6);
        prev = p.smi;
      }
      return r.series.length + r.skipped.length === days.length;
    },
  ), { numRuns: 100 });
});
