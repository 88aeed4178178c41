import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ISO_MASK } from '../core/dark-pool/sale-conditions.ts';
import { quoteRuleSide } from '../core/dark-pool/trade-side.ts';
import { equityNameProfile } from './equity-name-profile.ts';
import { type EquityName, EquityPrintFactory } from './equity-print-events.ts';
import type { EquityRow } from './equity-row-buffer.ts';
import { LitVenuePicker } from './equity-venues.ts';
import { Prng } from './prng.ts';
import { buildUniverse } from './underlying-universe.ts';

const universe = buildUniverse(10, 1);
const names: EquityName[] = universe.map((u) => {
  const profile = equityNameProfile(u);
  return { profile, venues: new LitVenuePicker(profile.listingVenue), price: () => u.previousClose, earlierPrice: () => u.previousClose };
});
function collect(): { rows: EquityRow[]; add(r: EquityRow): void } {
  const rows: EquityRow[] = [];
  return { rows, add: (r) => { rows.push({ ...r }); } };
}

test('informed blocks print off-exchange and the quote rule (Lee–Ready) signs them the informed way: buys at or above the ask side, sells at or below the bid side', () => {
  const f = new EquityPrintFactory(names);
  const rng = Prng.fromSeed(2);
  const out = collect();
  for (let i = 0; i < 400; i++) f.informedBlock(rng, 8, 1000 + i, i % 2 === 0, 1_000_000, out);
  for (const [i, r] of out.rows.entries()) {
    assert.equal(String.fromCharCode(r.venue), 'D');
    const side = quoteRuleSide(r.priceUnits / 10_000, r.bidCents / 100, r.askCents / 100);
    assert.equal(side, i % 2 === 0 ? 'buy' : 'sell', JSON.stringify(r));
    assert.ok(r.size * (r.priceUnits / 10_000) >= 1_000_000 - 100 * 600, 'about $1M');
  }
  assert.equal(f.stats.informedBlocks, 400);
});

test('continuous events: ISO sweeps are 3–12 prints, ≤ 5 ms apart, on ≥ 2 venues, one side; every print has a positive price and size', () => {
  const f = new EquityPrintFactory(names);
  const rng = Prng.fromSeed(3);
  const out = collect();
  let sweeps = 0;
  for (let i = 0; i < 20_000;) {
    const before = f.stats.sweeps;
    const k = f.continuous(rng, i % 10, 1_000_000 + i * 1000, 20_000 - i, 1e12, out);
    const event = out.rows.slice(out.rows.length - k);
    if (f.stats.sweeps > before) {
      sweeps++;
      assert.ok(k >= 3 && k <= 12, `${k}`);
      assert.ok(event.every((r, j) => (r.conditions & ISO_MASK) !== 0 && (j === 0 || r.ts - (event[j - 1] as EquityRow).ts <= 5)));
      assert.ok(new Set(event.map((r) => r.venue)).size >= 2);
      const first = event[0] as EquityRow;
      const buy = first.priceUnits === first.askCents * 100;
      assert.ok(event.every((r) => r.priceUnits === (buy ? r.askCents : r.bidCents) * 100), 'one side, at the quote it hit');
    } else assert.equal(k, 1);
    i += k;
  }
  assert.equal(out.rows.length, f.stats.rows);
  assert.ok(out.rows.every((r) => r.priceUnits > 0 && r.size > 0));
  assert.ok(sweeps > 500);
  assert.equal(sweeps, f.stats.sweeps);
});
