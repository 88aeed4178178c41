import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EpochMs } from '../units.ts';
import { rapidChangeAlerts } from './rapid-change-alerts.ts';

const H = 3_600_000;
const pts = (list: [number, number][]) => list.map(([h, score]) => ({ ts: (h * H) as EpochMs, score }));

test('seed 001 edge on a daily series: 15.0 points between consecutive days alerts, 14.9 does not, 2 days apart is outside 24 h', () => {
  assert.deepEqual(rapidChangeAlerts(pts([[0, 50], [24, 65]])).map((a) => [a.change, a.direction]), [[15, 'up']]);
  assert.deepEqual(rapidChangeAlerts(pts([[0, 50], [24, 64.9]])), []);
  assert.deepEqual(rapidChangeAlerts(pts([[0, 50], [48, 80]])), []);
  assert.deepEqual(rapidChangeAlerts(pts([[0, 60], [24, 45], [48, 30]])).map((a) => a.ts / H), [24, 48]);
});

test('intraday: any earlier point within 24 h counts (23 h yes, 25 h no), the largest move is reported', () => {
  const a = rapidChangeAlerts(pts([[0, 40], [1, 50], [23, 56]]));
  assert.equal(a.length, 1);
  assert.deepEqual([a[0]?.fromTs, a[0]?.change], [0, 16]);
  assert.deepEqual(rapidChangeAlerts(pts([[0, 40], [25, 56]])), []);
  // 15.0 after rounding to 0.1: 60.3 − 45.3 = 14.999999999999996
  assert.equal(rapidChangeAlerts(pts([[0, 45.3], [1, 60.3]])).length, 1);
});

test('intraday de-duplication: one alert per direction per 24 h; the opposite direction is not suppressed', () => {
  const a = rapidChangeAlerts(pts([[0, 40], [1, 56], [2, 58], [3, 60], [4, 42], [26, 70]]));
  assert.deepEqual(a.map((x) => [x.ts / H, x.direction]), [[1, 'up'], [4, 'down'], [26, 'up']]);
  assert.throws(() => rapidChangeAlerts(pts([[1, 40], [0, 60]])), /time order/);
});
