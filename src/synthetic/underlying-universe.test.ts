import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUniverse } from './underlying-universe.ts';

test('3,000 names: unique symbols, real tickers first, then generated ones', () => {
  const u = buildUniverse(3000, 1);
  assert.equal(u.length, 3000);
  assert.equal(new Set(u.map((x) => x.symbol)).size, 3000);
  assert.deepEqual(u.slice(0, 3).map((x) => x.symbol), ['SPY', 'QQQ', 'TSLA']);
  assert.equal(u.filter((x) => x.kind === 'real-ticker').length, 50);
  assert.ok(u.slice(50).every((x) => x.kind === 'generated' && /^[A-Z]{4,5}$/.test(x.symbol)));
});

test('heavy tail: with 3,000 names the top name carries 10–25% and the top ten 35–55% of activity (design target: SPY ≈ 16%, top ten ≈ 44%)', () => {
  const u = buildUniverse(3000, 1);
  const total = u.reduce((s, x) => s + x.activityWeight, 0);
  const top1 = (u[0]?.activityWeight ?? 0) / total;
  const top10 = u.slice(0, 10).reduce((s, x) => s + x.activityWeight, 0) / total;
  assert.ok(top1 > 0.1 && top1 < 0.25, `top1 ${top1}`);
  assert.ok(top10 > 0.35 && top10 < 0.55, `top10 ${top10}`);
});

test('a generated name keeps its numbers when the universe grows (own PRNG stream per name)', () => {
  const small = buildUniverse(60, 9)[55];
  const large = buildUniverse(600, 9)[55];
  assert.deepEqual(small, large);
  assert.notDeepEqual(buildUniverse(60, 10)[55]?.previousClose, small?.previousClose);
});

test('tick classes follow the Penny Interval Program: SPY/QQQ/IWM all-penny, top 360 penny, the rest nickel', () => {
  const u = buildUniverse(400, 1);
  assert.equal(u.find((x) => x.symbol === 'IWM')?.tickClass, 'all-penny');
  assert.equal(u[3]?.tickClass, 'penny');
  assert.equal(u[359]?.tickClass, 'penny');
  assert.equal(u[360]?.tickClass, 'nickel');
  assert.throws(() => buildUniverse(0, 1), /symbols was 0/);
});
