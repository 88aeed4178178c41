import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { bucketCounts, FIVE_MINUTE_PROFILE } from './intraday-profile.ts';
import { readLines } from '../ingest/line-reader.ts';

const bars = fileURLToPath(new URL('../../../shared/data/spy-qqq-intraday-bars-2025-2026/SPY_5min.csv.gz', import.meta.url));

test('the embedded profile is the SPY 5-minute volume share of the 206 full 2025-05-12…2026-03-11 sessions',
  { skip: existsSync(bars) ? false : 'needs ../shared/data' }, async () => {
    const perDay = new Map<string, number>();
    const rows: [string, number, number][] = [];
    for await (const batch of readLines(bars)) {
      for (const line of batch.lines) {
        const [dt, , , , , vol] = line.split(',');
        if (dt === undefined || dt === 'datetime') continue;
        const mm = +dt.slice(11, 13) * 60 + +dt.slice(14, 16);
        if (mm < 570 || mm >= 960) continue;
        const d = dt.slice(0, 10);
        perDay.set(d, (perDay.get(d) ?? 0) + 1);
        rows.push([d, (mm - 570) / 5, Number(vol)]);
      }
    }
    const sums = new Array<number>(78).fill(0);
    for (const [d, b, v] of rows) if (perDay.get(d) === 78) sums[b] = (sums[b] as number) + v;
    const total = sums.reduce((s, v) => s + v, 0);
    for (let b = 0; b < 77; b++) {
      assert.ok(Math.abs((100 * (sums[b] as number)) / total - (FIVE_MINUTE_PROFILE[b] as number)) < 0.006, `bar ${b}`);
    }
  });

test('the profile is U-shaped: first and last half hours each carry more than twice the midday half hour', () => {
  const half = (k: number) => FIVE_MINUTE_PROFILE.slice(6 * k, 6 * k + 6).reduce((s, v) => s + v, 0);
  assert.ok(half(0) > 2 * half(6) && half(12) > 2 * half(6));
});

test('bucket counts are whole, non-negative and sum exactly to the total (property)', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 200 }), (total, buckets) => {
    const c = bucketCounts(total, buckets);
    return c.length === buckets && c.every((x) => Number.isInteger(x) && x >= 0) && c.reduce((s, v) => s + v, 0) === total;
  }));
});
