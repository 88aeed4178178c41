import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from '../units.ts';
import type { SmiPoint } from './smart-money-index.ts';
import { smiEvents } from './smi-divergences.ts';

const pt = (i: number, close: number, smi: number): SmiPoint =>
  ({ date: isoDate(`2020-01-${String(i + 1).padStart(2, '0')}`), smi, close, first_half_hour_change: 0, last_hour_change: 0 });

test('seed 002: new price high with SMI below its prior high is a bearish divergence', () => {
  const s = [pt(0, 100, 10), pt(1, 101, 12), pt(2, 102, 11), pt(3, 103, 11.5)];
  const e = smiEvents(s, 3);
  assert.deepEqual(e, [{ date: '2020-01-04', kind: 'bearish_divergence', close: 103, smi: 11.5, prior_close_extreme: 102, prior_smi_extreme: 12, lookback: 3 }]);
});

test('seed 002: new price low with SMI holding above its prior low is a bullish divergence; joint moves confirm', () => {
  const s = [pt(0, 100, 10), pt(1, 99, 9), pt(2, 98, 8), pt(3, 97, 8.5), pt(4, 96, 7), pt(5, 101, 20)];
  const kinds = smiEvents(s, 3).map((e) => `${e.date} ${e.kind}`);
  assert.deepEqual(kinds, ['2020-01-04 bullish_divergence', '2020-01-05 bearish_confirmation', '2020-01-06 bullish_confirmation']);
});
