import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FlowTape } from './flow-tape.ts';
import { DEFAULT_FLOW_SETTINGS, type FlowSettings } from './flow-settings.ts';
import type { OptionTrade, Right, Side } from './option-trade.ts';
import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../units.ts';

const T0 = Date.parse('2024-01-10T15:00:00Z'); // 10:00 New York

interface TradeInput {
  ms: number; underlying?: string; expiry?: string; strike?: number; right?: Right; price?: number;
  size?: number; bid?: number; ask?: number; exchange?: string; side?: Side | null;
}

function trade(o: TradeInput): OptionTrade {
  return {
    ts: (T0 + o.ms) as EpochMs,
    underlying: o.underlying ?? 'SPY',
    expiry: (o.expiry ?? '2024-02-01') as IsoDate,
    strike: o.strike ?? 470,
    right: o.right ?? 'C',
    price: (o.price ?? 2.6) as PricePerShare,
    size: (o.size ?? 10) as Contracts,
    bid: (o.bid ?? 2.15) as PricePerShare,
    ask: (o.ask ?? 2.6) as PricePerShare,
    exchange: o.exchange ?? 'C',
    condition: '',
    side: o.side === undefined ? 'buy' : o.side,
  };
}

function run(trades: OptionTrade[], settings: FlowSettings = DEFAULT_FLOW_SETTINGS, oi: number | null = 1000) {
  const tape = new FlowTape();
  tape.addAll(trades);
  const out = tape.signals(settings, () => oi);
  return { signals: out.get('SPY') ?? [], stats: tape.stats };
}

test('seed 004 coalescing: same side within 500 ms of the previous print joins (a chain can span longer); 501 ms does not', () => {
  const { signals } = run([
    trade({ ms: 0, size: 40, exchange: 'C' }),
    trade({ ms: 500, size: 40, exchange: 'X' }),
    trade({ ms: 1000, size: 40, exchange: 'A' }), // 500 ms after the previous print: joins; group spans 1 s
    trade({ ms: 1501, size: 150 }), // 501 ms later: a new group
  ]);
  assert.equal(signals.length, 2);
  const [sweep, block] = signals;
  assert.equal(sweep?.structure, 'sweep');
  assert.equal(sweep?.size, 120);
  assert.equal(sweep?.printCount, 3);
  assert.deepEqual(sweep?.exchanges, ['A', 'C', 'X']);
  assert.equal(sweep?.ts, T0 + 1000, 'group ts = last print');
  assert.equal(block?.structure, 'block');
});

test('seed 004 coalescing: a side change closes the group; the notable threshold applies to the group total', () => {
  const { signals } = run([
    trade({ ms: 0, size: 60 }),
    trade({ ms: 100, size: 60, side: 'sell', price: 2.15 }),
    trade({ ms: 200, size: 60 }),
    trade({ ms: 300, size: 60 }), // with the print at 200: a 120-lot sweep of two 60-lot prints
  ]);
  assert.equal(signals.length, 1);
  assert.equal(signals[0]?.size, 120);
  assert.equal(signals[0]?.structure, 'sweep');
});

test('seed 004: VWAP price, summed size, premium = Σ price × size × 100', () => {
  const { signals } = run([
    trade({ ms: 0, size: 100, price: 2.5 }),
    trade({ ms: 10, size: 300, price: 2.6 }),
  ]);
  const s = signals[0];
  assert.ok(s);
  assert.equal(Math.round(s.price * 1e6) / 1e6, 2.575);
  assert.equal(Math.round(s.premium), 103_000);
});

test('singletons: ≥ block size is a block (0.55); below it, with the notable threshold lowered, single (0.20)', () => {
  const low = { ...DEFAULT_FLOW_SETTINGS, notableSize: 10 };
  const { signals } = run([trade({ ms: 0, size: 50 }), trade({ ms: 5000, size: 100 })], low);
  assert.deepEqual(signals.map((s) => [s.structure, s.components.sweep]), [['single', 0.2], ['block', 0.55]]);
});

test('an empty side is classified from the NBBO (quote rule) and counted; crossed NBBO prints are kept and counted', () => {
  const { signals, stats } = run([
    trade({ ms: 0, size: 200, side: null, price: 2.55 }),
    trade({ ms: 9000, size: 200, side: null, price: 2.5, bid: 2.55, ask: 2.5 }),
  ]);
  assert.equal(stats.sidesInferred, 2);
  assert.equal(stats.crossedOrLocked, 1);
  assert.equal(signals[0]?.side, 'buy');
  assert.equal(signals[1]?.components.aggressor, 0.5, 'crossed: neutral 0.5');
  assert.equal(signals[1]?.crossedOrLocked, true);
});

test('DTE counts calendar days from the New York trade date; 0DTE tagged; whale tag at $1M premium', () => {
  const { signals } = run([
    trade({ ms: 0, size: 5000, expiry: '2024-01-10', price: 2.6 }),
    trade({ ms: 0, size: 100, expiry: '2024-02-01', strike: 480 }),
  ]);
  const zero = signals.find((s) => s.dte === 0);
  const later = signals.find((s) => s.dte === 22);
  assert.ok(zero && later);
  assert.ok(zero.tags.includes('0dte') && zero.tags.includes('whale'));
  assert.ok(!later.tags.includes('0dte') && !later.tags.includes('whale'));
  assert.equal(Math.round(later.components.tenor * 100) / 100, 0.51);
});

const sideArb = fc.constantFrom<Side | null>('buy', 'sell', 'mid', null);
const tradeArb = fc.record({
  ms: fc.integer({ min: 0, max: 5000 }),
  size: fc.integer({ min: 1, max: 400 }),
  strike: fc.constantFrom(460, 470),
  right: fc.constantFrom<Right>('C', 'P'),
  side: sideArb,
  price: fc.constantFrom(2.15, 2.3, 2.375, 2.5, 2.6, 2.65),
  exchange: fc.constantFrom('A', 'C', 'X'),
}).map(trade);

test('property: results do not depend on the order of input rows (including same-millisecond prints)', () => {
  const tapeAndPermutation = fc.array(tradeArb, { maxLength: 60 }).chain((trades) =>
    fc.tuple(fc.constant(trades), fc.shuffledSubarray(trades, { minLength: trades.length, maxLength: trades.length })));
  fc.assert(fc.property(tapeAndPermutation, ([trades, shuffled]) => {
    assert.deepEqual(run(shuffled).signals, run(trades).signals);
  }), { numRuns: 200 });
});

test('property: coalescing never loses contracts — signal sizes + sub-threshold group sizes = total size, per contract', () => {
  const everything = { ...DEFAULT_FLOW_SETTINGS, notableSize: 1 };
  fc.assert(fc.property(fc.array(tradeArb, { maxLength: 60 }), (trades) => {
    const { signals, stats } = run(trades, everything);
    const total = trades.reduce((a, t) => a + t.size, 0);
    assert.equal(signals.reduce((a, s) => a + s.size, 0), total);
    assert.equal(signals.reduce((a, s) => a + s.printCount, 0), stats.prints);
    for (const s of signals) {
      assert.ok(s.score >= 0 && s.score <= 100);
      assert.equal(Object.values(s.breakdown).reduce((a, b) => a + b, 0), s.score);
    }
  }), { numRuns: 200 });
});

test('property: incremental — signals() after each batch of new prints (any order, several underlyings and days) equals a fresh tape over all of them', () => {
  const multi = fc.record({
    t: tradeArb, underlying: fc.constantFrom('SPY', 'QQQ'), dayShift: fc.constantFrom(0, 0, 0, 86_400_000),
  }).map(({ t, underlying, dayShift }) => ({ ...t, underlying, ts: (t.ts + dayShift) as EpochMs }));
  fc.assert(fc.property(fc.array(fc.array(multi, { maxLength: 25 }), { minLength: 1, maxLength: 6 }), (batches) => {
    const live = new FlowTape();
    const lookup = () => 1000;
    const seen: OptionTrade[] = [];
    for (const batch of batches) {
      live.addAll(batch);
      seen.push(...batch);
      const got = live.signals(DEFAULT_FLOW_SETTINGS, lookup);
      const fresh = new FlowTape();
      fresh.addAll(seen);
      const want = fresh.signals(DEFAULT_FLOW_SETTINGS, lookup);
      assert.deepEqual(got, want);
      assert.deepEqual(live.stats, fresh.stats);
    }
  }), { numRuns: 200 });
});

test('incremental: a new settings object or OI lookup reruns everything; the returned lists are fresh arrays', () => {
  const tape = new FlowTape();
  tape.addAll([trade({ ms: 0, size: 300 }), trade({ ms: 100, size: 300 })]);
  const a = tape.signals(DEFAULT_FLOW_SETTINGS, () => 1000);
  (a.get('SPY') as unknown[]).length = 0;
  const b = tape.signals(DEFAULT_FLOW_SETTINGS, () => 1000);
  assert.equal(b.get('SPY')?.length, 1, 'mutating a result does not touch the cache');
  const noOi = tape.signals(DEFAULT_FLOW_SETTINGS, () => null);
  assert.notDeepEqual(noOi.get('SPY')?.[0]?.breakdown, b.get('SPY')?.[0]?.breakdown);
});
