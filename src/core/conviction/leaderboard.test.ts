import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isoDate } from '../units.ts';
import type { ConvictionDirection, ConvictionRow } from './conviction-row.ts';
import { compareRows, ConvictionLeaderboard, rowChange } from './leaderboard.ts';

function row(symbol: string, score: number, direction: ConvictionDirection, total_premium = 1e6, dp_premium: number | null = 2e6, alerts = 1): ConvictionRow {
  return {
    symbol, date: isoDate('2025-03-14'), direction, score, options_flow: score, dark_pool: 0, alert_cluster: 0, greek_positioning: null,
    total_premium, dp_premium, alerts,
    breakdown: {} as ConvictionRow['breakdown'],
  };
}

test('leaderboard: ranked by score, then options premium, then symbol; a filter keeps the board ranks; tiles are the day at a glance', () => {
  const b = new ConvictionLeaderboard();
  b.set(row('AAA', 50, 'bullish'));
  b.set(row('BBB', 70, 'bearish', 5e6));
  b.set(row('CCC', 70, 'neutral', 9e6, null, 3));
  b.set(row('DDD', 10, 'bullish'));
  assert.deepEqual(b.ranked().map((r) => `${r.rank}${r.row.symbol}`), ['1CCC', '2BBB', '3AAA', '4DDD']);
  assert.deepEqual(b.ranked({ direction: 'bullish' }).map((r) => `${r.rank}${r.row.symbol}`), ['3AAA', '4DDD']);
  assert.deepEqual(b.ranked({ limit: 2 }).map((r) => r.row.symbol), ['CCC', 'BBB']);
  assert.equal(b.rankOf('AAA'), 3);
  assert.equal(b.rankOf('ZZZ'), null);
  assert.deepEqual(b.tiles(), {
    sentiment: { bullish: 2, bearish: 1, neutral: 1 }, avg_score: 50, symbols: 4,
    total_premium: 1e6 + 5e6 + 9e6 + 1e6, dp_premium: 6e6, alerts: 6,
  });
  b.set(row('DDD', 90, 'bearish'));
  assert.equal(b.ranked()[0]?.row.symbol, 'DDD');
  assert.deepEqual(b.tiles().sentiment, { bullish: 1, bearish: 2, neutral: 1 });
  assert.equal(b.size, 4);
});

test('row change: score difference and the previous direction; null for a symbol new today', () => {
  assert.deepEqual(rowChange(row('A', 62.5, 'bullish'), row('A', 40.25, 'bearish')),
    { score: 22.25, previous_score: 40.25, previous_direction: 'bearish', direction_changed: true });
  assert.equal(rowChange(row('A', 1, 'bullish'), null), null);
});

test('property: incremental updates in any order give the board a full sort of the final rows gives, and the same tiles', () => {
  const update = fc.record({
    symbol: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'),
    score: fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
    direction: fc.constantFrom<ConvictionDirection>('bullish', 'bearish', 'neutral'),
    premium: fc.integer({ min: 0, max: 5 }).map((x) => x * 1e6),
  });
  fc.assert(fc.property(fc.array(update, { maxLength: 60 }), (updates) => {
    const b = new ConvictionLeaderboard();
    const last = new Map<string, ConvictionRow>();
    for (const u of updates) {
      const r = row(u.symbol, u.score, u.direction, u.premium);
      b.set(r);
      last.set(u.symbol, r);
    }
    const expected = [...last.values()].sort(compareRows).map((r) => r.symbol);
    assert.deepEqual(b.ranked().map((r) => r.row.symbol), expected);
    const reversed = new ConvictionLeaderboard();
    for (const r of [...last.values()].reverse()) reversed.set(r);
    assert.deepEqual(reversed.ranked().map((r) => r.row.symbol), expected);
    assert.equal(b.tiles().symbols, last.size);
    assert.equal(b.tiles().alerts, last.size);
  }), { numRuns: 300 });
});
